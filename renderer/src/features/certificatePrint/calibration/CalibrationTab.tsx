import AddOutlined from '@mui/icons-material/AddOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { PrinterProfile } from '../../../../../shared/domain/certificates/template';
import type { AppErrorData } from '../../../../../shared/ipc/result';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingBlock } from '../../../components/LoadingBlock';
import { NoticeSnackbar } from '../../../components/NoticeSnackbar';
import { call } from '../../../ipc/client';
import { useCallData } from '../../../ipc/useCall';
import { PdfOutputActions } from '../../jobs/PdfOutputActions';
import { NumberBox } from '../designer/NumberBox';
import { ProfileDialog } from './ProfileDialog';

/** A select whose empty choice has words (不校准, 自己填写尺寸) shows them, label raised. */
export const SHOW_EMPTY = { select: { displayEmpty: true }, inputLabel: { shrink: true } } as const;

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/**
 * 打印机校准: one profile per printer (or tray) with its offset and scale, and the calibration sheet
 * printed on plain paper to measure them against a blank form.
 */
export function CalibrationTab() {
  const profiles = useCallData('printerProfiles.list', {});
  const templates = useCallData('certificateTemplates.list', {});
  const [editing, setEditing] = useState<PrinterProfile | 'new' | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  if (profiles.error) return <ErrorAlert error={profiles.error} />;
  if (!profiles.data) return <LoadingBlock />;
  const rows = profiles.data;

  const remove = async () => {
    if (!deleting) return;
    const r = await call('printerProfiles.delete', { name: deleting });
    if (!r.ok) return setError(r.error);
    profiles.setData(r.value);
    setNotice(`已删除校准方案“${deleting}”`);
    setDeleting(null);
  };

  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Box sx={{ display: 'flex', alignItems: 'center', mb: 1 }}>
          <Typography variant="h6" component="h2" sx={{ flexGrow: 1 }}>
            校准方案
          </Typography>
          <Button variant="outlined" startIcon={<AddOutlined />} onClick={() => setEditing('new')}>
            添加校准方案
          </Button>
        </Box>
        {rows.length === 0 ? (
          <Typography sx={{ color: 'text.secondary' }}>还没有校准方案。先打印下面的校准页，量出打印机的偏差，再添加方案。</Typography>
        ) : (
          <Table size="small" aria-label="校准方案">
            <TableHead>
              <TableRow>
                <TableCell>方案名称</TableCell>
                <TableCell align="right">向右移动（毫米）</TableCell>
                <TableCell align="right">向下移动（毫米）</TableCell>
                <TableCell align="right">横向缩放</TableCell>
                <TableCell align="right">纵向缩放</TableCell>
                <TableCell>最后修改</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((p) => (
                <TableRow key={p.name}>
                  <TableCell>{p.name}</TableCell>
                  <TableCell align="right">{signed(p.offsetXMm)}</TableCell>
                  <TableCell align="right">{signed(p.offsetYMm)}</TableCell>
                  <TableCell align="right">{p.scaleX}</TableCell>
                  <TableCell align="right">{p.scaleY}</TableCell>
                  <TableCell>
                    {p.updatedAt.slice(0, 10)} {p.updatedBy}
                  </TableCell>
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                    <Button size="small" onClick={() => setEditing(p)}>
                      修改
                    </Button>
                    <Button size="small" color="error" onClick={() => setDeleting(p.name)}>
                      删除
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Paper>
      <CalibrationSheet profiles={rows.map((r) => r.name)} templates={templates.data ?? []} onError={setError} />
      <ErrorAlert error={error} onClose={() => setError(null)} />
      {editing && (
        <ProfileDialog
          profile={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(list, name) => {
            profiles.setData(list);
            setEditing(null);
            setNotice(`已保存校准方案“${name}”`);
          }}
        />
      )}
      <ConfirmDialog open={deleting !== null} title={`删除校准方案“${deleting ?? ''}”？`} confirmLabel="删除" danger onConfirm={() => void remove()} onClose={() => setDeleting(null)}>
        <Typography>删除后，用这台打印机打印证书前需要重新校准。</Typography>
      </ConfirmDialog>
      <NoticeSnackbar notice={notice} onClose={() => setNotice(null)} />
    </Box>
  );
}

interface SheetProps {
  profiles: string[];
  templates: { name: string; isDefault: boolean }[];
  onError: (e: AppErrorData) => void;
}

/** 打印校准页: at the size of a template's form (or typed), through a profile or none. */
function CalibrationSheet({ profiles, templates, onError }: SheetProps) {
  const [template, setTemplate] = useState('');
  const [page, setPage] = useState({ widthMm: 240, heightMm: 170 });
  const [profile, setProfile] = useState('');
  const [made, setMade] = useState<{ jobId: string; fileName: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const fromTemplate = async (name: string) => {
    setTemplate(name);
    if (!name) return;
    const r = await call('certificateTemplates.get', { name });
    if (r.ok) setPage(r.value.template.page);
    else onError(r.error);
  };
  const make = async () => {
    setBusy(true);
    setMade(null);
    const r = await call('certificates.calibrationSheet', { page, ...(profile ? { profileName: profile } : {}) });
    setBusy(false);
    if (!r.ok) return onError(r.error);
    setMade(r.value);
  };

  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
        打印校准页
      </Typography>
      <Box component="ol" sx={{ m: 0, mb: 2, pl: 3, '& li': { mb: 0.5 } }}>
        <li>选好证书的纸张尺寸和要校准的方案（第一次校准选“不校准”），点“生成校准页”，然后打印。</li>
        <li>
          用<b>普通白纸</b>打印，不要用空白证书。打印对话框中选<b>“实际大小”或缩放 100%</b>，不要选“适合页面”。
        </li>
        <li>把打印出的校准页与一张空白证书左上角对齐叠在一起，对着光（窗户或灯）看。</li>
        <li>校准页上每个十字旁印着它的位置（距左边、距上边多少毫米）。看十字比证书上同一位置偏了多少：例如“十字偏右 1.5 毫米、偏下 0.8 毫米”。</li>
        <li>在上面“添加校准方案”（或“修改”）中填入偏右、偏下的毫米数（偏左、偏上填负数），点“计算偏移”并保存。再打印一次校准页核对。</li>
      </Box>
      <Box sx={{ display: 'flex', gap: 1.5, flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <TextField select size="small" label="按模板的纸张" value={template} onChange={(e) => void fromTemplate(e.target.value)} sx={{ width: 260 }} slotProps={SHOW_EMPTY}>
          <MenuItem value="">（自己填写尺寸）</MenuItem>
          {templates.map((t) => (
            <MenuItem key={t.name} value={t.name}>
              {t.name}
            </MenuItem>
          ))}
        </TextField>
        <Box sx={{ width: 130 }}>
          <NumberBox label="纸张宽" unit="毫米" step={1} value={page.widthMm} onChange={(v) => setPage({ ...page, widthMm: v })} />
        </Box>
        <Box sx={{ width: 130 }}>
          <NumberBox label="纸张高" unit="毫米" step={1} value={page.heightMm} onChange={(v) => setPage({ ...page, heightMm: v })} />
        </Box>
        <TextField select size="small" label="校准方案" value={profile} onChange={(e) => setProfile(e.target.value)} sx={{ width: 260 }} slotProps={SHOW_EMPTY}>
          <MenuItem value="">不校准（第一次）</MenuItem>
          {profiles.map((p) => (
            <MenuItem key={p} value={p}>
              {p}
            </MenuItem>
          ))}
        </TextField>
        <Button variant="contained" onClick={() => void make()} disabled={busy}>
          {busy ? '正在生成…' : '生成校准页'}
        </Button>
      </Box>
      {made && (
        <Box sx={{ mt: 2 }}>
          <Typography sx={{ mb: 1 }}>已生成 {made.fileName}。</Typography>
          <PdfOutputActions jobId={made.jobId} fileName={made.fileName} onError={onError} />
        </Box>
      )}
    </Paper>
  );
}
