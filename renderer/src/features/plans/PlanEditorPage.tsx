import ArrowBackOutlined from '@mui/icons-material/ArrowBackOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useMemo, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { creditTenths, creditText } from '../../../../shared/domain/grades';
import type { PlanDetail } from '../../../../shared/ipc/schemas/plans';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/LoadingBlock';
import { PageHeader } from '../../components/PageHeader';
import { useCall, useCallData } from '../../ipc/useCall';
import { useLeaveGuard } from '../students/form/useLeaveGuard';
import { useOrgTree } from '../students/common/useOrgTree';
import { CourseRowsEditor } from './CourseRowsEditor';
import { formOf, headProblems, planInput, rowProblems, serverProblems, type PlanForm, type RowProblems } from './planForm';

/**
 * /plans/:id/edit — the next version of a plan, edited on a copy of this one (a saved version is
 * never changed); /plans/new — a first version, empty or (?from=id) copied from another plan.
 */
export function PlanEditorPage() {
  const params = useParams();
  const [search] = useSearchParams();
  const editId = params.id ? Number(params.id) : null;
  const fromId = editId ?? (Number(search.get('from')) || null);
  if (fromId === null) return <Editor base={null} supersedes={null} />;
  return <FromVersion id={fromId} asNewVersion={editId !== null} />;
}

function FromVersion({ id, asNewVersion }: { id: number; asNewVersion: boolean }) {
  const source = useCallData('plans.get', { id }, String(id));
  if (source.error) return <ErrorAlert error={source.error} />;
  if (!source.data) return <LoadingBlock />;
  return <Editor key={source.data.id} base={source.data} supersedes={asNewVersion ? source.data : null} />;
}

function Editor({ base, supersedes }: { base: PlanDetail | null; supersedes: PlanDetail | null }) {
  const navigate = useNavigate();
  const org = useOrgTree();
  const initial = useMemo(() => formOf(base, supersedes === null && base !== null), [base, supersedes]);
  const [form, setForm] = useState<PlanForm>(initial);
  const [touched, setTouched] = useState<ReadonlySet<number>>(new Set());
  const [tried, setTried] = useState(false);
  const { run, loading, error, setError } = useCall('plans.save');
  const dirty = JSON.stringify(form) !== JSON.stringify(initial);
  const guard = useLeaveGuard(dirty, '培养方案中有尚未保存的修改。');

  const server = serverProblems(error, form.rows);
  const head = { ...(tried ? headProblems(form) : {}), ...server.head };
  const problems = useMemo(() => {
    const out = new Map<number, RowProblems>();
    for (const row of form.rows) {
      const mine = tried || touched.has(row.key) ? rowProblems(row) : {};
      const p = { ...mine, ...server.byRow.get(row.key) };
      if (Object.keys(p).length) out.set(row.key, p);
    }
    return out;
  }, [form.rows, tried, touched, server.byRow]);
  const total = form.rows.reduce((n, r) => n + (creditTenths(r.credits) ?? 0), 0);

  const set = (patch: Partial<PlanForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setError(null);
  };
  const setRows = (rows: PlanForm['rows']) => {
    // A row counts as worked on once it differs from how it started: its problems show from then on.
    const before = new Map(form.rows.map((r) => [r.key, JSON.stringify(r)]));
    setTouched((t) => new Set([...t, ...rows.filter((r) => before.get(r.key) !== JSON.stringify(r)).map((r) => r.key)]));
    set({ rows });
  };

  const save = async () => {
    setTried(true);
    const rowsWithProblems = form.rows.filter((r) => Object.keys(rowProblems(r)).length > 0).length;
    if (rowsWithProblems > 0 || Object.keys(headProblems(form)).length > 0) return;
    const r = await run(planInput(form, supersedes?.id));
    if (!r.ok) return;
    guard.allowLeave();
    const same = supersedes && r.value.id === supersedes.id;
    navigate(`/plans/${r.value.id}`, { state: { notice: same ? '内容没有变化，未生成新版本' : `已保存为第 ${r.value.version} 版` } });
  };

  const rowIssueCount = tried ? form.rows.filter((r) => problems.has(r.key)).length : 0;
  const title = supersedes ? `修改培养方案：${supersedes.name}` : base ? '以已有方案为底稿新建培养方案' : '新建培养方案';
  const description = supersedes
    ? `在第 ${supersedes.version} 版的副本上修改，保存后成为第 ${supersedes.version + 1} 版；第 ${supersedes.version} 版原样保留，可随时查看。`
    : base
      ? `课程从“${base.name}”（${base.majorName} ${base.cohortYear} 级第 ${base.version} 版）复制而来，请选择适用的专业和年级。`
      : '每个专业、每个年级一份方案；之后的修改都保存为新版本。';

  return (
    <Box>
      <PageHeader
        title={title}
        description={description}
        actions={
          <Button startIcon={<ArrowBackOutlined />} onClick={() => navigate(supersedes ? `/plans/${supersedes.id}` : '/plans')}>
            返回
          </Button>
        }
      />
      <Paper variant="outlined" sx={{ p: 2.5, mb: 2 }} component="section" aria-label="方案信息">
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '300px 140px 1fr' } }}>
          <TextField
            select
            label="专业"
            value={form.majorId}
            onChange={(e) => set({ majorId: e.target.value })}
            disabled={Boolean(supersedes)}
            error={Boolean(head.majorId)}
            helperText={head.majorId ?? ' '}
          >
            {(org.data?.majors ?? []).map((m) => (
              <MenuItem key={m.id} value={String(m.id)}>
                {m.name}（{m.code}）
              </MenuItem>
            ))}
          </TextField>
          <TextField
            label="适用年级"
            value={form.cohortYear}
            onChange={(e) => set({ cohortYear: e.target.value })}
            disabled={Boolean(supersedes)}
            error={Boolean(head.cohortYear)}
            helperText={head.cohortYear ?? '入学年份，如 2026'}
            slotProps={{ htmlInput: { inputMode: 'numeric' } }}
          />
          <TextField label="方案名称" value={form.name} onChange={(e) => set({ name: e.target.value })} error={Boolean(head.name)} helperText={head.name ?? ' '} />
        </Box>
        <TextField label="说明（可不填）" value={form.note} onChange={(e) => set({ note: e.target.value })} error={Boolean(head.note)} helperText={head.note ?? '如：根据 2026 年教务处修订意见调整'} multiline minRows={1} sx={{ mt: 1 }} />
      </Paper>
      <Paper variant="outlined" sx={{ mb: 2, overflow: 'hidden' }} component="section" aria-label="课程设置">
        <Box sx={{ px: 2, py: 1.25, borderBottom: '1px solid', borderColor: 'divider', display: 'flex', alignItems: 'baseline', gap: 1.5 }}>
          <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
            课程
          </Typography>
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            共 {form.rows.length} 门，{creditText(total)} 学分
          </Typography>
        </Box>
        <Box sx={{ p: 1.5 }}>
          <CourseRowsEditor rows={form.rows} onChange={setRows} problems={problems} />
        </Box>
      </Paper>
      <Box sx={{ display: 'grid', gap: 1, mb: 1.5 }}>
        {head.courses && <Alert severity="error">{head.courses}</Alert>}
        {rowIssueCount > 0 && !error && <Alert severity="error">有 {rowIssueCount} 行需要修改（见各行标红处），改正后才能保存。</Alert>}
        {server.general && <ErrorAlert error={server.general} />}
      </Box>
      <Box sx={{ display: 'flex', justifyContent: 'flex-end', gap: 1 }}>
        <Button onClick={() => navigate(supersedes ? `/plans/${supersedes.id}` : '/plans')}>取消</Button>
        <Button variant="contained" onClick={() => void save()} disabled={loading}>
          {loading ? '正在保存…' : supersedes ? `保存为第 ${supersedes.version + 1} 版` : '保存方案'}
        </Button>
      </Box>
      {guard.dialog}
    </Box>
  );
}
