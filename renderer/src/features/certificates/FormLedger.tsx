import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { AppErrorData } from '../../../../shared/ipc/result';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { LoadingBlock } from '../../components/LoadingBlock';
import { call } from '../../ipc/client';
import { useCallData } from '../../ipc/useCall';
import { ReasonDialog, type ReasonAsk } from './ReasonDialog';

const STATUS = { unused: '未使用', printed: '已打印', spoiled: '已作废' } as const;
const PAGE = 100;

/**
 * 空白证书登记: the pre-printed blank forms by their printed serials — a range registered as it
 * arrives, each sheet's state and the certificate printed on it, a spoiled sheet recorded with why.
 */
export function FormLedger({ onNotice }: { onNotice: (message: string) => void }) {
  const [status, setStatus] = useState<'all' | keyof typeof STATUS>('all');
  const [page, setPage] = useState(0);
  const input = { ...(status !== 'all' ? { status } : {}), page, pageSize: PAGE };
  const ledger = useCallData('certificateForms.list', input, JSON.stringify(input));
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [error, setError] = useState<AppErrorData | null>(null);
  const [ask, setAsk] = useState<ReasonAsk | null>(null);

  const register = async () => {
    setError(null);
    const r = await call('certificateForms.register', { from, to });
    if (!r.ok) return setError(r.error);
    setFrom('');
    setTo('');
    onNotice(`已登记空白证书 ${r.value.firstSerial}–${r.value.lastSerial}，共 ${r.value.sheets} 张`);
    ledger.reload();
  };
  const spoil = (serial: string) =>
    setAsk({
      title: `空白证书登记作废：${serial}`,
      text: '作废的证书纸不再用于打印；已打印的证书纸作废后仍记着印在上面的证书。',
      label: '作废原因',
      confirmLabel: '登记作废',
      danger: true,
      run: async (reason) => {
        const r = await call('certificateForms.spoil', { serial, reason });
        if (!r.ok) return r.error;
        onNotice(`空白证书 ${serial} 已登记作废`);
        ledger.reload();
        return null;
      },
    });

  const d = ledger.data;
  const pages = d ? Math.max(1, Math.ceil(d.total / PAGE)) : 1;
  return (
    <Box>
      <Paper component="section" variant="outlined" sx={{ p: 2, mb: 2 }} aria-label="登记空白证书">
        <Typography variant="subtitle1" sx={{ mb: 1 }}>
          登记新到的空白证书
        </Typography>
        <Box sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', flexWrap: 'wrap' }}>
          <TextField size="small" label="起始编号" placeholder="如 No.0012001" value={from} onChange={(e) => setFrom(e.target.value)} sx={{ width: 220 }} />
          <TextField size="small" label="结束编号" placeholder="如 No.0012500" value={to} onChange={(e) => setTo(e.target.value)} sx={{ width: 220 }} />
          <Button variant="contained" onClick={() => void register()} disabled={!from.trim() || !to.trim()}>
            登记
          </Button>
        </Box>
        <Typography variant="caption" sx={{ color: 'text.secondary' }}>
          按证书纸上印好的编号登记整段（含两端）；与已登记的编号重叠时不登记。
        </Typography>
        <ErrorAlert error={error} onClose={() => setError(null)} />
      </Paper>
      <Paper variant="outlined" sx={{ p: 2, mb: 2, display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <TextField select size="small" label="状态" value={status} onChange={(e) => (setStatus(e.target.value as typeof status), setPage(0))} sx={{ width: 140 }}>
          <MenuItem value="all">全部</MenuItem>
          {Object.entries(STATUS).map(([k, label]) => (
            <MenuItem key={k} value={k}>
              {label}
            </MenuItem>
          ))}
        </TextField>
        {d && (
          <Typography variant="body2" aria-label="空白证书统计">
            未使用 <b>{d.unused}</b> 张，已打印 {d.printed} 张，已作废 {d.spoiled} 张
          </Typography>
        )}
      </Paper>
      <ErrorAlert error={ledger.error} />
      {ledger.loading && !d && <LoadingBlock />}
      {d && (
        <Paper variant="outlined">
          <Table size="small" aria-label="空白证书台账">
            <TableHead>
              <TableRow>
                <TableCell>空白证书编号</TableCell>
                <TableCell>状态</TableCell>
                <TableCell>印上的证书编号</TableCell>
                <TableCell>作废原因</TableCell>
                <TableCell sx={{ width: 110 }} />
              </TableRow>
            </TableHead>
            <TableBody>
              {d.rows.length === 0 && (
                <TableRow>
                  <TableCell colSpan={5} sx={{ color: 'text.secondary' }}>
                    还没有登记空白证书。
                  </TableCell>
                </TableRow>
              )}
              {d.rows.map((r) => (
                <TableRow key={r.serial} hover>
                  <TableCell sx={{ fontFamily: 'monospace' }}>{r.serial}</TableCell>
                  <TableCell>{STATUS[r.status]}</TableCell>
                  <TableCell sx={{ fontFamily: 'monospace' }}>{r.certificateNo ?? ''}</TableCell>
                  <TableCell>{r.spoiledReason ? `${r.spoiledReason}（${r.spoiledBy}，${formatDateTime(r.spoiledAt!)}）` : ''}</TableCell>
                  <TableCell>
                    {r.status !== 'spoiled' && (
                      <Button size="small" color="error" onClick={() => spoil(r.serial)} aria-label={`登记作废 ${r.serial}`}>
                        登记作废
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {pages > 1 && (
            <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', justifyContent: 'flex-end', p: 1 }}>
              <Button size="small" disabled={page === 0} onClick={() => setPage(page - 1)}>
                上一页
              </Button>
              <Typography variant="body2">
                第 {page + 1} / {pages} 页
              </Typography>
              <Button size="small" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>
                下一页
              </Button>
            </Box>
          )}
        </Paper>
      )}
      <ReasonDialog ask={ask} onClose={() => setAsk(null)} onDone={() => setAsk(null)} />
    </Box>
  );
}
