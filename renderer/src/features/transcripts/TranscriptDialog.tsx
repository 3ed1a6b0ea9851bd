import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import LinearProgress from '@mui/material/LinearProgress';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { AppErrorData } from '../../../../shared/ipc/result';
import { useSession } from '../../app/SessionContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingBlock } from '../../components/LoadingBlock';
import { call } from '../../ipc/client';
import { useCallData } from '../../ipc/useCall';
import { useJobProgress } from '../import/common/useJobProgress';
import { PdfOutputActions } from '../jobs/PdfOutputActions';
import { TranscriptSheetView } from './TranscriptSheetView';

type Lang = 'zh' | 'en';
export type TranscriptTarget = { studentId: number; name: string } | { classId: number; name: string };

/** A student's preview: the sheet as it will print, what would stop it, and the transcripts issued before. */
function Preview({ studentId, lang }: { studentId: number; lang: Lang }) {
  const { data, loading, error } = useCallData('transcripts.preview', { studentId, lang }, lang);
  if (loading && !data) return <LoadingBlock />;
  if (error) return <ErrorAlert error={error} />;
  if (!data) return null;
  return (
    <>
      {data.problems.length > 0 && (
        <Alert severity="warning" sx={{ mb: 1, whiteSpace: 'pre-line' }}>
          {`这份成绩单暂不能打印：\n${data.problems.join('\n')}`}
        </Alert>
      )}
      <TranscriptSheetView sheet={data.sheet} />
      {data.issued.length > 0 && (
        <Typography variant="caption" component="p" sx={{ mt: 1, color: 'text.secondary' }}>
          已打印 {data.issued.length} 次，最近一次：{data.issued[0]!.issuedAt.slice(0, 10)} {data.issued[0]!.issuedBy}（{data.issued[0]!.lang === 'zh' ? '中文' : '英文'}，{data.issued[0]!.pageName}，校验码 {data.issued[0]!.checkCode}）
        </Typography>
      )}
    </>
  );
}

/**
 * 成绩单 for a student (预览 + 打印) or a class (批量打印, one PDF, a page per student). Issuing needs
 * 打印成绩单与证书; previewing, 查看成绩与绩点. The PDF is printed or saved through the host.
 */
export function TranscriptDialog({ target, onClose }: { target: TranscriptTarget; onClose: () => void }) {
  const { can } = useSession();
  const [lang, setLang] = useState<Lang>('zh');
  const [page, setPage] = useState<'A4' | 'school'>('A4');
  const [photo, setPhoto] = useState(false);
  const [made, setMade] = useState<{ jobId: string; fileName: string; count: number } | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const job = useJobProgress();
  const settings = useCallData('transcripts.settings', {});
  const schoolPage = settings.data?.schoolPage ?? null;
  const student = 'studentId' in target;

  const print = async () => {
    setError(null);
    setMade(null);
    const jobId = job.begin('正在生成成绩单…');
    const r = await call('transcripts.print', { ...(student ? { studentId: target.studentId } : { classId: target.classId }), lang, page, photo, jobId });
    job.end();
    if (!r.ok) {
      if (r.error.code !== 'CANCELLED') setError(r.error);
      return;
    }
    setMade(r.value);
  };

  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth aria-labelledby="transcript-title">
      <DialogTitle id="transcript-title">{student ? `成绩单：${target.name}` : `批量打印成绩单：${target.name}`}</DialogTitle>
      <DialogContent>
        <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap', mb: 1.5 }}>
          <ToggleButtonGroup size="small" exclusive value={lang} onChange={(_e, v: Lang | null) => v && setLang(v)} aria-label="语言">
            <ToggleButton value="zh">中文</ToggleButton>
            <ToggleButton value="en">英文</ToggleButton>
          </ToggleButtonGroup>
          <ToggleButtonGroup size="small" exclusive value={page} onChange={(_e, v: 'A4' | 'school' | null) => v && setPage(v)} aria-label="纸张">
            <ToggleButton value="A4">A4</ToggleButton>
            <ToggleButton value="school" disabled={!schoolPage}>
              {schoolPage ? `${schoolPage.name}（${schoolPage.widthMm}×${schoolPage.heightMm} 毫米）` : '学校纸张（未设置）'}
            </ToggleButton>
          </ToggleButtonGroup>
          {can('students.identity.read') && <FormControlLabel control={<Checkbox checked={photo} onChange={(e) => setPhoto(e.target.checked)} />} label="印上学籍照片" />}
        </Box>
        {student ? <Preview studentId={target.studentId} lang={lang} /> : <Typography>为班级中每名学生生成一份成绩单，合为一个 PDF，每名学生另起一页。</Typography>}
        {job.progress && (
          <Box sx={{ mt: 2 }}>
            <Typography variant="body2">{job.progress.message}</Typography>
            <LinearProgress variant={job.progress.total ? 'determinate' : 'indeterminate'} value={job.progress.total ? (100 * job.progress.done) / job.progress.total : 0} />
          </Box>
        )}
        <ErrorAlert error={error} onClose={() => setError(null)} />
        {made && (
          <Box sx={{ mt: 2 }}>
            <Typography sx={{ mb: 1 }}>已生成 {made.fileName}（{made.count} 份），已记入成绩单打印记录。</Typography>
            <PdfOutputActions jobId={made.jobId} fileName={made.fileName} onError={setError} />
          </Box>
        )}
      </DialogContent>
      <DialogActions>
        {can('certificates.print') && (
          <Button variant="contained" onClick={() => void print()} disabled={job.progress !== null}>
            {job.progress ? '正在生成…' : '生成成绩单 PDF'}
          </Button>
        )}
        <Button onClick={onClose}>关闭</Button>
      </DialogActions>
    </Dialog>
  );
}
