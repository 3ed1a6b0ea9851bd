import SaveOutlined from '@mui/icons-material/SaveOutlined';
import UndoOutlined from '@mui/icons-material/UndoOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { cohortTerm, PLAN_TERMS } from '../../../../shared/domain/grades';
import type { GradeGrid } from '../../../../shared/ipc/schemas/grades';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/LoadingBlock';
import { useCall, useCallData } from '../../ipc/useCall';
import { useLeaveGuard } from '../students/form/useLeaveGuard';
import { GradeTable } from './GradeTable';
import { cellKey, cellState, entryOf, issueLine, issuesByCell, recordedFor, type CellState, type CellValue, type Column, type ColumnKind } from './gridModel';
import { creditsLabel, termLabel } from './text';

interface Props {
  classId: number;
  courseId: number;
  cohortYear: number;
  canWrite: boolean;
  onSaved: (message: string) => void;
}

/** The 学年学期 a column may record new grades in: the cohort's terms (and two beyond), and any already used. */
function termOptions(grid: GradeGrid, cohortYear: number): string[] {
  const terms = new Set(Array.from({ length: PLAN_TERMS + 2 }, (_, i) => cohortTerm(cohortYear, i + 1)));
  for (const r of grid.rows) for (const a of r.attempts) terms.add(a.term);
  return [...terms].sort();
}

/** 正考 in the course's term; 缓考, 补考 and 重修 in the term after it (where schools hold them). */
function defaultColumns(grid: GradeGrid, cohortYear: number): Record<ColumnKind, string> {
  const next = cohortTerm(cohortYear, grid.course.term + 1);
  return { 正考: grid.defaultTerm, 缓考: next, 补考: next, 重修: next };
}

/** One course and class: the grid, its save, and the guard against leaving with unsaved grades. */
export function GradeSheet({ classId, courseId, cohortYear, canWrite, onSaved }: Props) {
  const { data, error, loading, setData } = useCallData('grades.forCourse', { classId, courseId }, `${classId}:${courseId}`);
  if (error) return <ErrorAlert error={error} />;
  if (!data) return loading ? <LoadingBlock label="正在读取成绩…" /> : null;
  return <Sheet key={`${data.classId}:${data.course.id}`} grid={data} cohortYear={cohortYear} canWrite={canWrite} onSaved={(grid, message) => { setData(grid); onSaved(message); }} />;
}

function Sheet({ grid, cohortYear, canWrite, onSaved }: { grid: GradeGrid; cohortYear: number; canWrite: boolean; onSaved: (grid: GradeGrid, message: string) => void }) {
  const [terms, setTerms] = useState(() => defaultColumns(grid, cohortYear));
  const hasDeferred = grid.rows.some((r) => r.attempts.some((a) => a.kind === '缓考'));
  const [showDeferred, setShowDeferred] = useState(hasDeferred);
  const [values, setValues] = useState<Map<string, CellValue>>(() => new Map());
  const [refused, setRefused] = useState<Map<string, string>>(() => new Map());
  const [blocked, setBlocked] = useState<string | null>(null);
  const { run, loading: saving, error, reset } = useCall('grades.save');
  useEffect(() => setShowDeferred((s) => s || hasDeferred), [hasDeferred]);

  const columns: Column[] = useMemo(
    () => (['正考', '缓考', '补考', '重修'] as const).filter((k) => k !== '缓考' || showDeferred).map((kind) => ({ kind, term: terms[kind] })),
    [terms, showDeferred],
  );
  const scale = grid.course.scale;

  // Every cell the user touched, read against what is recorded.
  const states = useMemo(() => {
    const out = new Map<string, CellState>();
    for (const row of grid.rows) {
      for (const col of columns) {
        const key = cellKey(row.studentId, col.kind);
        const value = values.get(key);
        if (value) out.set(key, cellState(value, recordedFor(row, col), col, scale));
      }
    }
    return out;
  }, [grid, columns, values, scale]);
  const changed = [...states.entries()].filter(([, s]) => s.kind !== 'same');
  const problems = changed.filter(([, s]) => s.kind === 'problem').length;
  const dirty = changed.length > 0;
  const lockedTerms = new Set(changed.map(([k]) => k.split(':')[1]!));
  const guard = useLeaveGuard(dirty, '成绩表中有尚未保存的成绩。');

  const change = (key: string, value: CellValue) => {
    setValues((m) => new Map(m).set(key, value));
    setRefused((m) => {
      if (!m.has(key)) return m;
      const next = new Map(m);
      next.delete(key);
      return next;
    });
    setBlocked(null);
  };

  const undoAll = () => {
    setValues(new Map());
    setRefused(new Map());
    setBlocked(null);
    reset();
  };

  const save = async () => {
    if (!dirty || saving) return;
    if (problems > 0) {
      setBlocked(`还有 ${problems} 处成绩有误（已标红），改正后才能保存。`);
      return;
    }
    setBlocked(null);
    const sent: string[] = [];
    const entries = [];
    for (const row of grid.rows) {
      for (const col of columns) {
        const key = cellKey(row.studentId, col.kind);
        const state = states.get(key);
        if (!state || state.kind === 'same') continue;
        sent.push(key);
        entries.push(entryOf(row.studentId, values.get(key)!, recordedFor(row, col), col));
      }
    }
    const r = await run({ classId: grid.classId, courseId: grid.course.id, term: grid.defaultTerm, entries });
    if (!r.ok) {
      setRefused(issuesByCell(r.error, sent));
      return;
    }
    const { added, updated, removed } = r.value;
    setValues(new Map());
    setRefused(new Map());
    const parts = [added && `新增 ${added} 条`, updated && `修改 ${updated} 条`, removed && `删除 ${removed} 条`].filter(Boolean).join('、');
    onSaved(r.value.grid, `已保存${grid.className}${grid.course.name}的成绩${parts ? `：${parts}` : ''}`);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
      e.preventDefault();
      void save();
    }
  };

  const recordedCount = grid.rows.filter((r) => r.attempts.length > 0).length;
  const refusedAll = error && error.issues?.length ? error : null;

  return (
    <Paper variant="outlined" component="section" aria-label="成绩" onKeyDown={onKeyDown} sx={{ overflow: 'hidden' }}>
      <Box sx={{ px: 2, py: 1.5, borderBottom: '1px solid', borderColor: 'divider', display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
        <Box sx={{ flexGrow: 1, minWidth: 280 }}>
          <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
            {grid.className} · {grid.course.name}（{grid.course.code}）
          </Typography>
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            {creditsLabel(grid.course.credits)} · {grid.course.hours} 学时 · {grid.course.nature} · {grid.course.assessment} · {grid.course.scale} · 培养方案第 {grid.course.term} 学期（{termLabel(grid.defaultTerm)}）
          </Typography>
        </Box>
        <Typography variant="body2" sx={{ color: 'text.secondary' }} aria-label="录入情况">
          共 {grid.rows.length} 名学生，已有成绩 {recordedCount} 人{dirty ? `，未保存 ${changed.length} 格` : ''}
        </Typography>
        {canWrite && (
          <FormControlLabel control={<Checkbox size="small" checked={showDeferred} disabled={hasDeferred} onChange={(e) => setShowDeferred(e.target.checked)} />} label="显示缓考列" sx={{ mr: 0 }} />
        )}
      </Box>
      {canWrite && (
        <Typography variant="body2" sx={{ px: 2, pt: 1.25, color: 'text.secondary' }}>
          输入成绩后按 Enter 到下一名学生，Tab 到右边一列；缺考、作弊点格子旁的标记，也可直接输入“缺考”“作弊”；免修在正考列输入“免修”；清空已有成绩即删除；Esc 撤销本格，Ctrl+S 保存。
        </Typography>
      )}
      <Box sx={{ px: 2, pt: 1.25, display: 'grid', gap: 1 }}>
        {blocked && <Alert severity="warning">{blocked}</Alert>}
        {refusedAll ? (
          <Alert severity="error" onClose={reset}>
            有 {refusedAll.issues!.length} 处成绩无法保存，本次未保存任何成绩。请按标红格子下方的说明改正后再保存。
            <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
              {refusedAll.issues!.slice(0, 10).map((i, n) => (
                <li key={n}>{issueLine(i.message)}</li>
              ))}
            </ul>
          </Alert>
        ) : (
          <ErrorAlert error={error} onClose={reset} />
        )}
      </Box>
      {grid.rows.length === 0 ? (
        <Typography variant="body2" sx={{ color: 'text.secondary', textAlign: 'center', py: 6 }}>
          该班级目前没有学生。
        </Typography>
      ) : (
        <Box sx={{ p: 2, pt: 1 }}>
          <GradeTable
            rows={grid.rows}
            columns={columns}
            scale={scale}
            edit={
              canWrite
                ? {
                    values,
                    states,
                    refused,
                    onChange: change,
                    termOptions: termOptions(grid, cohortYear),
                    lockedTerms,
                    onTerm: (kind, term) => setTerms((t) => ({ ...t, [kind]: term })),
                  }
                : null
            }
          />
        </Box>
      )}
      {canWrite && grid.rows.length > 0 && (
        <Box sx={{ px: 2, py: 1.5, borderTop: '1px solid', borderColor: 'divider', display: 'flex', gap: 1, justifyContent: 'flex-end', alignItems: 'center', position: 'sticky', bottom: 0, bgcolor: 'background.paper' }}>
          <Typography variant="body2" sx={{ color: problems ? 'error.main' : 'text.secondary', mr: 'auto' }}>
            {problems ? `${problems} 处有误` : dirty ? `${changed.length} 处修改待保存` : '没有未保存的修改'}
          </Typography>
          <Button startIcon={<UndoOutlined />} onClick={undoAll} disabled={!dirty || saving}>
            撤销全部修改
          </Button>
          <Button variant="contained" startIcon={<SaveOutlined />} onClick={() => void save()} disabled={!dirty || saving}>
            {saving ? '正在保存…' : '保存成绩'}
          </Button>
        </Box>
      )}
      {guard.dialog}
    </Paper>
  );
}

