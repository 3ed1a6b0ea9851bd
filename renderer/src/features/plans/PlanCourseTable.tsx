import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { PlanCourse } from '../../../../shared/ipc/schemas/plans';
import { MONO_STACK } from '../../app/theme';

/** A version's courses as saved, in the plan's order: every field a course has. */
export function PlanCourseTable({ courses }: { courses: readonly PlanCourse[] }) {
  return (
    <Table size="small" aria-label="课程" sx={{ '& th': { bgcolor: '#f6f8fb', color: 'text.secondary', fontWeight: 500, whiteSpace: 'nowrap' }, '& td': { verticalAlign: 'top' } }}>
      <TableHead>
        <TableRow>
          <TableCell>课程代码</TableCell>
          <TableCell>课程名称</TableCell>
          <TableCell>英文名称</TableCell>
          <TableCell align="right">学分</TableCell>
          <TableCell align="right">学时</TableCell>
          <TableCell>性质</TableCell>
          <TableCell>模块</TableCell>
          <TableCell>考核方式</TableCell>
          <TableCell align="center">学期</TableCell>
          <TableCell>记分方式</TableCell>
          <TableCell align="center">计入绩点</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {courses.map((c) => (
          <TableRow key={c.id} hover>
            <TableCell sx={{ fontFamily: MONO_STACK, whiteSpace: 'nowrap' }}>{c.code}</TableCell>
            <TableCell sx={{ minWidth: 140 }}>{c.name}</TableCell>
            <TableCell sx={{ color: c.nameEn ? 'text.primary' : 'text.secondary', minWidth: 160 }}>{c.nameEn || '—'}</TableCell>
            <TableCell align="right">{c.credits}</TableCell>
            <TableCell align="right">{c.hours}</TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{c.nature}</TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{c.module}</TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{c.assessment}</TableCell>
            <TableCell align="center" sx={{ whiteSpace: 'nowrap' }}>
              第 {c.term} 学期
            </TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{c.scale}</TableCell>
            <TableCell align="center">{c.countsTowardGpa ? '是' : '否'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
