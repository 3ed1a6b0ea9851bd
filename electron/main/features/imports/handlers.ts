/**
 * The import pipeline: open → inspect → preview → commit, with a problem workbook, a template, and
 * batches that can be undone — for any import spec (spec.ts), found by the id the upload carries
 * (the roster, specs/roster/, when the call names none). The file is parsed once, off the main
 * thread (parse-runner.ts), and kept in memory for the session (uploads.ts); the spec checks the
 * rows, checks them against the database, writes and undoes.
 */
import { getBatch, loadMappings, saveMappings } from '../../../../db/queries/imports';
import { getSettings } from '../../../../db/queries/settings';
import { IMPORT_SPEC_IDS, IMPORT_SPECS, type ImportIssue, type ImportSpecId } from '../../../../shared/domain/import';
import { hasPermission, PERMISSIONS, ROLE_LABELS } from '../../../../shared/domain/permissions';
import type { CallContext } from '../../core/context';
import { AppError } from '../../core/errors';
import type { FeatureHandlers } from '../../core/handlers-type';
import { detectKind } from './parse';
import { ParseCancelled, readSpreadsheet } from './parse-runner';
import { errorReportXlsx, reportFileName } from './report';
import { checkRows, rowCheckKey } from './row-checks';
import { choicesToRemember, displayText, locateHeader, mapWithMemory, parseMapping } from './sheet';
import { Speculation } from './speculate';
import { takeFile } from '../../core/files';
import { XLSX_MIME } from '../../core/xlsx-buffer';
import { cancelledError, newJobId, startJob, yieldToLoop, type JobHandle } from '../../core/jobs';
import type { AnyImportSpec, CheckedRows, EvaluationBase, ImportOptionsInput as Options } from './spec';
import { DEFAULT_SPEC, importSpec } from './specs';
import { addUpload, dropUpload, getSheet, getUpload, type DbStamp, type Upload } from './uploads';

/** The largest file read (a 50,000-row, 25-column roster is ~8 MB). */
const MAX_BYTES = 50 * 1024 * 1024;

/** Issues sent back at most (counts stay exact). */
const MAX_ISSUES = 5000;

/** An issue as the wizard shows it: with the name of the row's subject (the student) on it (null when the row has none). */
const toDto = (names: ReadonlyMap<number, string>) => (i: ImportIssue<string>) =>
  ({ row: i.row, name: names.get(i.row) ?? null, column: i.column, field: i.field, code: i.code, message: i.message, severity: i.severity });

/**
 * The calls are open to anyone who may run some import (the contract); each then needs the
 * permission of the spec it works on — the roster's 编辑学生档案, the grades' 录入成绩…
 */
function requireSpec(ctx: CallContext, id: ImportSpecId): void {
  const role = ctx.actor().role;
  const permission = IMPORT_SPECS[id].permission;
  if (!hasPermission(role, permission)) throw new AppError('FORBIDDEN', `当前角色（${ROLE_LABELS[role]}）没有“${PERMISSIONS[permission]}”的权限。`);
}

/** The upload's spec, once its permission is checked (an expired upload is reported by rowChecks, inside the job). */
function checkUploadSpec(ctx: CallContext, uploadId: string): void {
  let id: ImportSpecId | null = null;
  try {
    id = getUpload(ctx, uploadId).spec;
  } catch {
    // rowChecks throws the same error inside the job.
  }
  if (id) requireSpec(ctx, id);
}

/**
 * The job kind of a call on an upload, from its spec. An expired upload is reported inside the job
 * (rowChecks), as before there were specs: its job is then the default spec's.
 */
function jobKind(ctx: CallContext, uploadId: string, stage: 'check' | 'commit' | 'errorReport') {
  let id = DEFAULT_SPEC;
  try {
    id = getUpload(ctx, uploadId).spec;
  } catch {
    // rowChecks throws the same error inside the job.
  }
  return importSpec(id).jobs[stage];
}

/** Waits for a promise, checking for cancel every 200 ms. */
async function cancellable<T>(p: Promise<T>, task: JobHandle): Promise<T> {
  let settled = false;
  const out = p.finally(() => (settled = true));
  while (!settled) {
    await Promise.race([out, new Promise((r) => setTimeout(r, 200))]);
    task.check();
  }
  return out;
}

/**
 * Row checks for this upload and mapping: computed once (often already while the file was read,
 * see speculate.ts) and reused by preview, commit and the report.
 */
async function rowChecks(ctx: CallContext, o: Options, task: JobHandle) {
  const upload = getUpload(ctx, o.uploadId);
  const sheet = getSheet(upload, o.sheet);
  const spec = importSpec(upload.spec);
  const layout = locateHeader(sheet, spec.catalogue);
  const mapping = parseMapping(o.mapping, layout.headers.length, spec.catalogue);
  const asOf = new Date(ctx.core.now());
  const key = rowCheckKey(spec.id, sheet.name, layout, mapping, asOf);
  let pure: CheckedRows | null = upload.pure?.key === key ? upload.pure.result : null;
  if (!pure) {
    const early = upload.speculative?.get(sheet.name);
    if (early && (await early.key) === key) {
      early.watch(task);
      pure = await cancellable(early.result, task);
    } else {
      early?.abort();
    }
    pure ??= await checkRows(spec, sheet, layout, mapping, asOf, task);
    upload.pure = { key, result: pure };
  }
  return { upload, spec, sheet, pure, asOf, key };
}

const totalChanges = (ctx: CallContext) => (ctx.core.folder.raw().prepare('SELECT total_changes() AS n').get() as { n: number }).n;
function stampNow(ctx: CallContext): DbStamp {
  const db = ctx.core.folder.raw();
  return { db, changes: totalChanges(ctx), dataVersion: db.pragma('data_version', { simple: true }) as number };
}
/** Nothing has been written since the stamp, through this connection or any other (see DbStamp). */
function current<T extends DbStamp>(ctx: CallContext, s: T | undefined): s is T {
  if (!s) return false;
  const now = stampNow(ctx);
  return s.db === now.db && s.changes === now.changes && s.dataVersion === now.dataVersion;
}

/**
 * The database checks. Reused from the previous call only when nothing at all has been written
 * since: then they would come out the same.
 */
function evaluation(ctx: CallContext, spec: AnyImportSpec, upload: Upload, rowKey: string, pure: CheckedRows, o: Options, asOf: Date): EvaluationBase {
  const settings: unknown = spec.settings(o, pure.mapping);
  const scope = ctx.scope();
  const key = rowKey + JSON.stringify(settings) + JSON.stringify(scope);
  const c = upload.evaluation;
  if (c && c.key === key && current(ctx, c)) return c.ev;
  const l = upload.lookups;
  const stamp = stampNow(ctx); // before reading (see DbStamp)
  const ev = spec.evaluate(ctx.db(), pure, settings, asOf, current(ctx, l) ? l.value : undefined, scope);
  upload.evaluation = { ...stamp, key, ev };
  return ev;
}

function rememberMapping(ctx: CallContext, upload: Upload, o: Options, pure: CheckedRows) {
  if (!o.rememberMapping) return;
  const at = new Date(ctx.core.now()).toISOString();
  const valid = [upload.evaluation, upload.lookups].filter((s) => current(ctx, s));
  const spec = importSpec(upload.spec);
  ctx.core.folder.transaction((db) => saveMappings(db, spec.id, choicesToRemember(pure.layout.headers, pure.mapping, loadMappings(db, spec.id), spec.catalogue), ctx.actor().username, at));
  // The mapping memory plays no part in the checks: what they read stays valid. Only this
  // connection's count moves on; data_version stays, so another connection's commit still shows.
  const changes = totalChanges(ctx);
  for (const s of valid) s!.changes = changes;
}

/**
 * Reads the lookups of the database checks on the next turn of the event loop: this thread has
 * nothing else to do while the worker starts and unzips the file (seconds for a large one).
 */
function prefetchLookups(ctx: CallContext, spec: AnyImportSpec): () => Upload['lookups'] {
  let value: Upload['lookups'];
  const timer = setImmediate(() => {
    try {
      value = { ...stampNow(ctx), value: spec.loadLookups(ctx.db()) };
    } catch {
      // Folder locked meanwhile (signed out): preview reads them itself, or refuses.
    }
  });
  return () => {
    clearImmediate(timer);
    return value;
  };
}

export const importsHandlers: FeatureHandlers<'imports'> = {
  'imports.open': async ({ fileId, spec: specId, jobId }, ctx) => {
    const spec = importSpec(specId ?? DEFAULT_SPEC);
    requireSpec(ctx, spec.id);
    const { fileName, bytes: data } = takeFile(ctx.core, ctx.clientId, fileId);
    const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    if (bytes.length === 0) throw new AppError('VALIDATION', `文件“${fileName}”是空的`, 'fileId');
    if (bytes.length > MAX_BYTES) throw new AppError('VALIDATION', `文件“${fileName}”超过 50 MB，请拆分后分批导入`, 'fileId');
    const kind = detectKind(fileName, bytes);
    if ('error' in kind) throw new AppError('VALIDATION', kind.error, 'fileId');
    const task = startJob(ctx, spec.jobs.read, jobId, '已取消读取文件。');
    // Rows are checked with the proposed mapping while the worker is still reading (speculate.ts).
    const speculation = new Speculation(spec, loadMappings(ctx.db(), spec.id), new Date(ctx.core.now()), () => task.cancelled);
    const lookups = prefetchLookups(ctx, spec);
    try {
      const parsed = await readSpreadsheet(bytes, kind.kind, fileName, getSettings(ctx.db()).importMaxRows, {
        onProgress: (rows) => task.progress(rows, 0, `正在读取文件：已读取 ${rows} 行`),
        onRows: (sheet) => speculation.onRows(sheet),
        onSheetEnd: (sheet) => speculation.onSheetEnd(sheet),
        cancelled: () => task.cancelled,
      }).catch((e: unknown) => {
        speculation.abortAll();
        if (e instanceof ParseCancelled) throw cancelledError('已取消读取文件。');
        throw e;
      });
      if (!parsed.sheets.length) throw new AppError('VALIDATION', `文件“${fileName}”中没有工作表`, 'fileId');
      const upload = addUpload(ctx, { fileName, spec: spec.id, kind: kind.kind, parsed, speculative: speculation.byName(), lookups: lookups() });
      return {
        uploadId: upload.id,
        kind: kind.kind,
        encoding: parsed.encoding,
        sheets: parsed.sheets.map((s) => ({ name: s.name, rows: s.rowNos.length })),
      };
    } catch (e) {
      task.fail(e);
      throw e;
    } finally {
      lookups();
      task.end();
    }
  },

  'imports.inspect': ({ uploadId, sheet: sheetName }, ctx) => {
    const upload = getUpload(ctx, uploadId);
    requireSpec(ctx, upload.spec);
    const sheet = getSheet(upload, sheetName);
    const cat = importSpec(upload.spec).catalogue;
    const layout = locateHeader(sheet, cat);
    const m = mapWithMemory(layout.headers, loadMappings(ctx.db(), upload.spec), cat);
    const width = layout.headers.length;
    const sampleRows = sheet.cells
      .slice(layout.headerIndex + 1, layout.headerIndex + 6)
      .map((cells) => Array.from({ length: width }, (_, c) => displayText(cells[c])));
    return {
      fields: cat.fields.map((f) => ({ key: f.key, label: f.label, required: Boolean(f.required) })),
      headerRow: layout.headerRow,
      headers: layout.headers,
      mapping: Object.fromEntries(Object.entries(m.mapping).map(([i, f]) => [String(i), f])),
      unmapped: m.unmapped,
      missingRequired: m.missingRequired,
      guessed: m.guessed,
      sampleRows,
      dataRows: sheet.cells.length - layout.headerIndex - 1,
    };
  },

  'imports.preview': async (o, ctx) => {
    checkUploadSpec(ctx, o.uploadId);
    const task = startJob(ctx, jobKind(ctx, o.uploadId, 'check'), o.jobId, '已取消检查。');
    return task.run(async () => {
      const { upload, spec, pure, asOf, key } = await rowChecks(ctx, o, task);
      task.check();
      task.progress(pure.rows.length, pure.rows.length, `正在与系统中的${spec.catalogue.subject}核对`, true);
      const ev = evaluation(ctx, spec, upload, key, pure, o, asOf);
      rememberMapping(ctx, upload, o, pure);
      return {
        spec: spec.id, rows: ev.rows, valid: ev.valid, invalid: ev.invalid,
        ...spec.preview(ev, spec.settings(o, pure.mapping)),
        issues: ev.issues.slice(0, MAX_ISSUES).map(toDto(ev.names)), issuesTotal: ev.issues.length,
      };
    });
  },

  'imports.commit': async (o, ctx) => {
    checkUploadSpec(ctx, o.uploadId);
    const actor = ctx.actor();
    const task = startJob(ctx, jobKind(ctx, o.uploadId, 'commit'), o.jobId, '导入已取消，未写入任何数据。');
    return task.run(async () => {
      const { upload, spec, sheet, pure, asOf, key } = await rowChecks(ctx, o, task);
      const errorsOf = (ev: EvaluationBase) => ev.issues.filter((i) => i.severity === 'error').slice(0, MAX_ISSUES).map(toDto(ev.names));
      const refused = (ev: EvaluationBase) => ev.invalid > 0 && !o.skipInvalid;
      const nothingWritten = (ev: EvaluationBase) => ({ spec: spec.id, batchId: null, rows: ev.rows, ...spec.nothingWritten(ev), errors: errorsOf(ev) });
      task.check();
      const first = evaluation(ctx, spec, upload, key, pure, o, asOf);
      if (refused(first)) return nothingWritten(first);
      // The write has the database to itself: other windows' calls wait for it, calls already
      // under way finish first. It runs in steps, so progress goes out and 取消 is heard.
      return await ctx.core.writeGate.exclusive(
        async () => {
          task.check();
          // Anything written while waiting for the turn is seen here; from now to the end of the
          // transaction nothing else writes.
          const ev = evaluation(ctx, spec, upload, key, pure, o, asOf);
          if (refused(ev)) return nothingWritten(ev);
          const written = await spec.write(ctx, actor, ev, { fileName: upload.fileName, sheet: sheet.name, settings: spec.settings(o, pure.mapping), options: o }, {
            // Another process (the command line) may have committed between the checks and BEGIN.
            begun: () => {
              if (!current(ctx, upload.evaluation)) throw new AppError('CONFLICT', '核对之后，数据库被其他程序（如命令行）修改，本次导入未写入任何数据。请重新预览核对后再导入。');
            },
            step: async (done, total) => {
              task.progress(done, total, '正在写入数据库（取消则不写入任何数据）');
              await yieldToLoop();
              task.check();
            },
            finishing: () => task.beyondCancel(`正在完成写入：${ev.writes} 行已写入，正在更新检索索引并保存（此时不能取消）`),
            pause: yieldToLoop,
          });
          rememberMapping(ctx, upload, o, pure);
          dropUpload(ctx, upload);
          task.progress(ev.writes, ev.writes, '导入完成', true);
          task.finish(written.summary);
          return { spec: spec.id, batchId: written.batchId, rows: ev.rows, ...written.result, errors: errorsOf(ev) };
        },
        () => task.progress(0, 0, '正在等待其他窗口的操作完成后写入…', true),
      );
    });
  },

  /** 问题清单: the file itself with every bad cell marked, as a job whose output the host saves. */
  'imports.errorReport': async (o, ctx) => {
    checkUploadSpec(ctx, o.uploadId);
    const task = startJob(ctx, jobKind(ctx, o.uploadId, 'errorReport'), o.jobId ?? newJobId(), '已取消。');
    return task.run(async () => {
      const { upload, spec, sheet, pure, asOf, key } = await rowChecks(ctx, o, task);
      task.check();
      const ev = evaluation(ctx, spec, upload, key, pure, o, asOf);
      const buffer = await errorReportXlsx(sheet, pure.layout, pure.mapping, spec.catalogue, ev.issuesByIndex, ev.names);
      task.check();
      const fileName = reportFileName(upload.fileName);
      task.setOutput({ fileName, mime: XLSX_MIME, bytes: buffer });
      return { jobId: task.jobId!, fileName };
    }, (r) => `已生成问题清单《${r.fileName}》`);
  },

  /**
   * The batches of every spec the caller may see, newest first. One the caller may not undo (the
   * spec's permission) says so.
   */
  'imports.batches': (_input, ctx) => {
    const role = ctx.actor().role;
    return IMPORT_SPEC_IDS.filter((id) => hasPermission(role, IMPORT_SPECS[id].readPermission))
      .flatMap((id) => {
        const mayUndo = hasPermission(role, IMPORT_SPECS[id].permission);
        const refusal = `当前角色（${ROLE_LABELS[role]}）没有“${PERMISSIONS[IMPORT_SPECS[id].permission]}”的权限，不能撤销`;
        return importSpec(id)
          .batches(ctx)
          .map((b) => (mayUndo || !b.undoable ? b : { ...b, undoable: false, undoBlockedReason: refusal }));
      })
      .sort((a, b) => b.id - a.id);
  },

  'imports.undo': ({ id }, ctx) => {
    const batch = getBatch(ctx.db(), id);
    const spec = batch && (IMPORT_SPEC_IDS as readonly string[]).includes(batch.spec) ? (batch.spec as ImportSpecId) : null;
    if (!batch || !spec) throw new AppError('NOT_FOUND', '找不到该导入批次');
    requireSpec(ctx, spec);
    return importSpec(spec).undo(ctx, batch);
  },

  /** The spec's empty workbook, as a job's output (saved at once, so not listed in 后台任务). */
  'imports.template': async ({ spec: specId, jobId }, ctx) => {
    requireSpec(ctx, specId);
    const spec = importSpec(specId);
    const task = startJob(ctx, spec.jobs.template, jobId ?? newJobId());
    return task.run(async () => {
      const { fileName, bytes } = await spec.template();
      task.setOutput({ fileName, mime: XLSX_MIME, bytes });
      return { jobId: task.jobId!, fileName };
    });
  },
};
