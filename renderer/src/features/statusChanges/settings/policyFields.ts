import type { StatusPolicy } from '../../../../../shared/domain/status-changes';

export type NumberField = Exclude<keyof StatusPolicy, 'effectiveFrom' | 'militaryCountsTowardMax'>;

/** The school's 学籍 parameters as the settings page names and explains them. */
export const POLICY_FIELDS: { key: NumberField; label: string; unit: string; help: string; step?: number }[] = [
  { key: 'suspensionYearsPerTime', label: '每次休学期限', unit: '年', step: 0.5, help: '一次休学的最长期限；办理休学时按此建议预计复学日期' },
  { key: 'suspensionMaxTimes', label: '休学次数上限', unit: '次', help: '在校期间最多可休学的次数' },
  { key: 'suspensionMaxTotalYears', label: '累计休学上限', unit: '年', step: 0.5, help: '在校期间各次休学合计不超过的年限' },
  { key: 'maxStudyYearsBeyondLength', label: '最长学习年限', unit: '年（学制外）', help: '最长学习年限 = 学制 + 此年数，含休学和保留学籍（41号令 第二十八条）' },
  { key: 'militaryYearsAfterDischarge', label: '入伍保留学籍至退役后', unit: '年', help: '应征入伍的学生保留学籍至退役后的年数（41号令 第二十七条：2 年）' },
  { key: 'retainAdmissionMaxYears', label: '保留入学资格上限', unit: '年', help: '新生保留入学资格的最长年限' },
  { key: 'absenceWithdrawThresholdDays', label: '连续缺勤提示', unit: '天', help: '未请假连续缺勤达到此天数时在待办中提示，可办理退学（41号令 第三十条：连续两周）' },
  { key: 'stepOverdueWorkingDays', label: '审批超期提醒', unit: '个工作日', help: '一个审批步骤等待超过此工作日数，列入“超期未办”' },
  { key: 'endingSoonDays', label: '到期提醒', unit: '天', help: '休学、保留学籍在此天数内到期时列入待办' },
];
