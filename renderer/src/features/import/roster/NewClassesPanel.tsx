import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useCallData } from '../../../ipc/useCall';
import { CodeSelect } from '../../students/common/CodeSelect';
import type { Previewed } from './wizardTypes';

type NewClass = NonNullable<Previewed['roster']>['newClasses'][number];

interface Props {
  classes: readonly NewClass[];
  /** 自动创建名单中不存在的班级 is ticked. */
  willCreate: boolean;
  disabled?: boolean;
  /** A major chosen for a class: the wizard checks again with it. */
  onChooseMajor: (className: string, majorId: number) => void;
}

const quoted = (list: readonly NewClass[]) => list.map((c) => `“${c.name}”`).join('、');
const FROM_TEXT = { file: '按文件中的“专业”列', chosen: '已选择' } as const;

/**
 * Classes named in the file that the department does not have yet. A class is promised only
 * with its major (from the file's 专业 column, or chosen here); one without is asked for first.
 */
export function NewClassesPanel({ classes, willCreate, disabled = false, onChooseMajor }: Props) {
  const tree = useCallData('org.tree', {});
  if (classes.length === 0) return null;
  if (!willCreate) {
    return (
      <Alert severity="warning">
        名单中有 {classes.length} 个班级在系统中不存在：{quoted(classes)}。可以勾选“自动创建名单中不存在的班级”后重新检查，或先在“专业与班级”中新建这些班级。
      </Alert>
    );
  }
  const ready = classes.filter((c) => c.majorId !== null);
  const waiting = classes.filter((c) => c.majorId === null);
  const majors = (tree.data?.majors ?? []).map((m) => ({ code: String(m.id), name: `${m.name}（${m.code}）` }));
  return (
    <Alert severity={waiting.length ? 'warning' : 'info'} sx={{ '& .MuiAlert-message': { width: '100%' } }}>
      <AlertTitle>{waiting.length ? `请为 ${waiting.length} 个新班级选择所属专业` : `导入时将新建 ${ready.length} 个班级`}</AlertTitle>
      {waiting.length > 0 && (
        <Typography variant="body2" sx={{ mb: 1 }}>
          系统中没有班级 {quoted(waiting)}，文件中也没有可用的“专业”。选择专业后会自动重新检查；未选择专业的班级不会新建，其中的学生不能导入。
        </Typography>
      )}
      {ready.length > 0 && waiting.length > 0 && (
        <Typography variant="body2" sx={{ mb: 1 }}>
          将新建：{ready.map((c) => `“${c.name}”（${c.majorName}）`).join('、')}。
        </Typography>
      )}
      <Box role="list" aria-label="新班级" sx={{ display: 'grid', gridTemplateColumns: 'minmax(160px, max-content) 72px minmax(240px, 360px) auto', gap: 1, alignItems: 'center' }}>
        {classes.map((c) => (
          <Box key={c.name} role="listitem" sx={{ display: 'contents' }}>
            <Typography variant="body2" sx={{ fontWeight: 500 }}>
              {c.name}
            </Typography>
            <Typography variant="body2" sx={{ color: 'text.secondary' }}>
              {c.rows} 行
            </Typography>
            <CodeSelect
              label={`“${c.name}”所属专业`}
              value={c.majorId === null ? '' : String(c.majorId)}
              options={majors}
              emptyLabel="请选择专业"
              disabled={disabled || tree.loading}
              onChange={(v) => v && onChooseMajor(c.name, Number(v))}
            />
            <Typography variant="caption" sx={{ color: 'text.secondary' }}>
              {c.majorFrom ? FROM_TEXT[c.majorFrom] : ''}
            </Typography>
          </Box>
        ))}
      </Box>
    </Alert>
  );
}
