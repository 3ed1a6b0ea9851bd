import ArrowForwardOutlined from '@mui/icons-material/ArrowForwardOutlined';
import CheckCircleOutlined from '@mui/icons-material/CheckCircleOutlined';
import FactCheckOutlined from '@mui/icons-material/FactCheckOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ImportSpecId } from '../../../../../shared/domain/import/specs';
import { useCallback } from 'react';
import { call } from '../../../ipc/client';
import { TaskStatus } from '../common/TaskStatus';
import { ErrorReportButton } from './ErrorReportButton';
import { ImportChoicesForm } from './ImportChoicesForm';
import { IssuesPanel } from './IssuesPanel';
import { NewClassesPanel } from './NewClassesPanel';
import { PlanChoiceForm } from './PlanChoiceForm';
import { SPEC_WORDS } from './specWords';
import { PreviewSummary } from './PreviewSummary';
import { StepFooter } from './StepFooter';
import { UploadError } from './UploadError';
import { useImportTask } from '../common/useImportTask';
import { importOptions, type ChosenFile, type ImportChoices, type Mapping, type Previewed } from './wizardTypes';

interface Props {
  spec: ImportSpecId;
  file: ChosenFile;
  sheet: string;
  mapping: Mapping;
  choices: ImportChoices;
  onChoices: (choices: ImportChoices) => void;
  preview: Previewed | null;
  onPreview: (preview: Previewed) => void;
  onBack: () => void;
  onNext: () => void;
  onRestart: () => void;
}

/** Step 4 — 预览检查: every row checked against the rules and the records already here; nothing is written. */
export function PreviewStep({ spec, file, sheet, mapping, choices, onChoices, preview, onPreview, onBack, onNext, onRestart }: Props) {
  const task = useImportTask();
  const words = SPEC_WORDS[spec];
  const mapped = new Set(Object.values(mapping));
  const setPlan = useCallback((plan: ImportChoices['plan']) => onChoices({ ...choices, plan }), [choices, onChoices]);

  const check = async (chosen: ImportChoices = choices) => {
    const value = await task.run(words.checking, (jobId) => call('imports.preview', importOptions(file, sheet, mapping, chosen, jobId)));
    if (value) onPreview(value);
  };

  /** A major chosen for a new class: checked again at once, so what is promised is what will be done. */
  const chooseMajor = (className: string, majorId: number) => {
    const next = { ...choices, newClassMajors: { ...choices.newClassMajors, [className]: majorId } };
    onChoices(next);
    void check(next);
  };

  return (
    <Box>
      <Box sx={{ display: 'flex', gap: 3, alignItems: 'flex-end', flexWrap: 'wrap' }}>
        <Box sx={{ flex: 1, minWidth: 320 }}>
          {spec === 'roster' && <ImportChoicesForm value={choices} onChange={onChoices} disabled={task.busy} />}
          {spec === 'courses' && <PlanChoiceForm value={choices.plan} fileSays={mapped.has('majorName') && mapped.has('cohortYear')} onChange={setPlan} disabled={task.busy} />}
          {spec === 'fitness' && (
            <Typography variant="body2" sx={{ color: 'text.secondary' }}>
              每行按学号（或身份证号）找到学生；同一学生同一学年只能有一个总分，系统中已有时导入后替换（检查结果中会提示原来的分数）。
            </Typography>
          )}
          {spec === 'grades' && (
            <Typography variant="body2" sx={{ color: 'text.secondary' }}>
              每行按学号（或身份证号）找到学生，按课程代码找到该生所在班级适用的培养方案中的课程；同一门课程的正考、缓考、免修各只能有一条，同一学期的补考、重修各只能有一条。
            </Typography>
          )}
        </Box>
        <Button variant={preview ? 'outlined' : 'contained'} size="large" startIcon={<FactCheckOutlined />} onClick={() => void check()} disabled={task.busy}>
          {preview ? '重新检查' : '开始检查'}
        </Button>
      </Box>
      <Divider sx={{ my: 2.5 }} />

      <Stack spacing={2}>
        <TaskStatus task={task} error={<UploadError error={task.error} onRestart={onRestart} onClose={task.clear} />} />
        {!preview && !task.busy && !task.error && (
          <Typography variant="body2" sx={{ color: 'text.secondary', py: 2, textAlign: 'center' }}>
            {words.beforeCheck}
          </Typography>
        )}
        {preview && !task.busy && (
          <>
            <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
              检查结果
            </Typography>
            <PreviewSummary preview={preview} />
            {(preview.courses?.removed.length ?? 0) > 0 && (
              <Alert severity="warning">
                现行版本中的 {preview.courses!.removed.length} 门课程不在文件中，新版本将不再包含：{preview.courses!.removed.map((c) => `${c.code} ${c.name}`).join('、')}
              </Alert>
            )}
            {(preview.roster?.keyChanges ?? 0) > 0 && (
              <Alert severity="info">
                其中 {preview.roster?.keyChanges} 名已注册学生的关键信息与系统中不同。这些修改不会直接生效，导入后将自动提交变更申请，经负责人审批后生效。
              </Alert>
            )}
            {spec === 'roster' && <NewClassesPanel classes={preview.roster?.newClasses ?? []} willCreate={choices.createMissingClasses} disabled={task.busy} onChooseMajor={chooseMajor} />}
            {preview.issuesTotal === 0 ? (
              <Alert severity="success" icon={<CheckCircleOutlined />}>
                没有发现问题，{preview.valid} 行都可以导入。
              </Alert>
            ) : (
              <IssuesPanel issues={preview.issues} total={preview.issuesTotal} actions={<ErrorReportButton options={importOptions(file, sheet, mapping, choices)} onError={task.setError} />} />
            )}
          </>
        )}
      </Stack>

      <StepFooter onBack={onBack} disabled={task.busy}>
        <Button variant="contained" endIcon={<ArrowForwardOutlined />} onClick={onNext} disabled={!preview || task.busy}>
          下一步
        </Button>
      </StepFooter>
    </Box>
  );
}
