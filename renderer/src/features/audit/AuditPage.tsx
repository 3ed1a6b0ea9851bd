import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import { DataGrid, type GridColDef, type GridPaginationModel } from '@mui/x-data-grid';
import { useMemo, useState } from 'react';
import type { AuditRow, AuditVerifyOutput } from '../../../../shared/ipc/schemas/audit';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { useCallData } from '../../ipc/useCall';
import { call } from '../../ipc/client';
import { NoticeSnackbar } from '../../components/NoticeSnackbar';
import { ExportJobButton } from '../jobs/ExportJobButton';
import { AuditDetailDialog } from './AuditDetailDialog';
import { AuditFilters } from './AuditFilters';
import { actionLabel, entityLabel } from './auditLabels';
import { EMPTY_FILTERS, toQuery, type AuditFilterValues } from './auditFilters';
import { VerifyChainButton } from './VerifyChainButton';
import { VerifyResult } from './VerifyResult';

export function AuditPage() {
  const [filters, setFilters] = useState<AuditFilterValues>(EMPTY_FILTERS);
  const [pagination, setPagination] = useState<GridPaginationModel>({ page: 0, pageSize: 50 });
  const [detail, setDetail] = useState<AuditRow | null>(null);
  const [verify, setVerify] = useState<AuditVerifyOutput | null>(null);
  const [verifyError, setVerifyError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const input = { page: pagination.page, pageSize: pagination.pageSize, ...toQuery(filters) };
  const { data, loading, error } = useCallData('audit.list', input, JSON.stringify(input));

  const columns = useMemo<GridColDef<AuditRow>[]>(
    () => [
      { field: 'at', headerName: '时间', width: 160, valueFormatter: (value: string) => formatDateTime(value, true) },
      { field: 'username', headerName: '用户', width: 90 },
      { field: 'action', headerName: '操作', width: 140, valueFormatter: (value: string) => actionLabel(value) },
      { field: 'entity', headerName: '对象', width: 96, valueFormatter: (value: string) => entityLabel(value) },
      { field: 'summary', headerName: '摘要', flex: 1, minWidth: 160 },
      {
        field: 'detail',
        headerName: '详情',
        width: 132,
        sortable: false,
        disableColumnMenu: true,
        // A batch (an import) is one entry: its rows open with it.
        renderCell: ({ row }) => (
          <Button size="small" onClick={() => setDetail(row)} aria-label={row.childCount > 0 ? `展开 ${row.childCount} 条明细` : '查看'}>
            {row.childCount > 0 ? `展开 ${row.childCount} 条` : '查看'}
          </Button>
        ),
      },
    ],
    [],
  );

  return (
    <Box>
      <PageHeader
        title="审计日志"
        description="系统自动记录每一次登录和数据修改，记录不可更改；可随时校验是否被人为改动。"
        actions={
          <>
            <ExportJobButton
              start={(jobId) => call('audit.export', { ...toQuery(filters), jobId })}
              unit="条"
              onDone={setNotice}
              onError={(e) => setVerifyError(e.message)}
            />
            <VerifyChainButton
              onResult={(result, err) => {
                setVerify(result);
                setVerifyError(err);
              }}
            />
          </>
        }
      />
      {verify && <VerifyResult result={verify} onClose={() => setVerify(null)} />}
      {verifyError && (
        <Box sx={{ mb: 2 }}>
          <ErrorAlert error={verifyError} onClose={() => setVerifyError(null)} />
        </Box>
      )}
      <AuditFilters
        onApply={(f) => {
          setFilters(f);
          setPagination((p) => ({ ...p, page: 0 }));
        }}
      />
      {error && (
        <Box sx={{ mb: 2 }}>
          <ErrorAlert error={error} />
        </Box>
      )}
      <Paper variant="outlined">
        <DataGrid
          rows={data?.rows ?? []}
          rowCount={data?.total ?? 0}
          columns={columns}
          loading={loading}
          autoHeight
          paginationMode="server"
          paginationModel={pagination}
          onPaginationModelChange={setPagination}
          pageSizeOptions={[25, 50, 100]}
          disableColumnSorting
          disableColumnFilter
          disableRowSelectionOnClick
          onRowDoubleClick={({ row }) => setDetail(row as AuditRow)}
          sx={{ border: 0, '& .MuiDataGrid-cell:focus-within': { outline: 'none' } }}
        />
      </Paper>
      <AuditDetailDialog row={detail} onClose={() => setDetail(null)} />
      <NoticeSnackbar notice={notice} onClose={() => setNotice(null)} />
    </Box>
  );
}
