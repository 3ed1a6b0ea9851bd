import RedoOutlined from '@mui/icons-material/RedoOutlined';
import SaveOutlined from '@mui/icons-material/SaveOutlined';
import UndoOutlined from '@mui/icons-material/UndoOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { templateProblems } from '../../../../../shared/domain/certificates/template-check';
import type { CertificateTemplate } from '../../../../../shared/domain/certificates/template';
import { TEMPLATE_FIELD_KEYS } from '../../../../../shared/domain/certificates/template';
import type { AppErrorData } from '../../../../../shared/ipc/result';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingBlock } from '../../../components/LoadingBlock';
import { NoticeSnackbar } from '../../../components/NoticeSnackbar';
import { call, saveJobOutput, studentPhoto, templateBackground, uploadFile } from '../../../ipc/client';
import { useCallData } from '../../../ipc/useCall';
import { StudentPicker, type StudentBrief } from '../../statusChanges/filing/StudentPicker';
import { useLeaveGuard } from '../../students/form/useLeaveGuard';
import { DesignerCanvas } from './DesignerCanvas';
import { canRedo, canUndo, designerReducer, initialState, isDirty, PHOTO, selectedBox } from './designerState';
import { fitZoom, mmText, ZOOMS } from './geometry';
import { errorProblems, placeProblems } from './problems';
import { PropertiesPanel } from './PropertiesPanel';
import { TemplateBar } from './TemplateBar';
import { useBlobUrl } from './useBlobUrl';

const BLANK: CertificateTemplate = { format: 1, name: '', kind: '毕业证书', page: { widthMm: 240, heightMm: 170 }, fields: [], photo: null };

/** Where keys typed go to the input, not to the designer's undo. */
const typingIn = (t: EventTarget | null) => t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));

/**
 * 模板设计: one template on the page at a time, edited on screen and saved as a whole. The preview
 * shows a real student's certificate text (certificateTemplates.sampleFacts through fieldText, the
 * same function the print uses); the scanned blank form behind it is never printed.
 */
export function DesignerTab({ active }: { active: boolean }) {
  const list = useCallData('certificateTemplates.list', {});
  const [state, dispatch] = useReducer(designerReducer, BLANK, initialState);
  /** The stored template being edited (its name before any rename); null: new, not yet saved. */
  const [stored, setStored] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [zoom, setZoom] = useState(1);
  /** Until the clerk picks a zoom, each template opens at the largest that shows the whole width (at most 100 %). */
  const zoomChosen = useRef(false);
  const canvasArea = useRef<HTMLDivElement>(null);
  const [showBackground, setShowBackground] = useState(true);
  const [backgroundTick, setBackgroundTick] = useState(0);
  const [student, setStudent] = useState<StudentBrief | null>(null);
  const [facts, setFacts] = useState<{ facts: import('../../../../../shared/domain/certificates/fields').CertificateFacts; problems: string[] } | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [saveError, setSaveError] = useState<AppErrorData | null>(null);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<{ title: string; text: string; label: string; danger?: boolean; then: () => void } | null>(null);
  // A new template (新建, 复制) counts as unsaved until 保存 creates it.
  const dirty = loaded && (stored === null || isDirty(state));
  const guard = useLeaveGuard(dirty, '证书模板中有尚未保存的修改。');
  const t = state.current;

  const open = async (name: string) => {
    setBusy(true);
    const r = await call('certificateTemplates.get', { name });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    dispatch({ type: 'load', template: r.value.template });
    setStored(name);
    setLoaded(true);
    setSaveError(null);
    setTried(false);
  };
  /** Another template, asking first when this one has unsaved edits. */
  const leaveThen = (then: () => void) =>
    dirty ? setConfirm({ title: '放弃未保存的修改？', text: '当前模板中有尚未保存的修改，换用其他模板将会丢失这些修改。', label: '放弃修改', danger: true, then }) : then();

  // The department's default template opens first.
  useEffect(() => {
    if (loaded || !list.data) return;
    const first = list.data.find((x) => x.isDefault) ?? list.data[0];
    if (first) void open(first.name);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [list.data, loaded]);

  // The chosen student's certificate text.
  useEffect(() => {
    if (!student) return setFacts(null);
    let live = true;
    void call('certificateTemplates.sampleFacts', { studentId: student.id }).then((r) => {
      if (!live) return;
      if (r.ok) setFacts(r.value);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [student]);
  const photoUrl = useBlobUrl(student ? `s${student.id}` : null, () => studentPhoto(student!.id));
  const hasBackground = list.data?.find((x) => x.name === stored)?.hasBackground ?? false;
  const backgroundUrl = useBlobUrl(stored && hasBackground ? stored : null, () => templateBackground(stored!), backgroundTick);

  const undo = () => dispatch({ type: 'undo' });
  const redo = () => dispatch({ type: 'redo' });
  // Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y anywhere on this tab except while typing in a box (which undoes its own text).
  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || typingIn(e.target)) return;
      const k = e.key.toLowerCase();
      if (k === 'z' && !e.shiftKey) undo();
      else if ((k === 'z' && e.shiftKey) || k === 'y') redo();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active]);

  const problems = useMemo(() => {
    const local = tried ? templateProblems(t).map((p) => ({ path: p.path, message: p.message })) : [];
    return placeProblems([...errorProblems(saveError), ...local], t);
  }, [t, tried, saveError]);

  const save = async () => {
    setTried(true);
    setSaveError(null);
    if (templateProblems(t).length > 0) return;
    setBusy(true);
    const r = await call('certificateTemplates.save', { template: t, ...(stored ? { previousName: stored } : {}) });
    setBusy(false);
    if (!r.ok) return setSaveError(r.error);
    dispatch({ type: 'saved', template: t });
    setStored(t.name.trim());
    setTried(false);
    setNotice(`已保存模板“${t.name}”`);
    list.reload();
  };

  const startNew = (from: CertificateTemplate, name: string) => {
    dispatch({ type: 'load', template: { ...from, name } });
    setStored(null);
    setSaveError(null);
    setTried(false);
  };
  const unusedName = (base: string) => {
    const names = new Set(list.data?.map((x) => x.name));
    for (let i = 1; ; i++) if (!names.has(i === 1 ? base : `${base}${i}`)) return i === 1 ? base : `${base}${i}`;
  };
  const newFromDefault = () =>
    leaveThen(async () => {
      const def = list.data?.find((x) => x.isDefault);
      if (!def) return startNew(BLANK, unusedName('新模板'));
      const r = await call('certificateTemplates.get', { name: def.name });
      if (!r.ok) return setError(r.error);
      startNew(r.value.template, unusedName('新模板'));
    });
  const copy = () => leaveThen(() => startNew(t, unusedName(`${t.name}（副本）`)));

  const remove = () =>
    stored &&
    setConfirm({
      title: `删除模板“${stored}”？`,
      text: '删除后不能恢复；已打印的证书不受影响。',
      label: '删除',
      danger: true,
      then: async () => {
        const r = await call('certificateTemplates.delete', { name: stored });
        if (!r.ok) return setError(r.error);
        setNotice(`已删除模板“${stored}”`);
        setStored(null);
        setLoaded(false);
        list.reload();
      },
    });
  const setDefault = async () => {
    if (!stored) return;
    const r = await call('certificateTemplates.setDefault', { name: stored });
    if (!r.ok) return setError(r.error);
    setNotice(`“${stored}”已设为默认模板`);
    list.reload();
  };
  const exportFile = async () => {
    if (!stored) return;
    const r = await call('certificateTemplates.export', { name: stored });
    if (!r.ok) return setError(r.error);
    const s = await saveJobOutput(r.value.jobId, r.value.fileName);
    if (!s.ok) setError(s.error);
  };
  const importFile = (file: File) =>
    leaveThen(async () => {
      setBusy(true);
      const up = await uploadFile(file);
      const r = up.ok ? await call('certificateTemplates.import', { fileId: up.value.fileId }) : up;
      setBusy(false);
      if (!r.ok) return setError(r.error);
      setNotice(`已导入模板“${r.value.template.name}”`);
      list.reload();
      await open(r.value.template.name);
    });
  const setBackground = async (file: File | null) => {
    if (!stored) return;
    setBusy(true);
    const up = file ? await uploadFile(file) : null;
    if (up && !up.ok) {
      setBusy(false);
      return setError(up.error);
    }
    const r = await call('certificateTemplates.setBackground', { name: stored, fileId: up ? up.value.fileId : null });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setNotice(file ? '已保存底图（只在屏幕上显示，不会打印）' : '已移除底图');
    setBackgroundTick((n) => n + 1);
    list.reload();
  };

  useEffect(() => {
    const width = canvasArea.current?.clientWidth;
    if (zoomChosen.current || !width) return;
    setZoom(fitZoom(t.page.widthMm, width));
  }, [t.page.widthMm, loaded]);

  if (list.error) return <ErrorAlert error={list.error} />;
  if (!list.data || (!loaded && list.data.length > 0)) return <LoadingBlock />;

  const sel = selectedBox(t, state.selected);
  const selName = state.selected === PHOTO ? '照片框' : t.fields.find((f) => f.id === state.selected)?.key;
  return (
    <Box>
      <Paper variant="outlined" sx={{ p: 1.5, mb: 1.5, display: 'grid', gap: 1.5 }}>
        <TemplateBar
          list={list.data}
          current={stored}
          busy={busy}
          onOpen={(name) => name !== stored && leaveThen(() => void open(name))}
          onNew={newFromDefault}
          onCopy={copy}
          onDelete={remove}
          onSetDefault={() => void setDefault()}
          onExport={() => void exportFile()}
          onImport={importFile}
        />
        <Box sx={{ display: 'flex', gap: 1.5, flexWrap: 'wrap', alignItems: 'center' }}>
          <Box sx={{ width: 300 }}>
            <StudentPicker value={student} onChange={setStudent} label="预览学生" required={false} size="small" />
          </Box>
          <TextField select size="small" label="缩放" value={zoom} onChange={(e) => {
              zoomChosen.current = true;
              setZoom(Number(e.target.value));
            }} sx={{ width: 110 }}>
            {ZOOMS.map((z) => (
              <MenuItem key={z} value={z}>
                {z * 100}%
              </MenuItem>
            ))}
          </TextField>
          <FormControlLabel control={<Switch checked={showBackground} onChange={(e) => setShowBackground(e.target.checked)} disabled={!hasBackground} />} label="显示底图" />
          <BackgroundButtons disabled={busy || !stored} has={hasBackground} onChoose={(f) => void setBackground(f)} />
          <Box sx={{ flexGrow: 1 }} />
          <Tooltip title="撤销（Ctrl+Z）">
            <span>
              <IconButton aria-label="撤销" onClick={undo} disabled={!canUndo(state)}>
                <UndoOutlined />
              </IconButton>
            </span>
          </Tooltip>
          <Tooltip title="重做（Ctrl+Y）">
            <span>
              <IconButton aria-label="重做" onClick={redo} disabled={!canRedo(state)}>
                <RedoOutlined />
              </IconButton>
            </span>
          </Tooltip>
          <Button variant="contained" startIcon={<SaveOutlined />} onClick={() => void save()} disabled={busy || !dirty}>
            {dirty ? '保存模板' : '已保存'}
          </Button>
        </Box>
      </Paper>
      <ErrorAlert error={error} onClose={() => setError(null)} />
      {problems.all.length > 0 && (
        <Alert severity="error" sx={{ mb: 1.5 }}>
          模板未保存，请先改正：
          <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
            {problems.all.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </Alert>
      )}
      {facts && facts.problems.length > 0 && (
        <Alert severity="warning" sx={{ mb: 1.5 }}>
          {student?.name} 的证书现在还不能打印：{facts.problems.join('；')}
        </Alert>
      )}
      <Box sx={{ display: 'flex', gap: 1.5, alignItems: 'flex-start' }}>
        <Box sx={{ flex: 1, minWidth: 0 }} ref={canvasArea}>
          <Typography variant="body2" sx={{ mb: 0.75, color: 'text.secondary', fontVariantNumeric: 'tabular-nums' }} role="status" aria-label="选中位置">
            {sel
              ? `选中：${selName === '照片框' ? '照片框' : TEMPLATE_FIELD_KEYS[selName as keyof typeof TEMPLATE_FIELD_KEYS]}　左边距 X ${mmText(sel.xMm)} 毫米　上边距 Y ${mmText(sel.yMm)} 毫米`
              : `纸张 ${t.page.widthMm}×${t.page.heightMm} 毫米。点击字段选中它，拖动或用方向键移动（0.1 毫米，Shift 1 毫米）。`}
          </Typography>
          <DesignerCanvas
            template={t}
            selected={state.selected}
            zoom={zoom}
            facts={facts?.facts ?? null}
            backgroundUrl={backgroundUrl}
            showBackground={showBackground}
            photoUrl={photoUrl}
            problems={problems.byBox}
            dispatch={dispatch}
          />
        </Box>
        <Paper variant="outlined" sx={{ width: 300, flexShrink: 0, p: 2 }}>
          <PropertiesPanel template={t} selected={state.selected} problems={problems.byProperty} dispatch={dispatch} />
        </Paper>
      </Box>
      {confirm && (
        <ConfirmDialog
          open
          title={confirm.title}
          confirmLabel={confirm.label}
          danger={confirm.danger}
          onClose={() => setConfirm(null)}
          onConfirm={() => {
            const then = confirm.then;
            setConfirm(null);
            then();
          }}
        >
          <Typography>{confirm.text}</Typography>
        </ConfirmDialog>
      )}
      <NoticeSnackbar notice={notice} onClose={() => setNotice(null)} />
      {guard.dialog}
    </Box>
  );
}

function BackgroundButtons({ disabled, has, onChoose }: { disabled: boolean; has: boolean; onChoose: (file: File | null) => void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Tooltip title="扫描的空白证书（JPG 或 PNG），只在屏幕上作为参照，不会打印">
        <span>
          <Button size="small" variant="outlined" onClick={() => input.current?.click()} disabled={disabled}>
            {has ? '更换底图' : '上传底图'}
          </Button>
        </span>
      </Tooltip>
      {has && (
        <Button size="small" onClick={() => onChoose(null)} disabled={disabled}>
          移除底图
        </Button>
      )}
      <input
        ref={input}
        type="file"
        accept="image/jpeg,image/png"
        hidden
        aria-label="选择底图文件"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) onChoose(f);
        }}
      />
    </>
  );
}
