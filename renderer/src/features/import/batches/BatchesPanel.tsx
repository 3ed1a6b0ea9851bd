import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDateTime } from '../../../components/format';
import { gridText } from '../../../components/gridText';
import { NoticeSnackbar } from '../../../components/NoticeSnackbar';
import { useSession } from '../../../app/SessionContext';
import { useCallData } from '../../../ipc/useCall';
import { BatchStatusChip } from './BatchStatusChip';
import { importRecords, type Batch, type ImportRecord, type PhotoBatch } from './batchText';
import { UndoBatchButton } from './UndoBatchButton';
import { UndoBatchDialog } from './UndoBatchDialog';
import { UndoPhotoBatchDialog } from './UndoPhotoBatchDialog';

interface Props {
  /** Reloaded whenever the tab is shown again. */
  active: boolean;
}

const count = { width: 72, align: 'right', headerAlign: 'right' } as const;

/** 导入记录: every file import (roster, grades, plan courses) and photo import, newest first, each undone where it can be. */
export function BatchesPanel({ active }: Props) {
  const { can } = useSession();
  const roster = useCallData('imports.batches', {});
  // Photo imports are 编辑学生档案's: whoever runs only the grade or course imports has none to see
  // (and is not asked for them: the call would only be refused).
  const seesPhotos = can('students.write');
  const photos = useCallData('photos.batches', {}, '', seesPhotos);
  const loading = roster.loading || (seesPhotos && photos.loading);
  const error = roster.error ?? (seesPhotos ? photos.error : null);
  const reload = useCallback(() => {
    roster.reload();
    photos.reload();
  }, [roster.reload, photos.reload]);
  const records = useMemo(() => importRecords(roster.data ?? [], (seesPhotos && photos.data) || []), [roster.data, photos.data, seesPhotos]);
  const [undoing, setUndoing] = useState<Batch | null>(null);
  const [undoingPhotos, setUndoingPhotos] = useState<PhotoBatch | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const undo = useCallback((r: ImportRecord) => (r.photos ? setUndoingPhotos(r.photos) : setUndoing(r.roster ?? null)), []);

  // Loaded when the page opens; loaded again each time the tab comes back into view.
  const wasActive = useRef(active);
  useEffect(() => {
    if (active && !wasActive.current) reload();
    wasActive.current = active;
  }, [active, reload]);

  // One set of columns for both kinds: a photo import's files, first photos and replaced photos
  // stand where a roster's rows, new and updated students do (the headers say both).
  const columns = useMemo<GridColDef<ImportRecord>[]>(
    () => [
      { field: 'fileName', headerName: '文件名', flex: 1, minWidth: 180 },
      { field: 'createdBy', headerName: '导入人', width: 100 },
      { field: 'createdAt', headerName: '时间', width: 150, valueFormatter: (v: string) => formatDateTime(v) },
      { field: 'way', headerName: '方式', width: 120 },
      { field: 'count', headerName: '行数/文件', ...count, width: 88 },
      { field: 'added', headerName: '新增', ...count },
      { field: 'updated', headerName: '更新', ...count },
      { field: 'skipped', headerName: '跳过', ...count },
      {
        field: 'status',
        headerName: '状态',
        width: 96,
        valueGetter: (_v: never, row: ImportRecord) => (row.undoneAt ? '已撤销' : '有效'),
        renderCell: ({ row }) => <BatchStatusChip batch={row} />,
      },
      {
        field: 'actions',
        headerName: '操作',
        width: 100,
        sortable: false,
        renderCell: ({ row }) => <UndoBatchButton batch={row} onUndo={undo} />,
      },
    ],
    [undo],
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
          rows={records}
          getRowId={(r) => r.key}
          columns={columns}
          loading={loading}
          autoHeight
          disableRowSelectionOnClick
          disableColumnMenu
          pageSizeOptions={[25, 50, 100]}
          initialState={{ pagination: { paginationModel: { pageSize: 25 } } }}
          localeText={gridText({ noRowsLabel: '还没有导入记录。每次导入的名单、成绩、培养方案课程和照片都会记录在这里，必要时可以撤销。' })}
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
      <UndoPhotoBatchDialog
        batch={undoingPhotos}
        onClose={() => setUndoingPhotos(null)}
        onDone={(message) => {
          setNotice(message);
          reload();
        }}
      />
      <NoticeSnackbar notice={notice} onClose={() => setNotice(null)} />
    </Box>
  );
}
