import { z } from 'zod';
import { ATTEMPT_KINDS } from '../../domain/grades/types';
import { IMPORT_SPEC_IDS } from '../../domain/import/specs';
import { id } from './common';
import { JobId } from './jobs';

/**
 * A file the user chose, already handed to the main process by the host (core/files.ts): the call
 * names it by id. No paths cross from the renderer, and no file travels as base64.
 */
export const FileRef = z.object({ fileId: z.string().min(8).max(64) });

/** Which import: the roster (学生名单), a grade export (成绩), a plan's course list (培养方案课程). */
export const ImportSpecId = z.enum(IMPORT_SPEC_IDS);

/** The file to import, and what it is (which spec reads it); with a jobId, reading reports progress and can be cancelled. */
export const ImportOpenInput = FileRef.extend({ spec: ImportSpecId.default('roster'), jobId: JobId.optional() });

export const ImportOpenOutput = z.object({
  uploadId: z.string(),
  /** xls: an Excel 97-2003 workbook, or a web page saved as .xls; a text file saved as .xls is csv. */
  kind: z.enum(['xlsx', 'xls', 'csv']),
  /** For CSV (and a web page saved as .xls): the detected encoding (UTF-8 or GBK). */
  encoding: z.string().nullable(),
  sheets: z.array(z.object({ name: z.string(), rows: z.number() })),
});

export const ImportMode = z.enum(['add', 'update']);
export const MatchBy = z.enum(['idNumber', 'studentNo']);
/** Column index (0-based, as in the file) → field key of the upload's spec (checked against its catalogue). */
export const ColumnMapping = z.record(z.string(), z.string().min(1).max(40));

export const InspectInput = z.object({ uploadId: z.string().max(64), sheet: z.string().max(100) });
export const InspectOutput = z.object({
  /** The spec's field catalogue, for the column step: what each column can go into. */
  fields: z.array(z.object({ key: z.string(), label: z.string(), required: z.boolean() })),
  /** Row number as Excel shows it (1-based). */
  headerRow: z.number(),
  headers: z.array(z.string()),
  mapping: ColumnMapping,
  unmapped: z.array(z.object({ index: z.number(), header: z.string() })),
  missingRequired: z.array(z.string()),
  guessed: z.array(z.number()),
  sampleRows: z.array(z.array(z.string())),
  dataRows: z.number(),
});

export const ImportIssueDto = z.object({
  row: z.number(),
  /** The student's name on that row (null when the row has none). */
  name: z.string().nullable(),
  column: z.string(),
  field: z.string(),
  code: z.string(),
  message: z.string(),
  severity: z.enum(['error', 'warning']),
});
export type ImportIssueDto = z.infer<typeof ImportIssueDto>;

export const ImportOptions = z.object({
  uploadId: z.string().max(64),
  sheet: z.string().max(100),
  mapping: ColumnMapping,
  mode: ImportMode.default('add'),
  matchBy: MatchBy.default('idNumber'),
  /** Create classes (and majors) named in the file that do not exist yet. */
  createMissingClasses: z.boolean().default(false),
  /** The major of each class to be created, chosen in the wizard: class name as the file has it → major id. */
  newClassMajors: z.record(z.string().max(100), id).default({}),
  /**
   * 培养方案课程: the plan the file's courses become the next version of — a version to supersede
   * (planId), or a major and 年级 (their current version, or a first one). Absent: the file's 专业
   * and 年级 columns say.
   */
  plan: z
    .union([
      z.object({ planId: id }).strict(),
      z.object({ majorId: id, cohortYear: z.number().int().min(1990, '年级应为四位年份').max(2100, '年级应为四位年份') }).strict(),
    ])
    .optional(),
  /** Remember this mapping for files with the same headers. */
  rememberMapping: z.boolean().default(true),
  /** Client-chosen id for progress events and cancel. */
  jobId: JobId.optional(),
});

/** The roster's own part of a preview: key changes, classes to create, the key rows were matched by. */
export const RosterPreview = z.object({
  /** Key-field changes of registered students found in update mode: become change requests. */
  keyChanges: z.number(),
  unknownClasses: z.array(z.string()),
  /**
   * The unknown classes with the major each would be created under: from the file's 专业 column or
   * chosen in the wizard; null when neither names one (then it is not created, its rows are refused).
   */
  newClasses: z.array(z.object({
    name: z.string(),
    rows: z.number(),
    majorId: z.number().nullable(),
    majorName: z.string().nullable(),
    majorFrom: z.enum(['file', 'chosen']).nullable(),
  })),
  /** Updating: the key rows were matched by — the chosen one, or the other when the file has no column for it. */
  matchBy: MatchBy,
});

/** A grade sheet's own part: whose grades, which courses, which attempts and terms. */
export const GradesPreview = z.object({
  students: z.number(),
  courses: z.number(),
  /** Attempts to write by 考试性质 (only kinds present). */
  byKind: z.array(z.object({ kind: z.enum(ATTEMPT_KINDS), count: z.number() })),
  terms: z.array(z.string()),
  /** Rows already recorded exactly so: not written again. */
  alreadyRecorded: z.number(),
});

/** The plan a course list becomes a version of, and how it differs from the version in force. */
export const CoursesPreview = z.object({
  /** null while the file does not say which plan (its 专业/年级 cells have problems). */
  plan: z
    .object({
      majorId: z.number(),
      majorName: z.string(),
      cohortYear: z.number(),
      name: z.string(),
      /** The version the import writes. */
      version: z.number(),
      supersedes: z.object({ id: z.number(), version: z.number() }).nullable(),
    })
    .nullable(),
  courses: z.number(),
  totalCredits: z.string(),
  unchanged: z.number(),
  /** Courses of the version in force that the file leaves out: the new version will not have them. */
  removed: z.array(z.object({ code: z.string(), name: z.string() })),
});

/** 体质健康测试成绩: whose scores, which 学年, and how many replace a score already there. */
export const FitnessPreview = z.object({
  students: z.number(),
  /** The 学年 written, as 2025-2026. */
  schoolYears: z.array(z.string()),
  /** Scores that replace the one recorded for that student and 学年 (the batch's undo restores it). */
  replaces: z.number(),
  /** Rows already recorded with the same 总分: not written again. */
  alreadyRecorded: z.number(),
});

/**
 * The answer of a check, for any import: the counts and problems every spec has, and the spec's
 * own part under its id (the others absent).
 */
export const PreviewOutput = z.object({
  spec: ImportSpecId,
  rows: z.number(),
  valid: z.number(),
  invalid: z.number(),
  /** Records the import adds (students, grades, courses) and changes. */
  toAdd: z.number(),
  toUpdate: z.number(),
  /** Every problem, per row and cell (capped at 5,000 for display; counts above are exact). */
  issues: z.array(ImportIssueDto),
  issuesTotal: z.number(),
  roster: RosterPreview.optional(),
  grades: GradesPreview.optional(),
  courses: CoursesPreview.optional(),
  fitness: FitnessPreview.optional(),
});

export const CommitInput = ImportOptions.extend({
  skipInvalid: z.boolean().default(false),
  /** 为没有学号的学生按规则编排学号: number the new students by the saved rule, in the same transaction. */
  assignStudentNo: z.boolean().default(false),
});
/** The answer of a commit, for any import; the spec's own part under its id. */
export const CommitOutput = z.object({
  spec: ImportSpecId,
  batchId: z.number().nullable(),
  rows: z.number(),
  imported: z.number(),
  updated: z.number(),
  skipped: z.number(),
  errors: z.array(ImportIssueDto),
  roster: z
    .object({
      keyChangeRequests: z.number(),
      /** 学号编排 of the new students, when asked for: how many were numbered, and who could not be, why. */
      studentNumbers: z
        .object({ assigned: z.number(), skipped: z.array(z.object({ name: z.string(), className: z.string().nullable(), reason: z.string() })) })
        .nullable(),
    })
    .optional(),
  grades: z.object({ students: z.number(), courses: z.number() }).optional(),
  /** The plan version written (null: nothing written). */
  courses: z.object({ planId: z.number().nullable(), version: z.number().nullable() }).optional(),
  /** Scores written for how many students; how many of them replaced one already there. */
  fitness: z.object({ students: z.number(), replaced: z.number() }).optional(),
});

export const ImportBatch = z.object({
  id: z.number(),
  /** Which import wrote it; the counts are its records (students, grades). */
  spec: ImportSpecId,
  fileName: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  mode: z.string(),
  rows: z.number(),
  imported: z.number(),
  updated: z.number(),
  skipped: z.number(),
  undoneAt: z.string().nullable(),
  /** Undo is possible while none of the batch's records has been changed since. */
  undoable: z.boolean(),
  undoBlockedReason: z.string().nullable(),
});

export const PhotoMatchKey = z.enum(['idNumber', 'examNo', 'studentNo']);
export const PhotoImportInput = z.object({
  /** A .zip of photos, or several image files. */
  files: z.array(FileRef).min(1, '请选择照片文件或压缩包').max(5000),
  matchOrder: z.array(PhotoMatchKey).min(1).default(['idNumber', 'examNo', 'studentNo']),
  keepOriginal: z.boolean().default(false),
  /** JPEG quality of the stored 480×640 photo. */
  quality: z.number().int().min(60).max(95).default(85),
  jobId: JobId.optional(),
});
export const PhotoImportReport = z.object({
  files: z.number(),
  matched: z.array(z.object({ fileName: z.string(), studentNo: z.string().nullable(), name: z.string() })),
  replaced: z.array(z.object({ fileName: z.string(), studentNo: z.string().nullable(), name: z.string() })),
  /** Registered students' photos: a change request was filed instead of replacing. */
  changeRequests: z.array(z.object({ fileName: z.string(), studentNo: z.string().nullable(), name: z.string() })),
  unmatched: z.array(z.string()),
  duplicates: z.array(z.object({ fileNames: z.array(z.string()), message: z.string() })),
  unreadable: z.array(z.object({ fileName: z.string(), reason: z.string() })),
  studentsWithoutPhoto: z.number(),
});
/** The selected students' photos in one zip: a job whose output the host saves. */
export const PhotoExportInput = z.object({ ids: z.array(id).min(1, '请先选择学生').max(20_000), jobId: JobId.optional() });
export const PhotoExportOutput = z.object({ jobId: z.string(), fileName: z.string(), photos: z.number() });
/** An import's empty workbook, as a job's output (the host saves it). */
export const TemplateInput = z.object({ spec: ImportSpecId, jobId: JobId.optional() });
