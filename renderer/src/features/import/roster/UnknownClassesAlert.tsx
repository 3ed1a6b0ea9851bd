import Alert from '@mui/material/Alert';

interface Props {
  classes: readonly string[];
  willCreate: boolean;
}

/** Classes named in the file that the department does not have yet. */
export function UnknownClassesAlert({ classes, willCreate }: Props) {
  if (classes.length === 0) return null;
  const names = classes.map((c) => `“${c}”`).join('、');
  return willCreate ? (
    <Alert severity="info">导入时将新建以下 {classes.length} 个班级：{names}。</Alert>
  ) : (
    <Alert severity="warning">
      名单中有 {classes.length} 个班级在系统中不存在：{names}。可以勾选“自动创建名单中不存在的班级”后重新检查，或先在“专业与班级”中新建这些班级。
    </Alert>
  );
}
