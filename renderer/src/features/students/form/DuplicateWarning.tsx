import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { fieldLabel } from '../../../../../shared/domain/student-fields';
import type { CallOutput } from '../../../../../shared/ipc/contract';

type Candidate = CallOutput<'students.duplicates'>[number];

/** 可能重复的学生: people already on file with the same 姓名 and 出生日期, or the same 身份证号. */
export function DuplicateWarning({ candidates }: { candidates: Candidate[] }) {
  if (candidates.length === 0) return null;
  return (
    <Alert severity="warning" sx={{ mt: 1 }}>
      <AlertTitle>可能重复的学生</AlertTitle>
      以下学生与正在填写的信息相似，请确认不是同一人后再保存。
      <Table size="small" sx={{ mt: 1, '& td, & th': { borderColor: 'rgba(0,0,0,0.08)', py: 0.5 } }}>
        <TableHead>
          <TableRow>
            <TableCell>{fieldLabel('studentNo')}</TableCell>
            <TableCell>{fieldLabel('name')}</TableCell>
            <TableCell>{fieldLabel('birthDate')}</TableCell>
            <TableCell>{fieldLabel('idNumber')}</TableCell>
            <TableCell>{fieldLabel('className')}</TableCell>
            <TableCell>{fieldLabel('status')}</TableCell>
            <TableCell>相似原因</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {candidates.map((c) => (
            <TableRow key={c.id}>
              <TableCell>{c.studentNo}</TableCell>
              <TableCell>{c.name}</TableCell>
              <TableCell>{c.birthDate}</TableCell>
              <TableCell>{c.idNumber}</TableCell>
              <TableCell>{c.className ?? '—'}</TableCell>
              <TableCell>{c.status}</TableCell>
              <TableCell>{c.reason}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Alert>
  );
}
