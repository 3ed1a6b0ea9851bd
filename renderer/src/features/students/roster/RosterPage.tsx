import PersonAddAlt1Outlined from '@mui/icons-material/PersonAddAlt1Outlined';
import PinOutlined from '@mui/icons-material/PinOutlined';
import SaveOutlined from '@mui/icons-material/SaveOutlined';
import ShieldOutlined from '@mui/icons-material/ShieldOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { DataGrid, type GridRowSelectionModel, type GridSortModel } from '@mui/x-data-grid';
import { useEffect, useMemo, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import type { AppErrorData } from '../../../../../shared/ipc/result';
import { SORTABLE, type RosterFilter, type RosterQuery } from '../../../../../shared/ipc/schemas/students';
import { useSession } from '../../../app/SessionContext';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { gridText } from '../../../components/gridText';
import { NoticeSnackbar } from '../../../components/NoticeSnackbar';
import { PageHeader } from '../../../components/PageHeader';
import { call } from '../../../ipc/client';
import { useCallData } from '../../../ipc/useCall';
import { useOrgTree } from '../common/useOrgTree';
import { useSessionState } from '../common/useSessionState';
import { BulkActionsBar } from './BulkActionsBar';
import { BulkUpdateDialog, type BulkMode } from './BulkUpdateDialog';
import { ColumnChooser } from './ColumnChooser';
import { ExportButton } from './ExportButton';
import { RegisterDialog } from './RegisterDialog';
import { AssignNumbersDialog, type NumberingScope } from '../../studentNumbers/AssignNumbersDialog';
import { DEFAULT_VISIBLE, knownColumns, MASKED_ROSTER_COLUMNS, ROSTER_COLUMNS, visibilityModel, type RosterField } from './rosterColumns';
import { PINNED_COLUMN_BUFFER_PX, pinnedOffsetsSx, withPinnedColumns } from './pinnedColumns';
import { RosterFilterBar } from './RosterFilterBar';
import { EMPTY_FILTER, filterFromSearch, fromRosterFilter, isFilterEmpty, toRosterFilter, type FilterValues } from './rosterFilter';
import { SavedViewsMenu } from './SavedViewsMenu';
import { SaveViewDialog } from './SaveViewDialog';
import { useDebounced } from './useDebounced';
import { usePhotoExport } from './usePhotoExport';

type Sort = RosterQuery['sort'];
const EMPTY_SELECTION: GridRowSelectionModel = { type: 'include', ids: new Set() };
const sortable = new Set<string>(SORTABLE);

function toSort(model: GridSortModel): Sort {
  const first = model[0];
  if (!first?.sort || !sortable.has(first.field)) return undefined;
  return { field: first.field as NonNullable<Sort>['field'], dir: first.sort };
}

interface RosterState {
  filter: FilterValues;
  sort: Sort;
  visible: RosterField[];
  pageSize: number;
}

/** 学号编排 applies to the selected students, else to the cohort the roster is filtered to, else to everyone without one. */
function numberingScope(selectedIds: number[], cohortYears: RosterFilter['cohortYear']): NumberingScope {
  if (selectedIds.length) return { ids: selectedIds, label: `已选择的 ${selectedIds.length} 名学生` };
  // 学号编排 runs over one cohort at a time: with several chosen, as with none, it is everyone without one.
  const cohortYear = typeof cohortYears === 'number' ? cohortYears : undefined;
  if (cohortYear !== undefined) return { cohortYear, label: `${cohortYear} 级待编学号的学生` };
  return { label: '全部待编学号的学生' };
}

export function RosterPage() {
  const { can } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [state, setState] = useSessionState<RosterState>('xueji.roster', () => ({ filter: EMPTY_FILTER, sort: undefined, visible: [...DEFAULT_VISIBLE], pageSize: 50 }));
  // A link such as 专业与班级 → 查看学生 brings its own filter.
  const [linked] = useState(() => (location.search ? filterFromSearch(location.search) : null));
  // Over EMPTY_FILTER: a filter kept from before a newer version added a field still has every field.
  const [filter, setFilterRaw] = useState<FilterValues>(() => linked ?? { ...EMPTY_FILTER, ...state.filter });
  const setFilter = (f: FilterValues) => {
    setFilterRaw(f);
    setState((s) => ({ ...s, filter: f }));
  };
  // Keep the linked filter like any other, and drop it from the address so 返回 does not re-apply it.
  useEffect(() => {
    if (!linked) return;
    setState((s) => ({ ...s, filter: linked }));
    navigate('/students', { replace: true });
  }, [linked, navigate, setState]);
  const settled = useDebounced(filter, 200);
  const rosterFilter = useMemo(() => toRosterFilter(settled), [settled]);
  const filterKey = JSON.stringify(rosterFilter);
  // The page goes back to the first one whenever the filter changes.
  const [pageAt, setPageAt] = useState({ key: filterKey, page: 0 });
  const page = pageAt.key === filterKey ? pageAt.page : 0;

  const [selection, setSelection] = useState<GridRowSelectionModel>(EMPTY_SELECTION);
  const [bulk, setBulk] = useState<BulkMode | null>(null);
  const [numbering, setNumbering] = useState<NumberingScope | null>(null);
  const [registering, setRegistering] = useState<number[] | null>(null);
  const [savingView, setSavingView] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<AppErrorData | null>(null);

  const input = { page, pageSize: state.pageSize, filter: rosterFilter, ...(state.sort ? { sort: state.sort } : {}) };
  const { data, loading, error, reload } = useCallData('students.list', input, JSON.stringify(input));
  const org = useOrgTree();
  const views = useCallData('views.list', {});

  const rows = data?.rows ?? [];
  // The grid's models keep their identity between renders: the grid takes a new sort model for a
  // change of sort, and a change of sort sends it back to the first page (下一页 then showed page 1).
  const paginationModel = useMemo(() => ({ page, pageSize: state.pageSize }), [page, state.pageSize]);
  const sortModel = useMemo<GridSortModel>(() => (state.sort ? [{ field: state.sort.field, sort: state.sort.dir }] : []), [state.sort]);
  const columnVisibility = useMemo(() => visibilityModel(state.visible), [state.visible]);
  const canWrite = can('students.write');
  const baseColumns = can('students.identity.read') ? ROSTER_COLUMNS : MASKED_ROSTER_COLUMNS;
  const columns = useMemo(() => withPinnedColumns(baseColumns, canWrite), [baseColumns, canWrite]);
  const pinnedSx = useMemo(() => pinnedOffsetsSx(baseColumns, state.visible, canWrite), [baseColumns, state.visible, canWrite]);
  const selectedIds =
    selection.type === 'include' ? [...selection.ids].map(Number) : rows.filter((r) => !selection.ids.has(r.id)).map((r) => r.id);

  const afterBulk = (message: string) => {
    setNotice(message);
    setSelection(EMPTY_SELECTION);
    reload();
  };

  const photoExport = usePhotoExport(setNotice, setActionError);

  // 全选 in the header ticks this page; then every student the filter matches can be chosen.
  const pageAllSelected = rows.length > 0 && rows.every((r) => selectedIds.includes(r.id));
  const selectAllMatching = async () => {
    const r = await call('students.ids', { filter: rosterFilter });
    if (!r.ok) return setActionError(r.error);
    if (r.value.total > r.value.ids.length) {
      setNotice(`符合条件的学生有 ${r.value.total} 名，一次最多选择 ${r.value.ids.length} 名：请缩小筛选范围（例如按年级或专业）`);
    }
    setSelection({ type: 'include', ids: new Set(r.value.ids) });
  };

  // Enter in the search box opens the student when exactly one matches what is typed now (the
  // list below may still be catching up with the typing, so this asks for itself).
  const openSingleMatch = async () => {
    const r = await call('students.list', { page: 0, pageSize: 2, filter: toRosterFilter(filter) });
    if (r.ok && r.value.total === 1 && r.value.rows[0]) navigate(`/students/${r.value.rows[0].id}`);
  };

  const definition = { filter: rosterFilter, ...(state.sort ? { sort: state.sort } : {}), columns: [...state.visible] };

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', minHeight: 'calc(100vh - 112px)' }}>
      <PageHeader
        title="学生名册"
        description="查询、筛选和维护本院系学生档案；点击任一行打开学生档案。"
        actions={
          <>
            {can('students.export') && (
              <ExportButton
                input={{ filter: rosterFilter, ...(state.sort ? { sort: state.sort } : {}), columns: [...state.visible] }}
                onDone={setNotice}
                onError={setActionError}
              />
            )}
            {canWrite && (
              <Button startIcon={<PinOutlined />} onClick={() => setNumbering(numberingScope(selectedIds, rosterFilter.cohortYear))}>
                学号编排
              </Button>
            )}
            {canWrite && (
              <Button variant="contained" startIcon={<PersonAddAlt1Outlined />} onClick={() => navigate('/students/new')}>
                新建学生
              </Button>
            )}
          </>
        }
      />
      <RosterFilterBar value={filter} onChange={setFilter} org={org.data} onSearchEnter={() => void openSingleMatch()} />
      {(error ?? actionError) && (
        <Box sx={{ mb: 2 }}>
          <ErrorAlert error={error ?? actionError} onClose={error ? undefined : () => setActionError(null)} />
          {error && (
            <Button size="small" onClick={reload} sx={{ mt: 1 }}>
              重新加载
            </Button>
          )}
        </Box>
      )}
      <Paper variant="outlined" sx={{ flex: 1, minHeight: 480, display: 'flex', flexDirection: 'column', overflow: 'hidden' }}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, px: 2, py: 1, borderBottom: '1px solid', borderColor: 'divider', flexWrap: 'wrap' }}>
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            共 <b style={{ color: '#1f2733' }}>{data?.total ?? '…'}</b> 名学生
          </Typography>
          {data?.masked && (
            <Typography variant="caption" sx={{ display: 'flex', alignItems: 'center', gap: 0.5, color: 'warning.dark', bgcolor: '#fdf4e3', px: 1, py: 0.25, borderRadius: 1 }}>
              <ShieldOutlined sx={{ fontSize: 14 }} />
              身份证号、电话已脱敏显示
            </Typography>
          )}
          <Box sx={{ flexGrow: 1 }} />
          <ColumnChooser visible={state.visible} onChange={(visible) => setState((s) => ({ ...s, visible }))} />
          <SavedViewsMenu
            views={views.data}
            onOpen={(v) => {
              setFilter(fromRosterFilter(v.definition.filter));
              setState((s) => ({ ...s, filter: fromRosterFilter(v.definition.filter), sort: v.definition.sort, visible: knownColumns(v.definition.columns) }));
              setNotice(`已打开视图“${v.name}”`);
            }}
            onRemove={(v) =>
              void call('views.remove', { id: v.id }).then((r) => {
                if (r.ok) {
                  setNotice(`已删除视图“${v.name}”`);
                  views.reload();
                } else setActionError(r.error);
              })
            }
          />
          <Button size="small" startIcon={<SaveOutlined />} onClick={() => setSavingView(true)}>
            保存视图
          </Button>
        </Box>
        {canWrite && selectedIds.length > 0 && (
          <BulkActionsBar
            count={selectedIds.length}
            onBulk={setBulk}
            onRegister={() => setRegistering(selectedIds)}
            onClear={() => setSelection(EMPTY_SELECTION)}
            onExportPhotos={can('students.identity.read') ? () => void photoExport.run(selectedIds) : undefined}
            exportingPhotos={photoExport.busy}
            matching={pageAllSelected && (data?.total ?? 0) > selectedIds.length ? { total: data!.total, onSelect: () => void selectAllMatching() } : undefined}
          />
        )}
        <Box sx={{ flex: 1, minHeight: 0, position: 'relative' }}>
          <Box sx={{ position: 'absolute', inset: 0 }}>
            <DataGrid
              rows={rows}
              rowCount={data?.total ?? 0}
              columns={columns}
              // Every column is drawn (all 26 are ~4,000 px wide), so the pinned 学号 and 姓名 are there however far it scrolls.
              columnBufferPx={PINNED_COLUMN_BUFFER_PX}
              loading={loading}
              paginationMode="server"
              sortingMode="server"
              filterMode="server"
              paginationModel={paginationModel}
              onPaginationModelChange={(m) => {
                setPageAt({ key: filterKey, page: m.pageSize !== state.pageSize ? 0 : m.page });
                if (m.pageSize !== state.pageSize) setState((s) => ({ ...s, pageSize: m.pageSize }));
              }}
              pageSizeOptions={[25, 50, 100]}
              sortModel={sortModel}
              onSortModelChange={(m) => setState((s) => ({ ...s, sort: toSort(m) }))}
              columnVisibilityModel={columnVisibility}
              onColumnVisibilityModelChange={(m) => {
                const visible = knownColumns(Object.keys(m).filter((k) => m[k] !== false));
                setState((s) => ({ ...s, visible }));
              }}
              disableColumnFilter
              disableColumnMenu
              checkboxSelection={canWrite}
              keepNonExistentRowsSelected
              rowSelectionModel={selection}
              onRowSelectionModelChange={setSelection}
              disableRowSelectionOnClick
              hideFooterSelectedRowCount
              onCellClick={(params) => {
                if (params.field !== '__check__') navigate(`/students/${params.id}`);
              }}
              // The arrow keys move the grid's cell focus from row to row; Enter opens that row's student.
              onCellKeyDown={(params, event) => {
                if (event.key === 'Enter' && params.field !== '__check__') navigate(`/students/${params.id}`);
              }}
              density="compact"
              localeText={gridText({ noRowsLabel: isFilterEmpty(filter) ? '还没有学生档案，可点击“新建学生”或使用“数据导入”' : '没有符合筛选条件的学生' })}
              sx={{
                border: 0,
                '& .MuiDataGrid-row': { cursor: 'pointer' },
                '& .MuiDataGrid-cell:focus, & .MuiDataGrid-cell:focus-within': { outline: 'none' },
                // A mouse click opens the student at once; a keyboard user needs to see which row Enter opens.
                '& .MuiDataGrid-row:has(.MuiDataGrid-cell:focus-visible)': { bgcolor: 'action.selected', boxShadow: (t) => `inset 3px 0 0 ${t.palette.primary.main}` },
                '& .MuiDataGrid-columnHeader:focus, & .MuiDataGrid-columnHeader:focus-within': { outline: 'none' },
                '& .MuiDataGrid-columnHeaders': { bgcolor: '#f6f8fb' },
                ...pinnedSx,
              }}
            />
          </Box>
        </Box>
      </Paper>
      <BulkUpdateDialog mode={bulk} ids={selectedIds} classes={org.data?.classes ?? []} onClose={() => setBulk(null)} onDone={afterBulk} />
      <AssignNumbersDialog scope={numbering} onClose={() => setNumbering(null)} onDone={afterBulk} />
      <RegisterDialog ids={registering} onClose={() => setRegistering(null)} onDone={afterBulk} />
      <SaveViewDialog
        open={savingView}
        definition={definition}
        onClose={() => setSavingView(false)}
        onSaved={(v) => {
          setNotice(`已保存视图“${v.name}”`);
          views.reload();
        }}
      />
      <NoticeSnackbar notice={notice} onClose={() => setNotice(null)} />
    </Box>
  );
}
