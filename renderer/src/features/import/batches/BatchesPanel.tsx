import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { useEffect, useMemo, useRef, useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDateTime } from '../../../components/format';
import { gridText } from '../../../components/gridText';
import { NoticeSnackbar } from '../../../components/NoticeSnackbar';
import { useCallData } from '../../../ipc/useCall';
import { BatchStatusChip } from './BatchStatusChip';
import { modeLabel, type Batch } from './batchText';
import { UndoBatchButton } from './UndoBatchButton';
import { UndoBatchDialog } from './UndoBatchDialog';

interface Props {
  /** Reloaded whenever the tab is shown again. */
  active: boolean;
}

const count = { width: 72, align: 'right', headerAlign: 'right' } as const;

/** 导入记录: every roster import, newest first, each of which may be undone. */
export function BatchesPanel({ active }: Props) {
  const { data, loading, error, reload } = useCallData('imports.batches', {});
  const [undoing, setUndoing] = useState<Batch | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  // Loaded when the page opens; loaded again each time the tab comes back into view.
  const wasActive = useRef(active);
  useEffect(() => {
    if (active && !wasActive.current) reload();
    wasActive.current = active;
  }, [active, reload]);

  const columns = useMemo<GridColDef<Batch>[]>(
    () => [
      { field: 'fileName', headerName: '文件名', flex: 1, minWidth: 180 },
      { field: 'createdBy', headerName: '导入人', width: 100 },
      { field: 'createdAt', headerName: '时间', width: 150, valueFormatter: (v: string) => formatDateTime(v) },
      { field: 'mode', headerName: '方式', width: 120, valueFormatter: (v: string) => modeLabel(v) },
      { field: 'rows', headerName: '行数', ...count },
      { field: 'imported', headerName: '新增', ...count },
      { field: 'updated', headerName: '更新', ...count },
      { field: 'skipped', headerName: '跳过', ...count },
      {
        field: 'status',
        headerName: '状态',
        width: 96,
        valueGetter: (_v: never, row: Batch) => (row.undoneAt ? '已撤销' : '有效'),
        renderCell: ({ row }) => <BatchStatusChip batch={row} />,
      },
      {
        field: 'actions',
        headerName: '操作',
        width: 100,
        sortable: false,
        renderCell: ({ row }) => <UndoBatchButton batch={row} onUndo={setUndoing} />,
      },
    ],
    [],
  );

  return (
    <Box>
      {error && (
        <Box sx={{ mb: 2 }}>
          <ErrorAlert error={error} />
          <Button size="small" onClick={reload} sx={{ mt: 1 }}>
            重新加载
          </Button>
        </Box>
      )}
      <Paper variant="outlined">
        <DataGrid
          aria-label="导入记录"
          rows={data ?? []}
          columns={columns}
          loading={loading}
          autoHeight
          disableRowSelectionOnClick
          disableColumnMenu
          pageSizeOptions={[25, 50, 100]}
          initialState={{ pagination: { paginationModel: { pageSize: 25 } } }}
          localeText={gridText({ noRowsLabel: '还没有导入记录。在“导入学生名单”中导入的每一个文件都会记录在这里，必要时可以撤销。' })}
          sx={{
            border: 0,
            '& .MuiDataGrid-cell': { display: 'flex', alignItems: 'center' },
            '& .MuiDataGrid-cell:focus, & .MuiDataGrid-cell:focus-within': { outline: 'none' },
            '& .MuiDataGrid-columnHeaders': { bgcolor: '#f6f8fb' },
          }}
        />
      </Paper>
      <UndoBatchDialog
        batch={undoing}
        onClose={() => setUndoing(null)}
        onDone={(message) => {
          setNotice(message);
          reload();
        }}
      />
      <NoticeSnackbar notice={notice} onClose={() => setNotice(null)} />
    </Box>
  );
}
