import Box from '@mui/material/Box';
import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { ImportSpecId } from '../../../../../shared/domain/import/specs';
import type { AppErrorData } from '../../../../../shared/ipc/result';
import { call } from '../../../ipc/client';
import { CommitStep } from './CommitStep';
import { FileBar } from './FileBar';
import { FileStep } from './FileStep';
import { MappingStep } from './MappingStep';
import { assignField } from './mappingText';
import { PreviewStep } from './PreviewStep';
import { SheetStep } from './SheetStep';
import { DEFAULT_CHOICES, STEP, STEPS, type ChosenFile, type Committed, type ImportChoices, type Inspected, type Mapping, type Previewed } from './wizardTypes';

interface Props {
  /**
   * The import this wizard runs: the file, sheet and column steps work from its catalogue (sent by
   * imports.inspect); the preview and commit steps add the spec's own choices and words.
   */
  spec: ImportSpecId;
  onShowBatches: () => void;
}

/** The first sheet worth importing: the only one, or the first that is not empty. */
function defaultSheet(file: ChosenFile): string {
  const sheets = file.opened.sheets;
  return (sheets.find((s) => s.rows > 0) ?? sheets[0])?.name ?? '';
}

/** 导入学生名单, 成绩, 培养方案课程: 选择文件 → 选择工作表 → 核对列 → 预览检查 → 导入. */
export function ImportWizard({ spec, onShowBatches }: Props) {
  const [step, setStep] = useState<number>(STEP.file);
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [sheet, setSheet] = useState('');
  const [inspected, setInspected] = useState<Inspected | null>(null);
  /** Which upload and sheet `inspected` (and the mapping made from it) belongs to. */
  const [inspectedFor, setInspectedFor] = useState('');
  const [inspecting, setInspecting] = useState(false);
  const [inspectError, setInspectError] = useState<AppErrorData | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [unconfirmed, setUnconfirmed] = useState<ReadonlySet<number>>(new Set());
  const [choices, setChoices] = useState<ImportChoices>(DEFAULT_CHOICES);
  const [preview, setPreview] = useState<Previewed | null>(null);
  const [result, setResult] = useState<Committed | null>(null);

  const singleSheet = (file?.opened.sheets.length ?? 0) === 1;

  /** Majors chosen for new classes belong to the file they were chosen for. */
  const forgetClassMajors = () => setChoices((c) => ({ ...c, newClassMajors: {} }));

  const restart = () => {
    setStep(STEP.file);
    setFile(null);
    setSheet('');
    setInspected(null);
    setInspectError(null);
    setMapping({});
    setPreview(null);
    setResult(null);
    forgetClassMajors();
  };

  const opened = (f: ChosenFile) => {
    setFile(f);
    setSheet(defaultSheet(f));
    setInspected(null);
    setMapping({});
    setPreview(null);
    setResult(null);
    forgetClassMajors();
  };

  const inspect = async (f: ChosenFile, name: string) => {
    setStep(STEP.mapping);
    const key = `${f.opened.uploadId}:${name}`;
    // Back and forth between the steps keeps the columns as the user set them.
    if (inspected && inspectedFor === key) return;
    setInspecting(true);
    setInspectError(null);
    const r = await call('imports.inspect', { uploadId: f.opened.uploadId, sheet: name });
    setInspecting(false);
    if (!r.ok) {
      setInspected(null);
      setInspectError(r.error);
      return;
    }
    setInspected(r.value);
    setInspectedFor(key);
    setMapping({ ...r.value.mapping });
    setUnconfirmed(new Set(r.value.guessed));
    setPreview(null);
  };

  const afterFile = () => {
    if (!file) return;
    if (singleSheet) void inspect(file, sheet);
    else setStep(STEP.sheet);
  };

  const changeField = (index: number, field: string | null) => {
    setMapping((m) => assignField(m, index, field));
    setUnconfirmed((s) => new Set([...s].filter((i) => i !== index)));
    setPreview(null);
  };

  // Written, or nothing to write and nothing wrong (every grade already there, a plan unchanged).
  const done = result !== null && (result.batchId !== null || result.errors.length === 0);

  return (
    <Box>
      <Stepper activeStep={done ? STEPS.length : step} alternativeLabel sx={{ mb: 3 }}>
        {STEPS.map((label, i) => (
          <Step key={label} completed={done || i < step}>
            <StepLabel optional={i === STEP.sheet && singleSheet && step > STEP.sheet ? <Typography variant="caption">只有一个，已自动选择</Typography> : undefined}>{label}</StepLabel>
          </Step>
        ))}
      </Stepper>

      {file && step > STEP.file && !done && <FileBar file={file} sheet={sheet} onChange={restart} />}

      {step === STEP.file && <FileStep spec={spec} file={file} onOpened={opened} onNext={afterFile} />}
      {step === STEP.sheet && file && (
        <SheetStep
          spec={spec}
          file={file}
          sheet={sheet}
          onChange={(s) => {
            setSheet(s);
            setInspected(null);
            setPreview(null);
          }}
          onBack={() => setStep(STEP.file)}
          onNext={() => void inspect(file, sheet)}
        />
      )}
      {step === STEP.mapping && (
        <MappingStep
          spec={spec}
          inspected={inspected}
          loading={inspecting}
          error={inspectError}
          mapping={mapping}
          unconfirmed={unconfirmed}
          onChange={changeField}
          onBack={() => setStep(singleSheet ? STEP.file : STEP.sheet)}
          onNext={() => setStep(STEP.preview)}
          onRestart={restart}
        />
      )}
      {step === STEP.preview && file && (
        <PreviewStep
          spec={spec}
          file={file}
          sheet={sheet}
          mapping={mapping}
          choices={choices}
          onChoices={(c) => {
            setChoices(c);
            setPreview(null);
          }}
          preview={preview}
          onPreview={(p) => {
            setPreview(p);
            setResult(null);
          }}
          onBack={() => setStep(STEP.mapping)}
          onNext={() => setStep(STEP.commit)}
          onRestart={restart}
        />
      )}
      {step === STEP.commit && file && preview && (
        <CommitStep
          spec={spec}
          file={file}
          sheet={sheet}
          mapping={mapping}
          choices={choices}
          preview={preview}
          result={result}
          onCommitted={setResult}
          onBack={() => {
            setResult(null);
            setStep(STEP.preview);
          }}
          onRestart={restart}
          onShowBatches={onShowBatches}
        />
      )}
    </Box>
  );
}
