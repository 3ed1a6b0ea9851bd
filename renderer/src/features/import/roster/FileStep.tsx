import ArrowForwardOutlined from '@mui/icons-material/ArrowForwardOutlined';
import FolderOpenOutlined from '@mui/icons-material/FolderOpenOutlined';
import UploadFileOutlined from '@mui/icons-material/UploadFileOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { ImportSpecId } from '../../../../../shared/domain/import/specs';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { call, uploadFile } from '../../../ipc/client';
import { FilePickButton } from '../common/FilePickButton';
import { TaskStatus } from '../common/TaskStatus';
import { useImportTask } from '../common/useImportTask';
import { ROSTER_ACCEPT } from './fileKind';
import { FileSummary } from './FileSummary';
import { SPEC_WORDS } from './specWords';
import { StepFooter } from './StepFooter';
import { TemplateButton } from './TemplateButton';
import type { ChosenFile } from './wizardTypes';

interface Props {
  /** Which import reads the file (imports.open). */
  spec: ImportSpecId;
  file: ChosenFile | null;
  onOpened: (file: ChosenFile) => void;
  onNext: () => void;
}

/** Step 1 — 选择文件: the file is sent once and read by the server; what it found is shown. */
export function FileStep({ spec, file, onOpened, onNext }: Props) {
  const task = useImportTask();
  const [dragging, setDragging] = useState(false);
  const busy = task.busy;
  const words = SPEC_WORDS[spec];

  const open = async (f: File) => {
    const opened = await task.run(`正在读取“${f.name}”…`, async (jobId) => {
      const sent = await uploadFile(f);
      if (!sent.ok) return sent;
      return call('imports.open', { fileId: sent.value.fileId, spec, jobId });
    });
    if (opened) onOpened({ fileName: f.name, size: f.size, opened });
  };

  return (
    <Box>
      <Box
        onDragOver={(e) => {
          e.preventDefault();
          if (!busy) setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          const f = e.dataTransfer.files[0];
          if (f && !busy) void open(f);
        }}
        sx={{
          border: '2px dashed',
          borderColor: dragging ? 'primary.main' : '#c5cfdc',
          bgcolor: dragging ? 'rgba(31, 78, 140, 0.06)' : '#fafbfd',
          borderRadius: 2,
          py: 4,
          px: 3,
          textAlign: 'center',
        }}
      >
        <UploadFileOutlined sx={{ fontSize: 44, color: 'primary.main', mb: 1 }} />
        <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
          {words.pick}
        </Typography>
        <Typography variant="body2" sx={{ color: 'text.secondary', mt: 0.5, mb: 2 }}>
          {words.pickHint}
        </Typography>
        <FilePickButton inputLabel={words.inputLabel} accept={ROSTER_ACCEPT} icon={<FolderOpenOutlined />} disabled={busy} onFiles={(files) => files[0] && void open(files[0])}>
          {file ? '重新选择文件' : '选择文件'}
        </FilePickButton>
      </Box>

      <Stack spacing={2} sx={{ mt: 2 }}>
        <TaskStatus task={task} error={<ErrorAlert error={task.error} onClose={task.clear} />} dismissible />
        {file && !busy && <FileSummary file={file} />}
      </Stack>

      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mt: 2, flexWrap: 'wrap' }}>
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          没有现成的文件，或不确定该填哪些列？
        </Typography>
        <TemplateButton spec={spec} onError={task.setError} />
      </Box>
      <Typography variant="caption" component="p" sx={{ color: 'text.secondary', mt: 0.5 }}>
        {words.footnote}
      </Typography>

      <StepFooter disabled={busy}>
        <Button variant="contained" endIcon={<ArrowForwardOutlined />} onClick={onNext} disabled={!file || busy}>
          下一步
        </Button>
      </StepFooter>
    </Box>
  );
}
