import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { studyYearLabel } from '../../../../shared/domain/school-year';
import type { CallOutput } from '../../../../shared/ipc/contract';

type Line = CallOutput<'yearRollover.preview'>['lines'][number];

const HEAD = ['班级', '年级', '学制', '在籍在校人数', '在读年级', '说明'];
const headCell = { color: 'text.secondary', fontWeight: 500, bgcolor: '#f6f8fb', whiteSpace: 'nowrap' } as const;

/** 学制 as the office writes it: 3 年, 2.5 年. */
const lengthText = (years: number) => `${years} 年`;

/** What the roll-over does to each class: 在读年级 from → to, with the last-year and past-学制 cohorts marked. */
export function RolloverTable({ lines }: { lines: readonly Line[] }) {
  if (lines.length === 0) {
    return (
      <Typography variant="body2" sx={{ color: 'text.secondary', py: 3, textAlign: 'center' }}>
        没有在籍在校学生的班级，升级不会改变任何学生。
      </Typography>
    );
  }
  return (
    // Tall enough for a department's classes at a glance; a large one scrolls under a fixed header.
    <TableContainer sx={{ maxHeight: 440, border: '1px solid', borderColor: 'divider', borderRadius: 1 }}>
      <Table size="small" stickyHeader aria-label="各班升级情况">
        <TableHead>
          <TableRow>
            {HEAD.map((h) => (
              <TableCell key={h} sx={headCell} align={h === '在籍在校人数' ? 'right' : 'left'}>
                {h}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {lines.map((l) => (
            <TableRow key={l.classId} hover>
              <TableCell>{l.className}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{l.cohortYear}级</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{lengthText(l.lengthYears)}</TableCell>
              <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                {l.students}
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                {studyYearLabel(l.fromStudyYear)} → {studyYearLabel(l.toStudyYear)}
              </TableCell>
              <TableCell>
                <Stack direction="row" spacing={0.5}>
                  {l.graduating && <Chip size="small" color="primary" variant="outlined" label="毕业年级" />}
                  {l.beyond && <Chip size="small" color="warning" label="超出学制" title="已超过学制年限，学生应已毕业或办理延长学习年限，请核对其学籍状态" />}
                </Stack>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
