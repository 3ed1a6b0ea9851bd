import EditOutlined from '@mui/icons-material/EditOutlined';
import Button from '@mui/material/Button';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { useMemo } from 'react';
import { gridText } from '../../components/gridText';
import type { Major } from '../../../../shared/ipc/schemas/org';

interface Props {
  majors: Major[];
  loading: boolean;
  onEdit?: ((major: Major) => void) | undefined;
}

/** 专业 with their students. */
export function MajorsTable({ majors, loading, onEdit }: Props) {
  const columns = useMemo<GridColDef<Major>[]>(
    () => [
      { field: 'code', headerName: '专业代码', width: 120 },
      { field: 'name', headerName: '专业名称', flex: 1, minWidth: 180 },
      { field: 'level', headerName: '层次', width: 90 },
      { field: 'lengthYears', headerName: '学制', width: 90, valueFormatter: (v: string) => `${v} 年` },
      { field: 'studyForm', headerName: '学习形式', width: 120 },
      { field: 'studentCount', headerName: '学生数', width: 100, type: 'number' },
      ...(onEdit
        ? [
            {
              field: 'actions',
              headerName: '操作',
              width: 100,
              sortable: false,
              disableColumnMenu: true,
              renderCell: ({ row }: { row: Major }) => (
                <Button size="small" startIcon={<EditOutlined />} onClick={() => onEdit(row)} aria-label={`编辑专业 ${row.name}`}>
                  编辑
                </Button>
              ),
            } satisfies GridColDef<Major>,
          ]
        : []),
    ],
    [onEdit],
  );
  return (
    <DataGrid
      rows={majors}
      columns={columns}
      loading={loading}
      autoHeight
      density="compact"
      disableRowSelectionOnClick
      disableColumnMenu
      hideFooter={majors.length <= 25}
      pageSizeOptions={[25, 50, 100]}
      initialState={{ pagination: { paginationModel: { pageSize: 25 } } }}
      localeText={gridText({ noRowsLabel: '还没有专业，请点击“新建专业”' })}
      aria-label="专业"
      sx={{ border: 0, '& .MuiDataGrid-cell:focus-within': { outline: 'none' }, '& .MuiDataGrid-columnHeaders': { bgcolor: '#f6f8fb' } }}
    />
  );
}
