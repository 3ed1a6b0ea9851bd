import type { AuditEntry } from '../../../../db/queries/audit';
import {
  countActiveWithoutPhoto, currentPhotoOwnersBySha, findPhotoCandidates, getAttachments, getPhotoCandidates, PHOTO_ORIGINAL_PURPOSE, PHOTO_PURPOSE,
  type PhotoCandidate,
} from '../../../../db/queries/photos';
import { insertPhotoBatch } from '../../../../db/queries/photo-batches';
import { openKeyChange } from '../../../../db/queries/keyChanges';
import { hasPermission } from '../../../../shared/domain/permissions';
import { photoChangeNeedsApproval } from '../../../../shared/domain/photo-rules';
import type { CallOutput, ParsedInput } from '../../../../shared/ipc/contract';
import type { Db } from '../../../../db/client';
import type { CallContext } from '../../core/context';
import { takeFile } from '../../core/files';
import { startJob, type JobHandle } from '../../core/jobs';
import { lookupValues, StudentIndex } from './match';
import { studentsOutside } from '../../../../db/queries/scopes';
import { configureSharp, mapPool, normalisePhoto, PHOTO_JOBS, type Normalised } from './process';
import { applyPhoto, StoredFiles, who } from './save';
import { expandUploads, naturalOrder, sniff, type PhotoSource } from './sources';

type Report = CallOutput<'photos.import'>;
type Row = Report['matched'][number];
type Audit = Omit<AuditEntry, 'userId' | 'username'>;

interface Candidate {
  src: PhotoSource;
  format: 'jpeg' | 'png';
  student: PhotoCandidate;
}
type Done = Candidate & { photo: Extract<Normalised, { ok: true }> };

/** Progress events for the caller's task: every 5 files, or when 250 ms have passed. */
/**
 * The task's progress, paced for photos (each takes tens of ms): every 5th photo, or 250 ms since
 * the last report. The event itself is the task's (core/tasks.ts).
 */
function photoProgress(task: JobHandle) {
  let last = 0;
  return (done: number, total: number, message: string, force = false) => {
    const now = Date.now();
    if (!force && done % 5 !== 0 && now - last < 250) return;
    last = now;
    task.progress(done, total, message, true);
  };
}

/** Union-find over "same original bytes or same normalised image". */
function groupSame(items: Done[]): Done[][] {
  const parent = items.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  const seen = new Map<string, number>();
  items.forEach((it, i) => {
    for (const key of [`o:${it.photo.originalSha}`, `n:${it.photo.normalSha}`]) {
      const j = seen.get(key);
      if (j === undefined) seen.set(key, i);
      else parent[root(i)] = root(j);
    }
  });
  const groups = new Map<number, Done[]>();
  items.forEach((it, i) => {
    const r = root(i);
    const g = groups.get(r);
    if (g) g.push(it);
    else groups.set(r, [it]);
  });
  return [...groups.values()];
}

/**
 * Bulk photo import: match each file to a student by its name, check and normalise it with sharp
 * (a few jobs at a time), refuse the same picture for two students, then in one transaction store
 * the photos encrypted and set them — or, for a registered student's existing photo (a locked key
 * field), file a change request instead. Every photo set is audited, plus one summary.
 */
export async function importPhotos(ctx: CallContext, input: ParsedInput<'photos.import'>): Promise<Report> {
  configureSharp();
  ctx.actor(); // signed in, before any work
  const task = startJob(ctx, 'photos.import', input.jobId, '导入已取消，未写入任何数据。');
  return task.run(
    () => importWithTask(ctx, input, task),
    (r) =>
      `照片导入完成：${r.matched.length + r.replaced.length} 张已保存${r.changeRequests.length ? `，${r.changeRequests.length} 张提交变更申请` : ''}${r.unmatched.length ? `，${r.unmatched.length} 张未匹配` : ''}`,
  );
}

async function importWithTask(ctx: CallContext, input: ParsedInput<'photos.import'>, task: JobHandle): Promise<Report> {
  const progress = photoProgress(task);
  const report: Report = { files: 0, matched: [], replaced: [], changeRequests: [], unmatched: [], duplicates: [], unreadable: [], studentsWithoutPhoto: 0 };

  const incoming = input.files.map((f) => takeFile(ctx.core, ctx.clientId, f.fileId));
  const batchName = batchFileName(incoming.map((f) => f.fileName));
  const sources = expandUploads(incoming, report.unreadable);
  report.files = sources.length + report.unreadable.length;
  progress(0, sources.length, `正在匹配学生（共 ${sources.length} 个文件）…`, true);

  // Format first (from the first bytes only), then the name.
  const usable: { src: PhotoSource; format: 'jpeg' | 'png' }[] = [];
  for (const src of sources) {
    const s = sniff(src);
    if ('reason' in s) report.unreadable.push({ fileName: src.fileName, reason: s.reason });
    else usable.push({ src, format: s.format });
  }
  const found = findPhotoCandidates(ctx.db(), lookupValues(usable.map((u) => u.src.baseName)));
  // 数据范围: a photo of a student outside the user's classes is not matched (reported as 未匹配).
  const scope = ctx.scope();
  const outside = new Set(scope ? studentsOutside(ctx.db(), found.map((r) => r.id), scope) : []);
  const index = new StudentIndex(found.filter((r) => !outside.has(r.id)));
  const candidates: Candidate[] = [];
  for (const u of usable) {
    const m = index.match(u.src.baseName, input.matchOrder);
    if (m) candidates.push({ ...u, student: m.student });
    else report.unmatched.push(u.src.fileName);
  }

  // Decode, check and normalise: only files that belong to someone.
  const total = candidates.length;
  const processed = await mapPool(
    candidates,
    PHOTO_JOBS,
    (c) => normalisePhoto(c.src.bytes(), input.quality),
    (done) => progress(done, total, `正在处理照片 ${done}/${total}`),
    () => task.cancelled,
  );
  task.check(); // cancelled: nothing has been written
  const done: Done[] = [];
  candidates.forEach((c, i) => {
    const r = processed[i]!;
    if (r.ok) done.push({ ...c, photo: r });
    else report.unreadable.push({ fileName: c.src.fileName, reason: r.reason });
  });

  // The same picture for two students: one of them is wrong and we cannot tell which, so neither.
  const kept: Done[] = [];
  for (const group of groupSame(done)) {
    const students = new Map(group.map((g) => [g.student.id, g.student]));
    if (students.size > 1) {
      report.duplicates.push({
        fileNames: group.map((g) => g.src.fileName),
        message: `同一张照片出现在 ${group.length} 个文件中，分别对应不同学生：${group.map((g) => `${g.src.fileName} → ${who(g.student)}`).join('；')}。无法确定哪一位是本人，均未导入`,
      });
      continue;
    }
    if (group.length > 1) {
      report.duplicates.push({
        fileNames: group.map((g) => g.src.fileName),
        message: `${group.map((g) => g.src.fileName).join('、')} 是学生 ${who(group[0]!.student)} 的同一张照片，只导入了 ${group[0]!.src.fileName}`,
      });
    }
    kept.push(group[0]!);
  }
  // Two different pictures for one student: which one is meant is a person's call.
  const byStudent = new Map<number, Done[]>();
  for (const k of kept) byStudent.set(k.student.id, [...(byStudent.get(k.student.id) ?? []), k]);
  let finals: Done[] = [];
  for (const list of byStudent.values()) {
    if (list.length === 1) finals.push(list[0]!);
    else {
      report.duplicates.push({
        fileNames: list.map((l) => l.src.fileName),
        message: `${list.map((l) => l.src.fileName).join('、')} 都对应学生 ${who(list[0]!.student)}，但照片不同，无法确定用哪一张，均未导入；请只保留一张后重新导入`,
      });
    }
  }
  // …and a picture that already is another student's photo.
  const owners = currentPhotoOwnersBySha(ctx.db(), finals.map((f) => f.photo.normalSha));
  finals = finals.filter((f) => {
    const other = owners.find((o) => o.sha256 === f.photo.normalSha && o.studentId !== f.student.id);
    if (!other) return true;
    report.duplicates.push({ fileNames: [f.src.fileName], message: `${f.src.fileName}（对应 ${who(f.student)}）与学生 ${who(other)} 现有的照片相同，未导入` });
    return false;
  });
  finals.sort((a, b) => naturalOrder.compare(a.src.fileName, b.src.fileName));

  task.check();
  progress(total, total, '正在保存照片…', true);
  const files = new StoredFiles(ctx.core);
  try {
    ctx.write((tx, me) => saveAll(ctx, tx, me.username, finals, input.keepOriginal, report, files, batchName));
  } catch (e) {
    // The transaction rolled back: the encrypted files written for it are orphans.
    files.discard();
    throw e;
  }
  report.studentsWithoutPhoto = countActiveWithoutPhoto(ctx.db());
  progress(total, total, '导入完成', true);
  return report;
}

function saveAll(ctx: CallContext, tx: Db, username: string, finals: Done[], keepOriginal: boolean, report: Report, files: StoredFiles, batchName: string): { value: null; audit: Audit[] } {
  const now = new Date(ctx.core.now()).toISOString();
  const audit: Audit[] = [];
  const items: Parameters<typeof insertPhotoBatch>[2] = [];
  const mayRequest = hasPermission(ctx.actor().role, 'changes.request');
  // Read the students again inside the transaction: someone may have registered one meanwhile.
  const fresh = new Map(getPhotoCandidates(tx, finals.map((f) => f.student.id)).map((s) => [s.id, s]));
  const currentIds = [...fresh.values()].map((s) => s.photoAttachmentId).filter((id): id is number => id != null);
  const currentSha = new Map(getAttachments(tx, currentIds).map((a) => [a.id, a.sha256]));

  let set = 0;
  for (const f of finals) {
    const s = fresh.get(f.student.id);
    if (!s) {
      report.unreadable.push({ fileName: f.src.fileName, reason: `学生 ${who(f.student)} 已被删除，照片未导入` });
      continue;
    }
    const row: Row = { fileName: f.src.fileName, studentNo: s.studentNo, name: s.name };
    if (s.photoAttachmentId != null && currentSha.get(s.photoAttachmentId) === f.photo.normalSha) {
      report.matched.push(row); // already this very photo: nothing to change
      continue;
    }
    // Once registered, the photo is a locked key field: replacing it needs an approved request.
    if (photoChangeNeedsApproval({ registered: s.registered, hasPhoto: s.photoAttachmentId != null })) {
      if (!mayRequest) {
        report.unreadable.push({ fileName: f.src.fileName, reason: `${who(s)} 已注册，更换照片须提交变更申请，而当前角色没有提交申请的权限` });
        continue;
      }
      // Checked before the photo is stored: the file is held back with the reason, not an error.
      const open = openKeyChange(tx, s.id);
      if (open) {
        const what = open.status === 'returned' ? '一份被退回待修改的变更申请' : '一份待审批的变更申请';
        report.unreadable.push({ fileName: f.src.fileName, reason: `${who(s)} 已注册且已有${what}（第 ${open.id} 号），请办结后再导入其照片` });
        continue;
      }
    }
    const base = { studentId: s.id, by: username, at: now };
    const photo = files.add(tx, { ...base, purpose: PHOTO_PURPOSE, fileName: `${s.studentNo}.jpg`, mime: 'image/jpeg', bytes: f.photo.jpeg });
    const original = keepOriginal
      ? files.add(tx, { ...base, purpose: PHOTO_ORIGINAL_PURPOSE, fileName: f.src.fileName.split(/[\\/]/).pop()!, mime: f.format === 'png' ? 'image/png' : 'image/jpeg', bytes: f.src.bytes() })
      : null;
    report.matched.push(row);
    const applied = applyPhoto(tx, s, photo.id, { source: `文件 ${f.src.fileName}`, reason: `批量导入照片（文件 ${f.src.fileName}）`, by: username, at: now });
    audit.push(applied.audit);
    if (applied.outcome === 'requested') report.changeRequests.push(row);
    else {
      set++;
      if (applied.outcome === 'replaced') report.replaced.push(row);
    }
    items.push({
      studentId: s.id, action: applied.outcome === 'requested' ? 'requested' : 'set', fileName: f.src.fileName, studentNo: s.studentNo, studentName: s.name,
      photoBefore: s.photoAttachmentId, photoAfter: photo.id, originalAttachment: original?.id ?? null, keyChangeRequestId: applied.requestId,
    });
  }
  // 导入记录: an import that changed something can be undone from there.
  if (items.length > 0) {
    insertPhotoBatch(
      tx,
      {
        fileName: batchName, files: report.files, photosSet: set - report.replaced.length, photosReplaced: report.replaced.length, keyChangeRequests: report.changeRequests.length,
        skipped: report.files - report.matched.length, createdBy: username, createdAt: now,
      },
      items,
    );
  }
  audit.push({
    action: 'photos.import',
    entity: 'student',
    entityId: null,
    summary:
      `批量导入照片：${report.files} 个文件，匹配 ${report.matched.length} 张，设置 ${set} 张（其中更换 ${report.replaced.length} 张），` +
      `变更申请 ${report.changeRequests.length} 份，未匹配 ${report.unmatched.length} 个，重复 ${report.duplicates.length} 组，无法导入 ${report.unreadable.length} 个` +
      `${keepOriginal ? '；保留原图' : ''}`,
  });
  return { value: null, audit };
}

/** How 导入记录 names an import: the file chosen, or the first of several and how many. */
function batchFileName(names: string[]): string {
  const sorted = [...names].sort((a, b) => naturalOrder.compare(a, b));
  return sorted.length === 1 ? sorted[0]! : `${sorted[0]} 等 ${sorted.length} 个文件`;
}
