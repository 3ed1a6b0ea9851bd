import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { CallOutput } from '../../../../shared/ipc/contract';

type Preview = CallOutput<'yearRollover.preview'>;

/** The roll-over's totals under the table, with what it leaves out and why. */
export function RolloverTotals({ preview }: { preview: Preview }) {
  const { students, graduating, withoutClass } = preview.totals;
  const beyond = preview.lines.filter((l) => l.beyond);
  const beyondStudents = beyond.reduce((n, l) => n + l.students, 0);
  return (
    <Box component="section" aria-label="升级合计" sx={{ mt: 1.5 }}>
      <Typography variant="body2" sx={{ fontWeight: 500 }}>
        合计：在籍在校 {students} 人升入下一年级，其中毕业年级 {graduating} 人；未分班 {withoutClass} 人。
      </Typography>
      {withoutClass > 0 && (
        <Alert severity="warning" sx={{ mt: 1 }}>
          未分班的在籍学生不会升级（{withoutClass} 人）。请先在学生名册中为他们分班，再做学年升级。
        </Alert>
      )}
      {beyond.length > 0 && (
        <Alert severity="warning" sx={{ mt: 1 }}>
          {beyond.length} 个班级（{beyondStudents} 人）已超出学制，学生应已毕业或延长学习年限，请核对他们的学籍状态；升级不会改变他们的学籍状态。
        </Alert>
      )}
    </Box>
  );
}
