import PlaylistAddOutlined from '@mui/icons-material/PlaylistAddOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { ImportSpecId } from '../../../../../shared/domain/import/specs';
import { call } from '../../../ipc/client';
import { StudentNoChoice } from './StudentNoChoice';
import { TaskStatus } from '../common/TaskStatus';
import { CommitChoice } from './CommitChoice';
import { CommitResult } from './CommitResult';
import { ErrorReportButton } from './ErrorReportButton';
import { IssuesPanel } from './IssuesPanel';
import { PreviewSummary } from './PreviewSummary';
import { SPEC_WORDS } from './specWords';
import { StepFooter } from './StepFooter';
import { UploadError } from './UploadError';
import { useImportTask } from '../common/useImportTask';
import { importOptions, type ChosenFile, type Committed, type ImportChoices, type Mapping, type Previewed } from './wizardTypes';

interface Props {
  spec: ImportSpecId;
  file: ChosenFile;
  sheet: string;
  mapping: Mapping;
  choices: ImportChoices;
  preview: Previewed;
  result: Committed | null;
  onCommitted: (result: Committed) => void;
  onBack: () => void;
  onRestart: () => void;
  onShowBatches: () => void;
}

const MODE_TEXT = { add: '只添加新学生', update: '更新已有学生' } as const;

/** Step 5 — 导入: the rows are written in one go; with errors, the user decides first. */
export function CommitStep({ spec, file, sheet, mapping, choices, preview, result, onCommitted, onBack, onRestart, onShowBatches }: Props) {
  const task = useImportTask();
  const words = SPEC_WORDS[spec];
  // Numbering is offered for new students; on by default when the file has no 学号 column at all.
  const offerNumbering = spec === 'roster' && (choices.mode === 'add' || preview.toAdd > 0);
  const [assignStudentNo, setAssignStudentNo] = useState(() => !Object.values(mapping).includes('studentNo'));

  const commit = async (skipInvalid: boolean) => {
    const value = await task.run('正在导入…', (jobId) =>
      call('imports.commit', { ...importOptions(file, sheet, mapping, choices, jobId), skipInvalid, assignStudentNo: offerNumbering && assignStudentNo }),
    );
    if (value) onCommitted(value);
  };

  // A commit that wrote nothing and found no error (every grade already recorded, a plan unchanged) is done too.
  if (result && (result.batchId !== null || result.errors.length === 0)) return <CommitResult spec={spec} result={result} onAnother={onRestart} onShowBatches={onShowBatches} />;

  const report = <ErrorReportButton options={importOptions(file, sheet, mapping, choices)} onError={task.setError} />;
  return (
    <Box>
      <Stack spacing={2}>
        <Typography variant="body2">
          将从“<b>{file.fileName}</b>”{file.opened.kind !== 'csv' ? `（工作表“${sheet}”）` : ''}导入
          {spec === 'roster' && (
            <>
              ，导入方式：<b>{MODE_TEXT[choices.mode]}</b>
              {choices.mode === 'update' && preview.roster ? `（按${preview.roster.matchBy === 'idNumber' ? '身份证号' : '学号'}匹配${preview.roster.matchBy !== choices.matchBy ? '：文件中没有所选的匹配列' : ''}）` : ''}
            </>
          )}
          。
        </Typography>
        <PreviewSummary preview={preview} />
        {offerNumbering && !result && <StudentNoChoice checked={assignStudentNo} disabled={task.busy} onChange={setAssignStudentNo} />}
        <TaskStatus task={task} error={<UploadError error={task.error} onRestart={onRestart} onClose={task.clear} />} />
        {result && result.batchId === null && (
          <>
            <Alert severity="warning">
              导入时发现 {result.errors.length} 个错误（数据可能在检查后被修改过），没有写入任何数据。请返回上一步重新检查，或修改文件后重新导入。
            </Alert>
            <IssuesPanel issues={result.errors} total={result.errors.length} actions={report} />
          </>
        )}
        {!task.busy && !result && preview.invalid > 0 && (
          <>
            <Alert severity="warning">
              {preview.valid > 0 && words.partial ? `文件中有 ${preview.invalid} 行存在错误，这些行不能导入。请选择如何继续：` : `文件中有 ${preview.invalid} 行存在错误。${words.partial ? '没有可以导入的行。' : words.whole}请修改文件后重新导入：`}
            </Alert>
            <CommitChoice invalid={preview.invalid} valid={words.partial ? preview.valid : 0} whole={words.whole} busy={task.busy} report={report} onFixFile={onRestart} onSkipInvalid={() => void commit(true)} />
          </>
        )}
        {!task.busy && !result && preview.invalid === 0 && (
          <Box sx={{ py: 2, textAlign: 'center' }}>
            <Typography variant="body2" sx={{ color: 'text.secondary', mb: 2 }}>
              检查已通过。{spec === 'courses' ? '保存后成为培养方案的新版本，原版本保留不变。' : '导入后可以在“导入记录”中撤销本次导入。'}
            </Typography>
            <Button variant="contained" size="large" startIcon={<PlaylistAddOutlined />} onClick={() => void commit(false)} disabled={preview.valid === 0}>
              {words.commitLabel(preview)}
            </Button>
          </Box>
        )}
      </Stack>
      <StepFooter onBack={onBack} disabled={task.busy} />
    </Box>
  );
}
