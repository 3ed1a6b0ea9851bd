import AddPhotoAlternateOutlined from '@mui/icons-material/AddPhotoAlternateOutlined';
import CloudUploadOutlined from '@mui/icons-material/CloudUploadOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import Stack from '@mui/material/Stack';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { call } from '../../../ipc/client';
import { FilePickButton } from '../common/FilePickButton';
import { SectionCard } from '../common/SectionCard';
import { TaskStatus } from '../common/TaskStatus';
import { useImportTask } from '../common/useImportTask';
import { DEFAULT_MATCH, DEFAULT_QUALITY, MATCH_ORDERS, PHOTO_ACCEPT, type PhotoReport } from './photoOptions';
import { PhotoOptionsForm, type PhotoOptionValues } from './PhotoOptionsForm';
import { PhotoReportView } from './PhotoReportView';
import { PhotoRules } from './PhotoRules';
import { readAll } from './readAll';
import { SelectedFiles } from './SelectedFiles';

const fileKey = (f: File) => `${f.name}:${f.size}:${f.lastModified}`;

/** 导入照片: photo files or ZIPs, matched to students by file name. */
export function PhotoImportPanel() {
  const [files, setFiles] = useState<File[]>([]);
  const [options, setOptions] = useState<PhotoOptionValues>({ match: DEFAULT_MATCH, quality: DEFAULT_QUALITY, keepOriginal: false });
  const [report, setReport] = useState<PhotoReport | null>(null);
  const task = useImportTask();
  const busy = task.busy;

  const add = (picked: File[]) => {
    setFiles((current) => {
      const seen = new Set(current.map(fileKey));
      return [...current, ...picked.filter((f) => !seen.has(fileKey(f)))];
    });
    task.clear();
  };

  // 取消 stops the server between photos; nothing is saved (the photos are saved together at the end).
  const start = async () => {
    setReport(null);
    const matchOrder = (MATCH_ORDERS.find((m) => m.key === options.match) ?? MATCH_ORDERS[0]!).order;
    const imported = await task.run('正在读取所选文件…', async (jobId) => {
      const uploads = await readAll(files, (done) => task.report(done, files.length, `正在发送所选文件 ${done}/${files.length}`), task.cancelRequested);
      if (task.cancelRequested()) return { ok: false, error: { code: 'CANCELLED', message: '已取消导入，所选文件未发送，未写入任何数据。' } };
      if (typeof uploads === 'string') return { ok: false, error: { code: 'VALIDATION', message: uploads } };
      task.report(0, 0, '正在上传并匹配照片…');
      const r = await call('photos.import', { files: uploads.map(({ fileId }) => ({ fileId })), matchOrder, keepOriginal: options.keepOriginal, quality: options.quality, jobId });
      if (r.ok) return r;
      // A problem with one file names it by its place in the list: say which file that is.
      const at = /^files\.(\d+)/.exec(r.error.field ?? '');
      const name = at ? uploads[Number(at[1])]?.fileName : undefined;
      return name ? { ok: false, error: { ...r.error, message: `文件“${name}”：${r.error.message}` } } : r;
    });
    if (imported) {
      setReport(imported);
      setFiles([]);
    }
  };

  return (
    <Box>
      <SectionCard title="导入照片" description={<PhotoRules />}>
        <Stack spacing={2.5}>
          <Box sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', flexWrap: 'wrap' }}>
            <FilePickButton inputLabel="选择照片或压缩包" accept={PHOTO_ACCEPT} multiple variant="outlined" icon={<AddPhotoAlternateOutlined />} disabled={busy} onFiles={add}>
              {files.length > 0 ? '继续添加' : '选择照片或压缩包'}
            </FilePickButton>
            <Box sx={{ flex: 1, minWidth: 260, pt: 0.75 }}>
              <SelectedFiles files={files} disabled={busy} onClear={() => setFiles([])} />
            </Box>
          </Box>
          <Divider />
          <PhotoOptionsForm value={options} onChange={setOptions} disabled={busy} />
          <Box>
            <Button variant="contained" size="large" startIcon={<CloudUploadOutlined />} onClick={() => void start()} disabled={busy || files.length === 0}>
              {busy ? '正在导入…' : '开始导入'}
            </Button>
          </Box>
          <TaskStatus task={task} error={<ErrorAlert error={task.error} onClose={task.clear} />} dismissible />
        </Stack>
      </SectionCard>
      {report && <PhotoReportView report={report} />}
    </Box>
  );
}
