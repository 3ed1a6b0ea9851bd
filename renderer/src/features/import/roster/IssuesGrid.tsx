import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { useMemo } from 'react';
import { gridText } from '../../../components/gridText';
import { SEVERITY_LABELS } from './issueText';
import { SeverityChip } from './SeverityChip';
import type { Issue } from './wizardTypes';

type IssueRow = Issue & { id: number };

const COLUMNS: GridColDef<IssueRow>[] = [
  { field: 'row', headerName: '行号', width: 72, align: 'center', headerAlign: 'center' },
  { field: 'name', headerName: '姓名', width: 96, valueGetter: (v: Issue['name']) => v ?? '' },
  { field: 'column', headerName: '列', width: 150 },
  { field: 'message', headerName: '问题', flex: 1, minWidth: 320 },
  {
    field: 'severity',
    headerName: '类型',
    width: 90,
    valueGetter: (v: Issue['severity']) => SEVERITY_LABELS[v],
    renderCell: ({ row }) => <SeverityChip severity={row.severity} />,
  },
];

/** Every problem found: the row as Excel numbers it, its student, the column as the file names it, and what is wrong. */
export function IssuesGrid({ issues }: { issues: readonly Issue[] }) {
  const rows = useMemo(() => issues.map((i, id) => ({ ...i, id })), [issues]);
  return (
    <DataGrid
      aria-label="问题清单"
      rows={rows}
      columns={COLUMNS}
      autoHeight
      density="compact"
      getRowHeight={() => 'auto'}
      disableRowSelectionOnClick
      disableColumnMenu
      pageSizeOptions={[25, 50, 100]}
      initialState={{ pagination: { paginationModel: { pageSize: 25 } } }}
      localeText={gridText({ noRowsLabel: '没有发现问题' })}
      sx={{
        border: 0,
        '& .MuiDataGrid-cell': { py: 0.75, display: 'flex', alignItems: 'center', whiteSpace: 'normal', lineHeight: 1.5 },
        '& .MuiDataGrid-cell:focus, & .MuiDataGrid-cell:focus-within': { outline: 'none' },
        '& .MuiDataGrid-columnHeaders': { bgcolor: '#f6f8fb' },
      }}
    />
  );
}
