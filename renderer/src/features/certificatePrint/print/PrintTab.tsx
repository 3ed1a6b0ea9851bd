import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import type { CallOutput } from '../../../../../shared/ipc/contract';
import type { AppErrorData } from '../../../../../shared/ipc/result';
import { call } from '../../../ipc/client';
import { useCallData } from '../../../ipc/useCall';
import { useJobProgress } from '../../import/common/useJobProgress';
import { PdfOutputActions, PRINT_AT_ACTUAL_SIZE } from '../../jobs/PdfOutputActions';
import { StudentPicker, type StudentBrief } from '../../statusChanges/filing/StudentPicker';
import { useOrgTree } from '../../students/common/useOrgTree';
import { SHOW_EMPTY } from '../calibration/CalibrationTab';
import { PresidentSetting } from './PresidentSetting';

type Made = CallOutput<'certificates.print'>;

/** What stopped the batch, one line each (student and field, 暂缓发证, no number…), beyond what the message says. */
function refusalLines(error: AppErrorData): string[] {
  return (error.issues ?? []).map((i) => i.message).filter((m) => !error.message.includes(m));
}

/**
 * 打印证书: a cohort (optionally one major) or chosen students, on a template, through a printer
 * profile, from the blank form in the tray (its printed serial). Refusals are listed; nothing prints
 * until they are resolved. The PDF prints at exact size through the host.
 */
/** An offset as the clerk says it: 右 1.5 毫米, 上 0.8 毫米 (never 下 -0.8). */
const shiftText = (mm: number, plus: string, minus: string) => (mm === 0 ? `${plus}${minus}不移` : `${mm > 0 ? plus : minus} ${Math.abs(mm)} 毫米`);

export function PrintTab({ active }: { active: boolean }) {
  const org = useOrgTree();
  const templates = useCallData('certificateTemplates.list', {}, active ? 'on' : 'off');
  const profiles = useCallData('printerProfiles.list', {}, active ? 'on' : 'off');
  const [by, setBy] = useState<'cohort' | 'students'>('cohort');
  const [cohortYear, setCohortYear] = useState<number | ''>('');
  const [majorId, setMajorId] = useState<number | ''>('');
  const [students, setStudents] = useState<StudentBrief[]>([]);
  const [picking, setPicking] = useState<StudentBrief | null>(null);
  const [templateName, setTemplateName] = useState('');
  const [profileName, setProfileName] = useState('');
  const [startSerial, setStartSerial] = useState('');
  const [reprintReason, setReprintReason] = useState('');
  const [error, setError] = useState<AppErrorData | null>(null);
  const [made, setMade] = useState<Made | null>(null);
  const job = useJobProgress();

  // The default template until the clerk picks another.
  useEffect(() => {
    if (!templateName && templates.data) setTemplateName(templates.data.find((t) => t.isDefault)?.name ?? '');
  }, [templates.data, templateName]);

  const cohorts = org.data?.cohorts ?? [];
  const majors = org.data?.majors ?? [];
  const reasonNeeded = error?.field === 'reprintReason' || Boolean(error?.issues?.some((i) => i.field === 'reprintReason')) || Boolean(error?.message.includes('重新打印须填写原因'));
  const lines = error ? refusalLines(error) : [];

  const print = async () => {
    setError(null);
    setMade(null);
    const who = by === 'cohort' ? { cohortYear: cohortYear === '' ? undefined : cohortYear, ...(majorId !== '' ? { majorId } : {}) } : { studentIds: students.map((s) => s.id) };
    if (by === 'cohort' && cohortYear === '') return setError({ code: 'VALIDATION', message: '请选择年级', field: 'cohortYear' });
    if (by === 'students' && students.length === 0) return setError({ code: 'VALIDATION', message: '请先选择学生', field: 'studentIds' });
    const jobId = job.begin('正在生成证书…');
    const r = await call('certificates.print', {
      ...(who as { cohortYear: number } | { studentIds: number[] }),
      ...(templateName ? { templateName } : {}),
      ...(profileName ? { profileName } : {}),
      ...(startSerial.trim() ? { startSerial: startSerial.trim() } : {}),
      ...(reprintReason.trim() ? { reprintReason: reprintReason.trim() } : {}),
      jobId,
    });
    job.end();
    if (!r.ok) {
      if (r.error.code !== 'CANCELLED') setError(r.error);
      return;
    }
    setMade(r.value);
  };

  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <Paper variant="outlined" sx={{ p: 2, display: 'grid', gap: 2 }}>
        <Typography variant="h6" component="h2">
          打印证书
        </Typography>
        <Box sx={{ display: 'flex', gap: 1.5, flexWrap: 'wrap', alignItems: 'center' }}>
          <ToggleButtonGroup size="small" exclusive value={by} onChange={(_e, v: 'cohort' | 'students' | null) => v && setBy(v)} aria-label="打印哪些学生">
            <ToggleButton value="cohort">按年级、专业</ToggleButton>
            <ToggleButton value="students">选择学生</ToggleButton>
          </ToggleButtonGroup>
          {by === 'cohort' ? (
            <>
              <TextField select size="small" label="年级" value={cohortYear} onChange={(e) => setCohortYear(Number(e.target.value))} sx={{ width: 130 }} error={error?.field === 'cohortYear'}>
                {cohorts.map((y) => (
                  <MenuItem key={y} value={y}>
                    {y} 级
                  </MenuItem>
                ))}
              </TextField>
              <TextField select size="small" label="专业" value={majorId} onChange={(e) => setMajorId(e.target.value === '' ? '' : Number(e.target.value))} sx={{ width: 240 }} slotProps={SHOW_EMPTY}>
                <MenuItem value="">全部专业</MenuItem>
                {majors.map((m) => (
                  <MenuItem key={m.id} value={m.id}>
                    {m.name}
                  </MenuItem>
                ))}
              </TextField>
            </>
          ) : (
            <Box sx={{ width: 300 }}>
              <StudentPicker
                value={picking}
                label="添加学生"
                required={false}
                size="small"
                onChange={(s) => {
                  if (s && !students.some((x) => x.id === s.id)) setStudents([...students, s]);
                  setPicking(null);
                }}
              />
            </Box>
          )}
        </Box>
        {by === 'students' && students.length > 0 && (
          <Box sx={{ display: 'flex', gap: 0.75, flexWrap: 'wrap' }} aria-label="已选学生">
            {students.map((s) => (
              <Chip key={s.id} label={`${s.name} ${s.studentNo ?? ''}`} onDelete={() => setStudents(students.filter((x) => x.id !== s.id))} />
            ))}
          </Box>
        )}
        <Box sx={{ display: 'flex', gap: 1.5, flexWrap: 'wrap', alignItems: 'flex-start' }}>
          <TextField select size="small" label="模板" value={templateName} onChange={(e) => setTemplateName(e.target.value)} sx={{ width: 260 }}>
            {(templates.data ?? []).map((t) => (
              <MenuItem key={t.name} value={t.name}>
                {t.name}
                {t.isDefault ? '（默认）' : ''}
              </MenuItem>
            ))}
          </TextField>
          <TextField select size="small" label="打印机校准方案" value={profileName} onChange={(e) => setProfileName(e.target.value)} sx={{ width: 300 }} slotProps={SHOW_EMPTY}>
            <MenuItem value="">不校准</MenuItem>
            {(profiles.data ?? []).map((p) => (
              <MenuItem key={p.name} value={p.name}>
                {p.name}（{shiftText(p.offsetXMm, '右', '左')}、{shiftText(p.offsetYMm, '下', '上')}）
              </MenuItem>
            ))}
          </TextField>
          <TextField
            size="small"
            label="第一张空白证书的印刷编号"
            value={startSerial}
            onChange={(e) => setStartSerial(e.target.value)}
            helperText={error?.field === 'startSerial' ? error.message : '纸盒里最上面一张空白证书上印的编号（用过一部分的也从这里接着打）'}
            error={error?.field === 'startSerial'}
            sx={{ width: 340 }}
          />
        </Box>
        <TextField
          size="small"
          label="重新打印的原因"
          value={reprintReason}
          onChange={(e) => setReprintReason(e.target.value)}
          error={reasonNeeded}
          sx={{ maxWidth: 640 }}
          helperText={reasonNeeded ? '其中有已经打印过的证书：请写明重新打印的原因（如 打印错位、证书污损）' : '其中有已经打印过的证书时必填，会记入打印记录'}
        />
        <Alert severity="info">{PRINT_AT_ACTUAL_SIZE}把空白证书按模板的方向放入纸盒，先用一张普通白纸试印核对位置。</Alert>
        <Box>
          <Button variant="contained" onClick={() => void print()} disabled={job.progress !== null}>
            {job.progress ? '正在生成…' : '生成证书 PDF'}
          </Button>
        </Box>
        {job.progress && (
          <Box>
            <Typography variant="body2">{job.progress.message}</Typography>
            <LinearProgress variant={job.progress.total ? 'determinate' : 'indeterminate'} value={job.progress.total ? (100 * job.progress.done) / job.progress.total : 0} />
          </Box>
        )}
        {error && (
          <Alert severity="error" onClose={() => setError(null)} aria-label="不能打印的原因" sx={{ whiteSpace: 'pre-line' }}>
            {error.message}
            {lines.length > 0 && (
              <Box component="ul" sx={{ m: 0, mt: 0.5, pl: 2.5 }}>
                {lines.map((l, i) => (
                  <li key={i}>{l}</li>
                ))}
              </Box>
            )}
          </Alert>
        )}
        {made && (
          <Box>
            <Typography sx={{ mb: 1 }}>
              已生成 {made.fileName}（{made.count} 份）
              {made.firstSerial ? `，使用空白证书 ${made.firstSerial}${made.lastSerial && made.lastSerial !== made.firstSerial ? ` 至 ${made.lastSerial}` : ''}` : ''}，已记入证书打印记录。
            </Typography>
            {made.leftOut.length > 0 && (
              <Alert severity="info" sx={{ mb: 1 }} aria-label="未打印的学生">
                这次未打印：
                {made.leftOut.map((line) => (
                  <Box key={line}>{line}</Box>
                ))}
              </Alert>
            )}
            <PdfOutputActions jobId={made.jobId} fileName={made.fileName} onError={setError} />
          </Box>
        )}
      </Paper>
      <PresidentSetting />
    </Box>
  );
}
