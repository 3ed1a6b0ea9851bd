import NoteAddOutlined from '@mui/icons-material/NoteAddOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import { DataGrid, type GridColDef, type GridPaginationModel } from '@mui/x-data-grid';
import { useMemo, useState } from 'react';
import { Link as RouterLink, useNavigate, useSearchParams } from 'react-router-dom';
import { STATUS_CHANGE_STATES, STATUS_CHANGE_TYPE_KEYS, STATUS_CHANGE_TYPES, type StatusChangeState, type StatusChangeType } from '../../../../shared/domain/status-changes';
import { studentNoText } from '../../../../shared/domain/student-no';
import type { StatusChange } from '../../../../shared/ipc/schemas/status-changes';
import { useSession } from '../../app/SessionContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { gridText } from '../../components/gridText';
import { NoticeSnackbar } from '../../components/NoticeSnackbar';
import { PageHeader } from '../../components/PageHeader';
import { useCallData } from '../../ipc/useCall';
import { FileOrderDialog } from './filing/FileOrderDialog';
import { MonthReportButton } from './MonthReportButton';
import { StateChip } from './StateChip';
import { STATE_FILTERS, stateFilterLabel, type StateFilter } from './text';

const EMPTY: Record<StateFilter, string> = {
  pending: '没有审批中的学籍异动。',
  returned: '没有退回的学籍异动。',
  approved: '还没有已生效的学籍异动。',
  withdrawn: '没有已撤回的学籍异动。',
  all: '还没有学籍异动。可点击“办理学籍异动”，或在学生档案中办理。',
};

const isState = (s: string | null): s is StatusChangeState => (STATUS_CHANGE_STATES as readonly string[]).includes(s ?? '');
const isType = (s: string | null): s is StatusChangeType => (STATUS_CHANGE_TYPE_KEYS as readonly string[]).includes(s ?? '');

/** 学籍异动: every work order by state and type, paged; a row opens the order. */
export function OrderListPage() {
  const navigate = useNavigate();
  const { can } = useSession();
  // The tab, type and page live in the address, so 返回 from an order lands on the same view.
  const [params, setParams] = useSearchParams();
  const state: StateFilter = isState(params.get('state')) ? (params.get('state') as StatusChangeState) : params.get('state') === 'all' ? 'all' : 'pending';
  const type = isType(params.get('type')) ? (params.get('type') as StatusChangeType) : null;
  const [paging, setPaging] = useState<GridPaginationModel>({ page: Number(params.get('page') ?? 0) || 0, pageSize: 50 });
  const [filing, setFiling] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);

  const update = (next: { state?: StateFilter; type?: StatusChangeType | null; page?: number }) => {
    const s = next.state ?? state;
    const t = next.type === undefined ? type : next.type;
    const p = next.page ?? 0;
    const q: Record<string, string> = {};
    if (s !== 'pending') q.state = s;
    if (t) q.type = t;
    if (p > 0) q.page = String(p);
    setParams(q, { replace: true });
    setPaging((m) => ({ ...m, page: p }));
  };

  const input = { page: paging.page, pageSize: paging.pageSize, ...(state === 'all' ? {} : { states: [state] }), ...(type ? { type } : {}) };
  const { data, loading, error } = useCallData('statusChanges.list', input, JSON.stringify(input));

  const columns = useMemo<GridColDef<StatusChange>[]>(
    () => [
      { field: 'studentName', headerName: '学生', width: 110 },
      // Wide enough for a whole 13-digit 学号: a cut-off number cannot be read or compared.
      { field: 'studentNo', headerName: '学号', width: 150, valueFormatter: (v: string | null) => studentNoText(v) },
      { field: 'className', headerName: '班级', width: 150, valueFormatter: (v: string | null) => v ?? '未分班' },
      {
        field: 'title',
        headerName: '异动类型',
        flex: 1,
        minWidth: 150,
        renderCell: ({ row }) => (
          <Link component={RouterLink} to={`/status-changes/${row.id}`} underline="hover" onClick={(e) => e.stopPropagation()}>
            {row.title}
          </Link>
        ),
      },
      {
        field: 'currentStep',
        headerName: '当前步骤',
        width: 150,
        valueGetter: (_v, row) => (row.state === 'pending' ? row.currentStep : row.state === 'returned' ? '退回提交人修改' : null) ?? '—',
      },
      { field: 'filedByName', headerName: '提交人', width: 100 },
      { field: 'filedAt', headerName: '提交时间', width: 150, valueFormatter: (v: string) => formatDateTime(v) },
      { field: 'state', headerName: '状态', width: 96, renderCell: ({ row }) => <StateChip state={row.state} /> },
    ],
    [],
  );

  return (
    <Box>
      <PageHeader
        title="学籍异动"
        description="休学、复学、保留学籍、退学、转专业等异动按审批流程逐级办理，最后一步批准后才修改学籍。"
        actions={
          <>
            {can('students.export') && <MonthReportButton onDone={setNotice} onError={setExportError} />}
            {can('changes.request') && (
              <Button variant="contained" startIcon={<NoteAddOutlined />} onClick={() => setFiling(true)}>
                办理学籍异动
              </Button>
            )}
          </>
        }
      />
      {exportError && (
        <Box sx={{ mb: 2 }}>
          <ErrorAlert error={exportError} onClose={() => setExportError(null)} />
        </Box>
      )}
      <Paper variant="outlined" sx={{ mb: 2, display: 'flex', alignItems: 'center', gap: 2, pr: 2 }}>
        <Tabs value={state} onChange={(_, v: StateFilter) => update({ state: v })} aria-label="异动状态" sx={{ px: 1, flex: '1 1 auto', minWidth: 0 }} variant="scrollable" scrollButtons="auto">
          {STATE_FILTERS.map((f) => (
            <Tab key={f} value={f} label={stateFilterLabel(f)} />
          ))}
        </Tabs>
        <TextField select size="small" label="异动类型" value={type ?? ''} onChange={(e) => update({ type: isType(e.target.value) ? e.target.value : null })} sx={{ width: 180, flexShrink: 0, my: 1 }}>
          <MenuItem value="">全部类型</MenuItem>
          {STATUS_CHANGE_TYPE_KEYS.map((k) => (
            <MenuItem key={k} value={k}>
              {STATUS_CHANGE_TYPES[k].label}
            </MenuItem>
          ))}
        </TextField>
      </Paper>
      {error && (
        <Box sx={{ mb: 2 }}>
          <ErrorAlert error={error} />
        </Box>
      )}
      <Paper variant="outlined">
        <DataGrid
          aria-label="学籍异动列表"
          rows={data?.rows ?? []}
          rowCount={data?.total ?? 0}
          columns={columns}
          loading={loading}
          autoHeight
          paginationMode="server"
          paginationModel={paging}
          onPaginationModelChange={(m) => {
            setPaging(m);
            update({ page: m.page });
          }}
          pageSizeOptions={[25, 50, 100]}
          disableColumnSorting
          disableColumnFilter
          disableRowSelectionOnClick
          onRowClick={({ row }) => navigate(`/status-changes/${(row as StatusChange).id}`)}
          localeText={gridText({ noRowsLabel: type ? `没有${STATUS_CHANGE_TYPES[type].label}的异动。` : EMPTY[state] })}
          sx={{ border: 0, '& .MuiDataGrid-row': { cursor: 'pointer' }, '& .MuiDataGrid-cell:focus-within': { outline: 'none' } }}
        />
      </Paper>
      <FileOrderDialog
        open={filing}
        onClose={() => setFiling(false)}
        onDone={(order) => navigate(`/status-changes/${order.id}`, { state: { notice: `已提交第 ${order.id} 号学籍异动` } })}
      />
      <NoticeSnackbar notice={notice} onClose={() => setNotice(null)} />
    </Box>
  );
}
