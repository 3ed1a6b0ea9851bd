import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { AuditRow } from '../../../../shared/ipc/schemas/audit';
import { formatDateTime } from '../../components/format';
import { AuditMetaRow } from './AuditMetaRow';
import { actionLabel, changeValue, entityLabel, fieldLabel } from './auditLabels';

interface Props {
  row: AuditRow | null;
  onClose: () => void;
}

export function AuditDetailDialog({ row, onClose }: Props) {
  return (
    <Dialog open={row !== null} onClose={onClose} maxWidth="md" fullWidth aria-labelledby="audit-detail-title">
      <DialogTitle id="audit-detail-title">审计记录详情{row ? ` #${row.id}` : ''}</DialogTitle>
      <DialogContent dividers>
        {row && (
          <>
            <AuditMetaRow label="时间" value={formatDateTime(row.at, true)} />
            <AuditMetaRow label="用户" value={row.username} />
            <AuditMetaRow label="操作" value={actionLabel(row.action)} />
            <AuditMetaRow label="对象" value={entityLabel(row.entity)} />
            <AuditMetaRow label="摘要" value={row.summary} />
            <Typography variant="subtitle2" sx={{ mt: 2, mb: 1 }}>
              字段变化
            </Typography>
            {row.changes.length === 0 ? (
              <Typography variant="body2" sx={{ color: 'text.secondary' }}>
                此记录没有字段变化。
              </Typography>
            ) : (
              <Table size="small" aria-label="字段变化">
                <TableHead>
                  <TableRow>
                    <TableCell sx={{ width: '25%' }}>字段</TableCell>
                    <TableCell>修改前</TableCell>
                    <TableCell>修改后</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {row.changes.map((c, i) => (
                    <TableRow key={`${c.field}-${i}`}>
                      <TableCell>{fieldLabel(c.field)}</TableCell>
                      <TableCell sx={{ color: 'text.secondary', wordBreak: 'break-all' }}>{changeValue(c.field, c.before)}</TableCell>
                      <TableCell sx={{ wordBreak: 'break-all' }}>{changeValue(c.field, c.after)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>关闭</Button>
      </DialogActions>
    </Dialog>
  );
}
