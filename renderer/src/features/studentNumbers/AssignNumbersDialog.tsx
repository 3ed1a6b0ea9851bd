import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useEffect, useId, useState } from 'react';
import { ruleProblem, type StudentNoRule } from '../../../../shared/domain/student-no';
import type { CallOutput } from '../../../../shared/ipc/contract';
import type { AppErrorData } from '../../../../shared/ipc/result';
import { ErrorAlert } from '../../components/ErrorAlert';
import { call } from '../../ipc/client';
import { StudentNoRuleEditor } from './StudentNoRuleEditor';

/** Which students: a selection, a cohort, or every student still without a 学号. */
export interface NumberingScope {
  ids?: number[];
  cohortYear?: number;
  /** How the scope reads in the dialog: 已选择的 12 名学生, 2026 级… */
  label: string;
}

interface Props {
  /** null: closed. Without a scope the dialog only edits the rule (the import wizard's 修改规则). */
  scope: NumberingScope | null | 'rule';
  onClose: () => void;
  onDone: (message: string) => void;
}

type Preview = CallOutput<'studentNumbers.assign'>;
const SHOWN = 30;

/**
 * 学号编排: the rule, a preview of the numbers on the real students, then one transaction that
 * numbers them. Saving the rule and numbering are separate steps the user sees.
 */
export function AssignNumbersDialog({ scope, onClose, onDone }: Props) {
  const titleId = useId();
  const [saved, setSaved] = useState<StudentNoRule | null>(null);
  const [rule, setRule] = useState<StudentNoRule | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  const open = scope !== null;
  const target = scope && scope !== 'rule' ? scope : null;
  const dirty = JSON.stringify(rule) !== JSON.stringify(saved);
  const usable = rule !== null && ruleProblem(rule) === null;

  useEffect(() => {
    if (!open) return;
    setPreview(null);
    setError(null);
    void call('studentNumbers.rule', {}).then((r) => {
      if (!r.ok) return setError(r.error);
      setSaved(r.value);
      setRule(r.value);
    });
  }, [open]);

  // The preview follows the rule as edited (dry run: nothing is written).
  useEffect(() => {
    if (!target || !rule || !usable) return;
    let live = true;
    const t = setTimeout(() => {
      void call('studentNumbers.assign', { ...scopeInput(target), rule, dryRun: true }).then((r) => {
        if (!live) return;
        if (r.ok) setPreview(r.value);
        else setError(r.error);
      });
    }, 250);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [JSON.stringify(rule), target?.label]);

  const saveRule = async (): Promise<boolean> => {
    if (!rule || !dirty) return true;
    const r = await call('studentNumbers.saveRule', rule);
    if (!r.ok) {
      setError(r.error);
      return false;
    }
    setSaved(r.value);
    return true;
  };

  const run = async (what: 'save' | 'assign') => {
    setBusy(true);
    setError(null);
    try {
      if (!(await saveRule())) return;
      if (what === 'save' || !target) {
        onDone('学号规则已保存');
        onClose();
        return;
      }
      const r = await call('studentNumbers.assign', scopeInput(target));
      if (!r.ok) return setError(r.error);
      const skipped = r.value.skipped.length;
      onDone(`已为 ${r.value.assigned.length} 名学生编排学号${skipped ? `；${skipped} 名无法编排（${r.value.skipped[0]!.reason}等）` : ''}`);
      onClose();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onClose={busy ? undefined : onClose} maxWidth="md" fullWidth aria-labelledby={titleId}>
      <DialogTitle id={titleId}>{target ? `学号编排：${target.label}` : '学号规则'}</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <ErrorAlert error={error} />
          {rule && <StudentNoRuleEditor value={rule} onChange={setRule} disabled={busy} />}
          {target && preview && <PreviewTable preview={preview} />}
        </Stack>
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose} disabled={busy}>
          取消
        </Button>
        {target && (
          <Button onClick={() => void run('save')} disabled={busy || !dirty || !usable}>
            只保存规则
          </Button>
        )}
        <Button
          variant="contained"
          onClick={() => void run(target ? 'assign' : 'save')}
          disabled={busy || !usable || (target ? !preview || preview.assigned.length === 0 : !dirty)}
        >
          {busy ? '正在处理…' : target ? `${dirty ? '保存规则并' : ''}编排 ${preview?.assigned.length ?? 0} 名学生的学号` : '保存规则'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

function scopeInput(s: NumberingScope) {
  return { ...(s.ids ? { ids: s.ids } : {}), ...(s.cohortYear !== undefined ? { cohortYear: s.cohortYear } : {}) };
}

function PreviewTable({ preview }: { preview: Preview }) {
  if (preview.pending === 0) return <Alert severity="info">所选范围内的学生都已有学号，无需编排。</Alert>;
  return (
    <Box>
      <Typography variant="subtitle2" sx={{ mb: 1 }}>
        预览：待编学号 {preview.pending} 人，将编排 {preview.assigned.length} 人{preview.skipped.length ? `，无法编排 ${preview.skipped.length} 人` : ''}
      </Typography>
      {preview.skipped.length > 0 && (
        <Alert severity="warning" sx={{ mb: 1 }}>
          {preview.skipped.slice(0, 5).map((s) => `${s.name}（${s.className ?? '未分班'}）：${s.reason}`).join('；')}
          {preview.skipped.length > 5 ? `……共 ${preview.skipped.length} 人` : ''}
        </Alert>
      )}
      <Table size="small" aria-label="学号预览">
        <TableHead>
          <TableRow>
            <TableCell>学号</TableCell>
            <TableCell>姓名</TableCell>
            <TableCell>班级</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {preview.assigned.slice(0, SHOWN).map((a) => (
            <TableRow key={a.id}>
              <TableCell sx={{ fontFamily: 'monospace' }}>{a.studentNo}</TableCell>
              <TableCell>{a.name}</TableCell>
              <TableCell>{a.className ?? '—'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {preview.assigned.length > SHOWN && (
        <Typography variant="caption" sx={{ color: 'text.secondary' }}>
          仅显示前 {SHOWN} 人，共 {preview.assigned.length} 人。
        </Typography>
      )}
    </Box>
  );
}
