import ArrowBackOutlined from '@mui/icons-material/ArrowBackOutlined';
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
import { useEffect, useState } from 'react';
import type { AuditRow } from '../../../../shared/ipc/schemas/audit';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { call } from '../../ipc/client';
import { AuditBatchRows } from './AuditBatchRows';
import { AuditMetaRow } from './AuditMetaRow';
import { actionLabel, changeValue, entityLabel, fieldLabel } from './auditLabels';

interface Props {
  row: AuditRow | null;
  onClose: () => void;
}

/**
 * One entry: who, when, what, each field before and after. A batch (an import) lists its rows
 * below, paged; opening one of them shows it here, with the way back to its batch. A row found on
 * its own (by the student filter) leads to its batch.
 */
export function AuditDetailDialog({ row, onClose }: Props) {
  const [part, setPart] = useState<AuditRow | null>(null);
  const [batch, setBatch] = useState<AuditRow | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setPart(null);
    setBatch(null);
    setError(null);
  }, [row]);
  const top = batch ?? row;
  const shown = part ?? top;
  const openBatch = async (id: number) => {
    const r = await call('audit.list', { id, page: 0, pageSize: 1 });
    if (r.ok && r.value.rows[0]) setBatch(r.value.rows[0]);
    else setError(r.ok ? '找不到所属的批次记录' : r.error.message);
  };
  return (
    <Dialog open={row !== null} onClose={onClose} maxWidth="md" fullWidth aria-labelledby="audit-detail-title">
      <DialogTitle id="audit-detail-title">
        {part ? '批次明细中的一条' : top && top.childCount > 0 ? '审计记录详情（批次）' : '审计记录详情'}
      </DialogTitle>
      <DialogContent dividers>
        {part && (
          <Button size="small" startIcon={<ArrowBackOutlined />} onClick={() => setPart(null)} sx={{ mb: 1 }}>
            返回本批次
          </Button>
        )}
        {shown && (
          <>
            <AuditMetaRow label="时间" value={formatDateTime(shown.at, true)} />
            <AuditMetaRow label="用户" value={shown.username} />
            <AuditMetaRow label="操作" value={actionLabel(shown.action)} />
            <AuditMetaRow label="对象" value={entityLabel(shown.entity)} />
            <AuditMetaRow label="摘要" value={shown.summary} />
            {!part && shown.parentId !== null && (
              <>
                <AuditMetaRow label="所属" value="一次批量操作（如导入名单）中的一条" />
                <Button size="small" onClick={() => void openBatch(shown.parentId!)}>
                  查看所属批次
                </Button>
                <ErrorAlert error={error} />
              </>
            )}
            {!part && shown.childCount > 0 && (
              <>
                <Typography variant="subtitle2" component="h3" sx={{ mt: 2, mb: 1 }}>
                  本批次明细（共 {shown.childCount} 条）
                </Typography>
                <AuditBatchRows batch={shown} onOpen={setPart} />
              </>
            )}
            <Typography variant="subtitle2" sx={{ mt: 2, mb: 1 }}>
              字段变化
            </Typography>
            {shown.changes.length === 0 ? (
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
                  {shown.changes.map((c, i) => (
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
