import EditOutlined from '@mui/icons-material/EditOutlined';
import GradingOutlined from '@mui/icons-material/GradingOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { useMemo } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { gridText } from '../../components/gridText';
import type { SchoolClass } from '../../../../shared/ipc/schemas/org';

interface Props {
  classes: SchoolClass[];
  loading: boolean;
  onEdit?: ((c: SchoolClass) => void) | undefined;
  /** 批量打印成绩单 of a class (for those who may issue transcripts). */
  onTranscripts?: ((c: SchoolClass) => void) | undefined;
}

/** 班级 with their 专业, 年级 and students; the count opens the roster of that class. */
export function ClassesTable({ classes, loading, onEdit, onTranscripts }: Props) {
  const columns = useMemo<GridColDef<SchoolClass>[]>(
    () => [
      { field: 'name', headerName: '班级名称', flex: 1, minWidth: 160 },
      { field: 'majorName', headerName: '专业', flex: 1, minWidth: 160 },
      { field: 'cohortYear', headerName: '年级', width: 90, valueFormatter: (v: number) => `${v} 级` },
      { field: 'headTeacher', headerName: '班主任', width: 100, valueFormatter: (v: string | null) => v ?? '—' },
      { field: 'establishedOn', headerName: '建班年月', width: 110, valueFormatter: (v: string | null) => v ?? '—' },
      { field: 'lengthYears', headerName: '学制', width: 80, valueFormatter: (v: string) => `${v} 年` },
      { field: 'classType', headerName: '班级类型', width: 100 },
      {
        field: 'studentCount',
        headerName: '学生数',
        width: 100,
        type: 'number',
        renderCell: ({ row }) => (
          <Link component={RouterLink} to={`/students?classId=${row.id}`} underline="hover" aria-label={`查看 ${row.name} 的学生`}>
            {row.studentCount}
          </Link>
        ),
      },
      ...(onEdit || onTranscripts
        ? [
            {
              field: 'actions',
              headerName: '操作',
              width: onEdit && onTranscripts ? 240 : onTranscripts ? 150 : 100,
              sortable: false,
              disableColumnMenu: true,
              renderCell: ({ row }: { row: SchoolClass }) => (
                <Box>
                  {onEdit && (
                    <Button size="small" startIcon={<EditOutlined />} onClick={() => onEdit(row)} aria-label={`编辑班级 ${row.name}`}>
                      编辑
                    </Button>
                  )}
                  {onTranscripts && (
                    <Button size="small" startIcon={<GradingOutlined />} onClick={() => onTranscripts(row)} aria-label={`批量打印 ${row.name} 的成绩单`}>
                      批量打印成绩单
                    </Button>
                  )}
                </Box>
              ),
            } satisfies GridColDef<SchoolClass>,
          ]
        : []),
    ],
    [onEdit],
  );
  return (
    <DataGrid
      rows={classes}
      columns={columns}
      loading={loading}
      autoHeight
      density="compact"
      disableRowSelectionOnClick
      disableColumnMenu
      hideFooter={classes.length <= 100}
      pageSizeOptions={[25, 50, 100]}
      initialState={{ pagination: { paginationModel: { pageSize: 100 } }, sorting: { sortModel: [{ field: 'cohortYear', sort: 'desc' }] } }}
      localeText={gridText({ noRowsLabel: '还没有班级，请点击“新建班级”' })}
      aria-label="班级"
      sx={{ border: 0, '& .MuiDataGrid-cell:focus-within': { outline: 'none' }, '& .MuiDataGrid-columnHeaders': { bgcolor: '#f6f8fb' } }}
    />
  );
}
