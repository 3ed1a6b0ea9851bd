/**
 * What an import brings to the pipeline (handlers.ts). The pipeline owns everything every import
 * shares: reading the file off the main thread, finding the header, mapping with memory, running
 * the row checks while the file is read, caching them per mapping, the database-checks cache and
 * its staleness stamp, the write gate, jobs with progress and cancel, the problem workbook. A spec
 * owns what is its own, in its folder under specs/: the row checks (normalisers and row rules, then
 * the checks across rows), the database checks that turn checked rows into an evaluation with
 * per-cell problems and a plan, the writer (one transaction, in steps, with its batch and audit
 * entries), its batches and their undo, and its template.
 *
 * Four specs run on it: the roster (specs/roster), grade exports (specs/grades), a plan's course
 * list (specs/courses) and 体质健康测试成绩 (specs/fitness). What an import needs to run and to be seen (its permissions) is in
 * shared/domain/import/specs.ts beside its catalogue.
 */
import type { z } from 'zod';
import type { Db } from '../../../../db/client';
import type { BatchRow } from '../../../../db/queries/imports';
import type { ImportCatalogue, ImportIssue, ImportSpecId } from '../../../../shared/domain/import';
import type { JobKind } from '../../../../shared/domain/jobs';
import type { CommitInput, CommitOutput, ImportBatch, ImportOptions, PreviewOutput } from '../../../../shared/ipc/schemas/imports';
import type { Actor, CallContext } from '../../core/context';
import type { ParsedSheet } from './parse-runner';
import type { SheetLayout } from './sheet';

export type ImportOptionsInput = z.output<typeof ImportOptions>;
export type CommitOptionsInput = z.output<typeof CommitInput>;

/** What the row checks produced: the layout and mapping they ran with, and the data rows found. */
export interface CheckedRows<K extends string = string> {
  layout: SheetLayout;
  mapping: Record<number, K>;
  rows: readonly { index: number; row: number }[];
}

/**
 * The row checks (pure: the file and the mapping only), fed chunk by chunk so they can run while
 * the worker is still reading the file, then finished with the checks across rows.
 */
export interface RowChecker<R> {
  /** Checks sheet rows [from, to); rows below the header only. */
  check(sheet: ParsedSheet, from: number, to: number): void;
  finish(): R;
}

/** What the pipeline reads of a spec's evaluation (the spec keeps its plan alongside). */
export interface EvaluationBase {
  /** Data rows in the file. */
  rows: number;
  valid: number;
  invalid: number;
  /** The row's subject by row number as Excel shows it (学生姓名), to name rows in problem lists. */
  names: ReadonlyMap<number, string>;
  /** Every problem, ordered by row. */
  issues: ImportIssue<string>[];
  /** Problems by sheet row index (the problem workbook). */
  issuesByIndex: ReadonlyMap<number, ImportIssue<string>[]>;
  /** Rows the writer will write (its progress). */
  writes: number;
}

/** How a stepped write reports; the pipeline supplies it (progress, cancel, staleness). */
export interface WriteSteps {
  /** First thing inside the transaction (the write lock held): throws if the plan is stale, nothing is written. */
  begun(): void;
  /** Every few hundred rows: report, let the event loop turn, throw to cancel (everything rolls back). */
  step(done: number, total: number): Promise<void>;
  /** Every row is in; what is left (indexes, COMMIT) runs to its end. */
  finishing(): void;
  /** Lets the event loop turn while finishing (no cancel any more). */
  pause(): Promise<void>;
}

type PreviewBase = 'spec' | 'rows' | 'valid' | 'invalid' | 'issues' | 'issuesTotal';
type CommitBase = 'spec' | 'batchId' | 'rows' | 'errors';
/**
 * What a spec fills in the preview and commit answers beside the pipeline's counts and problems:
 * what it adds and changes, and its own part under its id (the contract's RosterPreview…).
 */
export type SpecPreview = Omit<z.output<typeof PreviewOutput>, PreviewBase>;
export type SpecCommitResult = Omit<z.output<typeof CommitOutput>, CommitBase>;

export interface Written {
  batchId: number | null;
  /** The job's closing line, e.g. 《名单.xlsx》导入完成：新增 3 人… */
  summary: string;
  result: SpecCommitResult;
}

export interface ImportSpec<K extends string, R extends CheckedRows<K>, L, S, E extends EvaluationBase> {
  id: ImportSpecId;
  catalogue: ImportCatalogue<K>;
  /** The job kinds its calls run as (label and permission in shared/domain/jobs.ts). */
  jobs: { read: JobKind; check: JobKind; commit: JobKind; errorReport: JobKind; template: JobKind };
  /** Normalisers and row rules, then the checks across rows. `asOf` is the day (dates in the future). */
  rowChecker(layout: SheetLayout, mapping: Record<number, K>, asOf: Date): RowChecker<R>;
  /** What the database checks compare against, read in one go (open reads it while the worker parses the file). */
  loadLookups(db: Db): L;
  /** The choices of the call that the database checks depend on (part of their cache key). */
  settings(o: ImportOptionsInput, mapping: Readonly<Record<number, K>>): S;
  /**
   * The database checks and the plan, synchronously (commit runs them under the write gate just
   * before its transaction). `lookups` were read with nothing written since, or are undefined;
   * `scope` is the user's 数据范围 (class ids; null: the whole department).
   */
  evaluate(db: Db, rows: R, settings: S, asOf: Date, lookups: L | undefined, scope: readonly number[] | null): E;
  preview(ev: E, settings: S): SpecPreview;
  /** The answer of a commit that wrote nothing (refused for invalid rows). */
  nothingWritten(ev: E): SpecCommitResult;
  /**
   * Writes the plan in ONE transaction, in steps (see WriteSteps), with its batch and audit
   * entries. Called under core.writeGate.exclusive, right after evaluate().
   */
  write(ctx: CallContext, actor: Actor, ev: E, meta: { fileName: string; sheet: string; settings: S; options: CommitOptionsInput }, steps: WriteSteps): Promise<Written>;
  /** Its batches (import_batches rows of its spec), newest first; none for a spec that writes no batch. */
  batches(ctx: CallContext): z.output<typeof ImportBatch>[];
  /** Undoes one of its batches (the pipeline found it and checked the permission). */
  undo(ctx: CallContext, batch: BatchRow): { removed: number; restored: number };
  /** The blank workbook to fill in. */
  template(): Promise<{ fileName: string; bytes: Buffer }>;
}

/** A spec with its types forgotten: how the pipeline holds one it looked up by id. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyImportSpec = ImportSpec<string, CheckedRows, any, any, EvaluationBase>;
