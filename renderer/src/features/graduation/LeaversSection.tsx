import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { studentNoText } from '../../../../shared/domain/student-no';
import type { CallInput } from '../../../../shared/ipc/contract';
import { useSession } from '../../app/SessionContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCallData } from '../../ipc/useCall';
import { useProofIssuer } from '../students/profile/useProofIssuer';

/**
 * 已离校学生: the cohort's students who left (退学, 开除学籍), apart from the audit, each with the
 * 肄业证书 or 学习证明 the school's rule gives and why; who may issue proofs issues it from here.
 */
export function LeaversSection({ selection, selectionKey }: { selection: CallInput<'graduation.leavers'>; selectionKey: string }) {
  const { can } = useSession();
  const leavers = useCallData('graduation.leavers', selection, selectionKey);
  const { issue, busy, dialog } = useProofIssuer();
  const rows = leavers.data?.rows ?? [];
  const mayIssue = can('students.write');
  if (!leavers.error && rows.length === 0) return null;
  return (
    <Box sx={{ mt: 3 }}>
      <Typography variant="h6" component="h2" sx={{ mb: 0.5 }}>
        已离校学生（退学、开除学籍） {rows.length} 人
      </Typography>
      <Typography variant="body2" sx={{ color: 'text.secondary', mb: 1 }}>
        不参加毕业审核。退学前学满一学年（休学不计）发肄业证书，未满一学年发学习证明；开除学籍者只发学习证明。
      </Typography>
      <ErrorAlert error={leavers.error} />
      <Paper variant="outlined">
        <Table size="small" aria-label="已离校学生">
          <TableHead>
            <TableRow>
              <TableCell sx={{ width: 130 }}>学号</TableCell>
              <TableCell sx={{ width: 90 }}>姓名</TableCell>
              <TableCell sx={{ width: 160 }}>班级</TableCell>
              <TableCell sx={{ width: 100 }}>学籍状态</TableCell>
              <TableCell sx={{ width: 110 }}>应发</TableCell>
              <TableCell>依据</TableCell>
              {mayIssue && <TableCell sx={{ width: 140 }} />}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.studentId} hover>
                <TableCell sx={{ fontVariantNumeric: 'tabular-nums' }}>{studentNoText(r.studentNo)}</TableCell>
                <TableCell>{r.name}</TableCell>
                <TableCell>{r.className ?? ''}</TableCell>
                <TableCell>{r.statusName}</TableCell>
                <TableCell>{r.title ? <Chip size="small" label={r.title} color={r.document === 'incomplete' ? 'primary' : 'default'} variant="outlined" /> : <Typography variant="body2" sx={{ color: 'warning.main' }}>无法判断</Typography>}</TableCell>
                <TableCell>
                  <Typography variant="body2">{r.reason}</Typography>
                </TableCell>
                {mayIssue && (
                  <TableCell>
                    {r.document && (
                      <Button size="small" variant="outlined" disabled={busy} onClick={() => void issue(r.studentId, r.name, r.document!)} aria-label={`开具${r.title} ${r.name}`}>
                        开具{r.title}
                      </Button>
                    )}
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Paper>
      {dialog}
    </Box>
  );
}
