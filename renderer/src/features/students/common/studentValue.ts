import { KEY_CHANGE_STATUS_LABELS } from '../../../../../shared/domain/key-changes';
import { formatValue } from '../../../components/format';
import { ethnicityName, genderName, politicalName, statusName } from './codeNames';

const KEY_CHANGE_STATUS: Readonly<Record<string, string>> = KEY_CHANGE_STATUS_LABELS;
const RECORD_KINDS: Record<string, string> = { reward: '奖励', punishment: '处分', position: '学生干部任职', political: '政治面貌记录' };

/** A stored student value as a person reads it: names instead of codes, 是/否 for flags. */
export function studentValue(field: string, value: unknown, classNames?: ReadonlyMap<number, string>): string {
  if (value === null || value === undefined || value === '') return '（空）';
  const s = String(value);
  switch (field) {
    case 'gender':
      return genderName(s);
    case 'ethnicityCode':
      return ethnicityName(s);
    case 'politicalStatusCode':
      return politicalName(s);
    case 'status':
      return statusName(s);
    case 'keyChangeStatus':
      return KEY_CHANGE_STATUS[s] ?? s;
    case 'kind':
      return RECORD_KINDS[s] ?? s;
    case 'classId':
      return classNames?.get(Number(value)) ?? `班级 #${s}`;
    case 'photo':
    case 'photoAttachmentId':
      return '已上传照片';
    case 'registered':
      return value === true || value === 1 ? '已注册' : '未注册';
    default:
      return formatValue(value);
  }
}

export { KEY_CHANGE_STATUS, RECORD_KINDS };
