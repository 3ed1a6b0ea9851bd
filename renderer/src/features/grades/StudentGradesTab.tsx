import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { Dec, formatGpa, gpaMethodClauses, gpaMethodText } from '../../../../shared/domain/grades';
import type { CallOutput } from '../../../../shared/ipc/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/LoadingBlock';
import { useCallData } from '../../ipc/useCall';
import { MONO_STACK } from '../../app/theme';
import { attemptText, type Attempt } from './gridModel';
import { termLabel } from './text';

type Course = CallOutput<'grades.ofStudent'>['courses'][number];
type GpaLine = CallOutput<'grades.gpa'>['courses'][number];

/** Marked beside a grade (41号令 第十八条: 补考、重修 are marked on the record); 正考 goes unmarked. */
const MARK_COLOR: Partial<Record<Attempt['kind'], 'warning' | 'error' | 'info' | 'default'>> = { 补考: 'warning', 重修: 'error', 缓考: 'info', 免修: 'default' };

/** The student profile's 成绩 tab: courses by the term first taken, every attempt marked, and the GPA. */
export function StudentGradesTab({ studentId, refreshKey }: { studentId: number; refreshKey: string }) {
  const grades = useCallData('grades.ofStudent', { studentId }, `${studentId}:${refreshKey}`);
  const gpa = useCallData('grades.gpa', { studentId }, `${studentId}:${refreshKey}`);
  const method = useCallData('grades.method', {});
  const error = grades.error ?? gpa.error;
  if (error) return <ErrorAlert error={error} />;
  if (!grades.data || !gpa.data) return <LoadingBlock />;
  if (grades.data.courses.length === 0) {
    return (
      <Typography variant="body2" sx={{ color: 'text.secondary', py: 4, textAlign: 'center' }}>
        还没有成绩记录。
      </Typography>
    );
  }
  const lines = new Map(gpa.data.courses.map((l) => [l.code, l]));
  const terms = [...new Set(grades.data.courses.map((c) => c.first))];
  const g = gpa.data;

  return (
    <Box>
      <Paper variant="outlined" component="section" aria-label="平均学分绩点" sx={{ p: 2, mb: 2.5, display: 'flex', columnGap: 4, rowGap: 1, alignItems: 'center', flexWrap: 'wrap', bgcolor: '#f8fafd' }}>
        <Box>
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            平均学分绩点
          </Typography>
          <Typography sx={{ fontSize: 30, fontWeight: 600, lineHeight: 1.2 }} aria-label="平均学分绩点数值">
            {g.gpaText}
          </Typography>
        </Box>
        <Stat label="已获学分" value={g.creditsEarned} />
        <Stat label="计入绩点的学分" value={g.creditsCounted} />
        <Stat label="学分绩点和" value={g.creditPoints} />
        {method.data && (
          <Typography variant="caption" component="p" sx={{ color: 'text.secondary', flexBasis: '100%', m: 0 }} aria-label="计算方法" title={gpaMethodText(method.data.method)}>
            按学校设置计算：每门课程取最好的一次成绩；{gpaMethodClauses(method.data.method).slice(0, 3).join('；')}。
          </Typography>
        )}
      </Paper>
      {terms.map((term) => (
        <Box key={term} component="section" aria-label={termLabel(term)} sx={{ mb: 2.5 }}>
          <Typography variant="subtitle2" component="h3" sx={{ mb: 0.75 }}>
            {termLabel(term)}
          </Typography>
          <Table size="small" aria-label={`${termLabel(term)}成绩`} sx={{ '& th': { bgcolor: '#f6f8fb', color: 'text.secondary', fontWeight: 500, whiteSpace: 'nowrap' } }}>
            <TableHead>
              <TableRow>
                <TableCell sx={{ width: 110 }}>课程代码</TableCell>
                <TableCell>课程名称</TableCell>
                <TableCell sx={{ width: 64 }}>性质</TableCell>
                <TableCell sx={{ width: 64 }} align="right">
                  学分
                </TableCell>
                <TableCell sx={{ width: 300 }}>成绩</TableCell>
                <TableCell sx={{ width: 64 }} align="right">
                  绩点
                </TableCell>
                <TableCell sx={{ width: 220 }}>备注</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {grades.data!.courses
                .filter((c) => c.first === term)
                .map((c) => (
                  <CourseRow key={c.code} course={c} line={lines.get(c.code)} />
                ))}
            </TableBody>
          </Table>
        </Box>
      ))}
    </Box>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Box>
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
        {label}
      </Typography>
      <Typography sx={{ fontSize: 20, fontWeight: 500 }}>{value}</Typography>
    </Box>
  );
}

function CourseRow({ course, line }: { course: Course; line: GpaLine | undefined }) {
  const note = line?.reason ?? (line && !line.earned ? '未获学分' : '');
  return (
    <TableRow hover>
      <TableCell sx={{ fontFamily: MONO_STACK }}>{course.code}</TableCell>
      <TableCell>{course.name}</TableCell>
      <TableCell>{course.nature}</TableCell>
      <TableCell align="right">{course.credits}</TableCell>
      <TableCell>
        <Box sx={{ display: 'flex', gap: 1.25, flexWrap: 'wrap', alignItems: 'center' }}>
          {course.attempts.map((a) => {
            const counts = line?.attemptNo === a.attemptNo;
            return (
              <Box
                key={a.attemptNo}
                component="span"
                sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, fontWeight: counts ? 600 : 400, color: counts ? 'text.primary' : 'text.secondary' }}
                title={`${a.kind}，${termLabel(a.term)}${counts ? '（计入）' : ''}`}
              >
                {attemptText(a)}
                {a.kind !== '正考' && <Chip size="small" variant="outlined" color={MARK_COLOR[a.kind] ?? 'default'} label={a.kind} sx={{ height: 20, fontSize: 12 }} />}
              </Box>
            );
          })}
        </Box>
      </TableCell>
      <TableCell align="right">{line?.gradePoint ? formatGpa(new Dec(line.gradePoint)) : '—'}</TableCell>
      <TableCell sx={{ color: 'text.secondary' }}>{note}</TableCell>
    </TableRow>
  );
}
