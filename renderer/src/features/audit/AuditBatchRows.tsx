import Button from '@mui/material/Button';
import { DataGrid, type GridColDef, type GridPaginationModel } from '@mui/x-data-grid';
import { useMemo, useState } from 'react';
import type { AuditRow } from '../../../../shared/ipc/schemas/audit';
import { ErrorAlert } from '../../components/ErrorAlert';
import { gridText } from '../../components/gridText';
import { useCallData } from '../../ipc/useCall';
import { actionLabel, entityLabel } from './auditLabels';

interface Props {
  batch: AuditRow;
  onOpen: (row: AuditRow) => void;
}

/** The rows of a batch entry (an import's one entry per student), a page at a time, in the order written. */
export function AuditBatchRows({ batch, onOpen }: Props) {
  const [pagination, setPagination] = useState<GridPaginationModel>({ page: 0, pageSize: 25 });
  const input = { parentId: batch.id, page: pagination.page, pageSize: pagination.pageSize };
  const { data, loading, error } = useCallData('audit.list', input, JSON.stringify(input));
  const columns = useMemo<GridColDef<AuditRow>[]>(
    () => [
      { field: 'action', headerName: '操作', width: 120, valueFormatter: (v: string) => actionLabel(v) },
      { field: 'entity', headerName: '对象', width: 72, valueFormatter: (v: string) => entityLabel(v) },
      { field: 'summary', headerName: '摘要', flex: 1, minWidth: 240 },
      {
        field: 'detail',
        headerName: '详情',
        width: 80,
        sortable: false,
        disableColumnMenu: true,
        renderCell: ({ row }) => (
          <Button size="small" onClick={() => onOpen(row)}>
            查看
          </Button>
        ),
      },
    ],
    [onOpen],
  );
  if (error) return <ErrorAlert error={error} />;
  return (
    <DataGrid
      aria-label="本批次明细"
      rows={data?.rows ?? []}
      rowCount={data?.total ?? batch.childCount}
      columns={columns}
      loading={loading}
      autoHeight
      density="compact"
      paginationMode="server"
      paginationModel={pagination}
      onPaginationModelChange={setPagination}
      pageSizeOptions={[25, 50, 100]}
      disableColumnSorting
      disableColumnFilter
      disableRowSelectionOnClick
      localeText={gridText({ noRowsLabel: '没有明细' })}
      sx={{ '& .MuiDataGrid-cell:focus-within': { outline: 'none' } }}
    />
  );
}
