import type { CallInput, CallOutput } from '../../../../../shared/ipc/contract';

export type Opened = CallOutput<'imports.open'>;
export type Inspected = CallOutput<'imports.inspect'>;
export type Previewed = CallOutput<'imports.preview'>;
export type Committed = CallOutput<'imports.commit'>;
export type Issue = Previewed['issues'][number];

/** Column index (as text, 0-based) → field. */
export type Mapping = Partial<Record<string, string>>;

/** The file the user picked and what the server made of it. */
export interface ChosenFile {
  fileName: string;
  size: number;
  opened: Opened;
}

/** 培养方案课程: the plan the file becomes a version of (absent: the file's 专业 and 年级 columns say). */
export type PlanChoice = NonNullable<CallInput<'imports.preview'>['plan']>;

/** 导入方式 and its companions, sent with preview, the report and commit (each spec reads its own). */
export interface ImportChoices {
  mode: 'add' | 'update';
  matchBy: 'idNumber' | 'studentNo';
  createMissingClasses: boolean;
  /** The major chosen for each class to be created (class name → major id). */
  newClassMajors: Record<string, number>;
  plan?: PlanChoice | undefined;
}

export const DEFAULT_CHOICES: ImportChoices = { mode: 'add', matchBy: 'idNumber', createMissingClasses: false, newClassMajors: {} };

export const STEPS = ['选择文件', '选择工作表', '核对列', '预览检查', '导入'] as const;
export const STEP = { file: 0, sheet: 1, mapping: 2, preview: 3, commit: 4 } as const;

/** What preview, the error report and commit all need. */
export function importOptions(file: ChosenFile, sheet: string, mapping: Mapping, choices: ImportChoices, jobId?: string): CallInput<'imports.preview'> {
  const clean: Record<string, string> = {};
  for (const [k, v] of Object.entries(mapping)) if (v) clean[k] = v;
  const { plan, ...rest } = choices;
  return { uploadId: file.opened.uploadId, sheet, mapping: clean, ...rest, ...(plan ? { plan } : {}), ...(jobId ? { jobId } : {}) };
}
