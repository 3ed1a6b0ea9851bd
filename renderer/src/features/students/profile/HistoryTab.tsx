import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useMemo } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDateTime } from '../../../components/format';
import { LoadingBlock } from '../../../components/LoadingBlock';
import { useCallData } from '../../../ipc/useCall';
import { studentValue } from '../common/studentValue';
import { useOrgTree } from '../common/useOrgTree';
import { historyAction, historyField } from './historyLabels';

/** 修改历史 tab: who changed what and when, field by field, from the audit trail. */
export function HistoryTab({ studentId, refreshKey }: { studentId: number; refreshKey: string }) {
  const { data, loading, error } = useCallData('students.history', { id: studentId }, `${studentId}:${refreshKey}`);
  const org = useOrgTree();
  const classNames = useMemo(() => new Map((org.data?.classes ?? []).map((c) => [c.id, c.name])), [org.data]);

  if (error) return <ErrorAlert error={error} />;
  if (!data) return loading ? <LoadingBlock /> : null;
  if (data.length === 0) {
    return (
      <Typography variant="body2" sx={{ color: 'text.secondary', py: 4, textAlign: 'center' }}>
        暂无修改记录。
      </Typography>
    );
  }
  return (
    <Box component="ol" aria-label="修改历史" sx={{ listStyle: 'none', m: 0, p: 0 }}>
      {data.map((row) => (
        <Paper component="li" key={row.id} variant="outlined" sx={{ p: 2, mb: 1.5 }}>
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, flexWrap: 'wrap' }}>
            <Typography variant="body2" sx={{ fontVariantNumeric: 'tabular-nums', color: 'text.secondary' }}>
              {formatDateTime(row.at, true)}
            </Typography>
            <Chip size="small" color="primary" variant="outlined" label={historyAction(row.action)} />
            <Typography variant="body2">操作人：{row.username}</Typography>
          </Box>
          <Typography variant="body2" sx={{ mt: 1 }}>
            {row.summary}
          </Typography>
          {row.changes.length > 0 && (
            <Table size="small" sx={{ mt: 1, tableLayout: 'fixed' }} aria-label="字段变化">
              <TableHead>
                <TableRow>
                  <TableCell sx={{ width: '20%', color: 'text.secondary' }}>字段</TableCell>
                  <TableCell sx={{ width: '40%', color: 'text.secondary' }}>修改前</TableCell>
                  <TableCell sx={{ color: 'text.secondary' }}>修改后</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {row.changes.map((c, i) => {
                  const f = historyField(row.action, c.field);
                  return (
                    <TableRow key={`${c.field}-${i}`}>
                      <TableCell>{f.label}</TableCell>
                      <TableCell sx={{ color: 'text.secondary', wordBreak: 'break-all' }}>{studentValue(f.valueKey, c.before, classNames)}</TableCell>
                      <TableCell sx={{ wordBreak: 'break-all' }}>{studentValue(f.valueKey, c.after, classNames)}</TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          )}
        </Paper>
      ))}
    </Box>
  );
}
