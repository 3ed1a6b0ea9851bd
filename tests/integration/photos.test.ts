import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { eq } from 'drizzle-orm';
import { unzipSync } from 'fflate';
import iconv from 'iconv-lite';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attachments } from '../../db/schema';
import { readEncrypted } from '../../electron/main/features/attachments/store';
import { idCheckChar } from '../../shared/domain/idcard';
import { COUNSELOR, MANAGER, makeApp, type TestApp } from '../support/harness';
import { fakeHeic, photo, pixel, rotatedPhoto, zip } from '../support/photo-fixtures';

let app: TestApp;
const A = 'admin-client';
const C = COUNSELOR.client;
/** A chosen photo or zip, handed to the services for the counselor's window. */
const upload = (fileName: string, bytes: Uint8Array) => app.upload(C, fileName, bytes);
const M = MANAGER.client;

/** A valid ID number born on `birth` (YYYYMMDD); odd `seq` → male. */
function idFor(birth: string, seq: number): { idNumber: string; birthDate: string; gender: '1' | '2' } {
  const id17 = `110105${birth}${String(seq).padStart(3, '0')}`;
  return { idNumber: id17 + idCheckChar(id17), birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6)}`, gender: seq % 2 ? '1' : '2' };
}
const fullWidth = (s: string) => s.replace(/[0-9X]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

type Student = { id: number; studentNo: string; examNo: string; name: string; idNumber: string };
let S: Student[] = [];

async function createStudents(t: TestApp, n: number): Promise<Student[]> {
  const major = await t.call(A, 'org.createMajor', { code: '510201', name: '计算机应用技术', level: '专科', lengthYears: '3', studyForm: '普通全日制' });
  const cls = await t.call(A, 'org.createClass', { name: '计算机应用2501班', majorId: major.id, cohortYear: 2025 });
  const names = ['张三', '李四', '王五', '赵六', '孙七', '周八', '吴九', '郑十'];
  const out: Student[] = [];
  for (let i = 0; i < n; i++) {
    const id = idFor(`2007031${i % 9}`, 101 + i * 2);
    const studentNo = `20255102010${String(i + 1).padStart(2, '0')}`;
    const examNo = `251101051500${String(i + 1).padStart(2, '0')}`;
    const s = await t.call(A, 'students.create', { studentNo, examNo, name: names[i]!, ...id, enrolmentDate: '2025-09-01', classId: cls.id, guardians: [] });
    out.push({ id: s.id, studentNo, examNo, name: s.name, idNumber: id.idNumber });
  }
  return out;
}

beforeEach(async () => {
  app = makeApp();
  await app.setup();
  await app.addStaff();
  S = await createStudents(app, 8);
});
afterEach(() => app?.remove());

const s = (i: number) => S[i]!;
const photoOf = async (id: number) => {
  const p = await app.call(C, 'photos.get', { id });
  return p ? Buffer.from(p.bytes) : null;
};

describe('photo import', () => {
  it('imports a zip: matches by ID (full-width too), exam and student number; reports unmatched, duplicates and unreadable files', async () => {
    const same = await photo();
    const whole = await photo();
    const archive = zip({
      [`2025级/计算机1班/${s(0).idNumber}.jpg`]: await rotatedPhoto(),
      [`2025级/计算机1班/${fullWidth(s(1).idNumber)}.png`]: await photo({ format: 'png', alpha: true }),
      [`2025ab/${s(2).examNo}.JPG`]: await photo({ width: 1200, height: 1600 }), // folder name patched to GBK below
      [`__MACOSX/2025级/计算机1班/._${s(0).idNumber}.jpg`]: new Uint8Array([0, 5, 22, 7, 0, 2]),
      '.DS_Store': new Uint8Array([0, 0, 0, 1]),
      '2025级/': new Uint8Array(0),
      '99999999999999.jpg': await photo(),
      [`${s(3).studentNo}.jpg`]: same,
      [`${s(4).studentNo}.jpg`]: same,
      [`${s(5).idNumber}.jpg`]: await photo({ width: 120, height: 160 }),
      [`${s(6).idNumber}.jpg`]: await photo({ width: 800, height: 600 }),
      'IMG_0001.HEIC': fakeHeic(),
      [`${s(7).idNumber}.jpg`]: whole.subarray(0, whole.length >> 1), // copied half-way
    });
    // Chinese Windows writes entry names in GBK without the UTF-8 flag: '2025级' as GBK is 6 bytes, like '2025ab'.
    const gbk = iconv.encode('2025级/', 'gbk');
    for (let at = archive.indexOf('2025ab/'); at >= 0; at = archive.indexOf('2025ab/', at + 1)) gbk.copy(archive, at);
    const events: { done: number; total: number; message: string }[] = [];
    app.core.events.subscribe((client, event, payload) => {
      if (client === C && event === 'progress') events.push(payload as (typeof events)[number]);
    });
    const report = await app.call(C, 'photos.import', { files: [upload('照片.zip', archive)], jobId: 't1' });

    expect(report.files).toBe(10);
    expect(report.matched.map((m) => m.name).sort()).toEqual([s(0).name, s(1).name, s(2).name].sort());
    expect(report.matched.find((m) => m.name === s(2).name)).toEqual({ fileName: `2025级/${s(2).examNo}.JPG`, studentNo: s(2).studentNo, name: s(2).name });
    expect(report.replaced).toEqual([]);
    expect(report.changeRequests).toEqual([]);
    expect(report.unmatched).toEqual(['99999999999999.jpg']);
    expect(report.duplicates).toHaveLength(1);
    expect(report.duplicates[0]!.fileNames.sort()).toEqual([`${s(3).studentNo}.jpg`, `${s(4).studentNo}.jpg`]);
    expect(report.duplicates[0]!.message).toContain(s(3).name);
    expect(report.duplicates[0]!.message).toContain(s(4).name);
    const reasons = Object.fromEntries(report.unreadable.map((u) => [u.fileName, u.reason]));
    expect(reasons['IMG_0001.HEIC']).toBe('HEIC 格式（苹果手机照片）无法读取，请先转换为 JPG');
    expect(reasons[`${s(5).idNumber}.jpg`]).toContain('照片太小（至少 240×320 像素）');
    expect(reasons[`${s(6).idNumber}.jpg`]).toContain('800×600');
    expect(reasons[`${s(7).idNumber}.jpg`]).toContain('文件已损坏');
    expect(report.unreadable).toHaveLength(4);
    expect(report.studentsWithoutPhoto).toBe(5);

    // Progress was reported for the task, ending complete.
    expect(events.length).toBeGreaterThanOrEqual(2);
    expect(events.at(-1)).toMatchObject({ done: events.at(-1)!.total, message: '导入完成' });

    // Stored: exactly 480×640 JPEG, no EXIF, orientation applied (red on top, blue below).
    const stored = (await photoOf(s(0).id))!;
    const meta = await sharp(stored).metadata();
    expect([meta.format, meta.width, meta.height, meta.exif, meta.orientation, meta.channels]).toEqual(['jpeg', 480, 640, undefined, undefined, 3]);
    const [r1, , b1] = await pixel(stored, 240, 100);
    const [r2, , b2] = await pixel(stored, 240, 540);
    expect(r1).toBeGreaterThan(200);
    expect(b1).toBeLessThan(50);
    expect(r2).toBeLessThan(50);
    expect(b2).toBeGreaterThan(200);
    expect((await sharp((await photoOf(s(1).id))!).metadata()).format).toBe('jpeg'); // PNG in, JPEG out
    expect(await photoOf(s(3).id)).toBeNull();

    // Encrypted at rest: no file in the data folder looks like a JPEG.
    const dir = join(app.dir, 'attachments');
    const files = readdirSync(dir);
    expect(files).toHaveLength(3);
    for (const f of files) {
      const body = readFileSync(join(dir, f));
      expect(body.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))).toBe(false);
      expect(body.includes(Buffer.from('JFIF'))).toBe(false);
      expect(body.includes(stored.subarray(0, 64))).toBe(false);
    }

    // Audited: one entry per photo set, one summary.
    expect((await app.call(A, 'audit.list', { action: 'photos.set', pageSize: 50 })).total).toBe(3);
    const summary = (await app.call(A, 'audit.list', { action: 'photos.import', pageSize: 50 })).rows;
    expect(summary).toHaveLength(1);
    expect(summary[0]!.summary).toContain('匹配 3 张');
    expect((await app.call(C, 'students.get', { id: s(0).id })).hasPhoto).toBe(true);
  });

  it('replaces an unregistered student’s photo directly; a registered student’s photo only through an approved change request', async () => {
    const a = await photo();
    const b = await photo();
    const c = await photo();
    await app.call(C, 'photos.import', { files: [upload(`${s(0).idNumber}.jpg`, a)] });
    await app.call(C, 'photos.import', { files: [upload(`${s(1).idNumber}.jpg`, c)] });
    const first = (await photoOf(s(0).id))!;
    await app.call(C, 'students.register', { ids: [s(0).id] });

    const again = await app.call(C, 'photos.import', { files: [upload(`${s(0).idNumber}.jpg`, b), upload(`${s(1).studentNo}.jpg`, await photo())] });
    expect(again.changeRequests).toEqual([{ fileName: `${s(0).idNumber}.jpg`, studentNo: s(0).studentNo, name: s(0).name }]);
    expect(again.replaced).toEqual([{ fileName: `${s(1).studentNo}.jpg`, studentNo: s(1).studentNo, name: s(1).name }]);
    expect((await photoOf(s(0).id))!.equals(first)).toBe(true); // not replaced

    const pending = await app.call(M, 'keyChanges.list', { status: 'pending' });
    expect(pending).toHaveLength(1);
    const req = pending[0]!;
    expect(req.studentId).toBe(s(0).id);
    expect(req.changes).toEqual([{ field: 'photo', before: expect.any(Number), after: expect.any(Number) }]);
    expect(req.attachment?.mime).toBe('image/jpeg'); // the new photo, for the approver to look at

    // While a request is pending, another photo for the student is held back with the reason.
    const held = await app.call(C, 'photos.import', { files: [upload(`${s(0).idNumber}.jpg`, c)] });
    expect(held.changeRequests).toEqual([]);
    expect(held.unreadable[0]!.reason).toContain('待审批的变更申请');

    await app.call(M, 'keyChanges.decide', { id: req.id, stepIndex: 0, approve: true, opinion: '照片清晰' });
    const now = (await photoOf(s(0).id))!;
    expect(now.equals(first)).toBe(false);
    const history = (await app.call(C, 'students.history', { id: s(0).id })).map((h) => h.action);
    expect(history).toEqual(expect.arrayContaining(['photos.set', 'keyChanges.request', 'keyChanges.decide', 'students.update']));

    // The same file again: already the photo, nothing to request.
    const same = await app.call(C, 'photos.import', { files: [upload(`${s(0).idNumber}.jpg`, b)] });
    expect(same.matched).toHaveLength(1);
    expect(same.changeRequests).toEqual([]);
    expect(await app.call(M, 'keyChanges.list', { status: 'pending' })).toEqual([]);
  });

  it('keeps the original file encrypted when asked, and refuses one picture that already is another student’s photo', async () => {
    const original = await photo({ width: 1200, height: 1600 });
    await app.call(C, 'photos.import', { files: [upload(`${s(0).examNo}.jpg`, original)], keepOriginal: true, matchOrder: ['examNo'] });
    const db = app.core.folder.db();
    const kept = db.select().from(attachments).where(eq(attachments.purpose, 'photo-original')).all();
    expect(kept).toHaveLength(1);
    expect(kept[0]!.studentId).toBe(s(0).id);
    expect(readEncrypted(app.core.folder, kept[0]!.storedName).equals(original)).toBe(true);

    const copy = await app.call(C, 'photos.import', { files: [upload(`${s(1).idNumber}.jpg`, original)] });
    expect(copy.matched).toEqual([]);
    expect(copy.duplicates[0]!.message).toContain(`与学生 ${s(0).name}（${s(0).studentNo}） 现有的照片相同`);
  });

  it('stops when cancelled: nothing stored, no photo set, no audit entry', async () => {
    const files = await Promise.all(S.map(async (st, i) => upload(`${st.idNumber}.jpg`, await photo({ width: 1200 + i * 8, height: 1600 + i * 8 }))));
    const auditBefore = (await app.call(A, 'audit.list', {})).total;
    const running = app.raw(C, 'photos.import', { files, jobId: 'photos-1' });
    await app.call(C, 'jobs.cancel', { jobId: 'photos-1' });
    const r = await running;
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe('导入已取消，未写入任何数据。');
    expect(await photoOf(s(0).id)).toBeNull();
    const stored = join(app.dir, 'attachments');
    expect(existsSync(stored) ? readdirSync(stored) : []).toEqual([]);
    expect((await app.call(A, 'audit.list', {})).total).toBe(auditBefore);
  });

  it('exports the selected students’ photos as {身份证号}.jpg in a zip, audited', async () => {
    await app.call(C, 'photos.import', { files: [upload(`${s(0).idNumber}.jpg`, await photo()), upload(`${s(1).idNumber}.jpg`, await photo())] });
    const out = await app.call(C, 'photos.export', { ids: [s(0).id, s(1).id, s(2).id], jobId: 'photos-export-1' });
    expect(out.fileName).toMatch(/^学生照片_\d{8}\.zip$/);
    expect(out.photos).toBe(2);
    // The zip is the job's output, saved through the host; 后台任务 lists it with its file.
    const entries = unzipSync(app.output(C, out.jobId));
    expect((await app.call(C, 'jobs.list', {})).find((j) => j.jobId === 'photos-export-1')).toMatchObject({
      kind: 'photos.export', state: 'done', output: { fileName: out.fileName, mime: 'application/zip' },
    });
    expect(Object.keys(entries).sort()).toEqual([`${s(0).idNumber}.jpg`, `${s(1).idNumber}.jpg`].sort());
    const one = Buffer.from(entries[`${s(0).idNumber}.jpg`]!);
    expect(one.equals((await photoOf(s(0).id))!)).toBe(true);
    const audit = (await app.call(A, 'audit.list', { action: 'photos.export', pageSize: 10 })).rows;
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ username: 'zhao' });
    expect(audit[0]!.summary).toContain('导出学生照片 2 张（所选 3 人，其中 1 人没有照片）');
    expect((await app.fails(C, 'photos.export', { ids: [s(2).id] })).message).toContain('还没有照片');
    // Roles that may not see identity data get neither the photos nor the export.
    await app.call(A, 'users.create', { username: 'sun', displayName: '孙', role: 'viewer', password: 'Viewer123456' });
    await app.call('v', 'auth.signIn', { username: 'sun', password: 'Viewer123456' });
    expect((await app.fails('v', 'photos.export', { ids: [s(0).id] })).code).toBe('FORBIDDEN');
    expect((await app.fails('v', 'photos.get', { id: s(0).id })).code).toBe('FORBIDDEN');
  });
});

describe('photo import from the command line', () => {
  const ROOT = resolve(__dirname, '..', '..');
  let work: string;
  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'xueji-photos-cli-'));
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  function cli(args: string[]) {
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'electron', 'cli', 'main.ts'), ...args], {
      cwd: ROOT,
      env: { ...process.env, XUEJI_PASSWORD: 'Admin12345xy' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { code: r.status, out: r.stdout, err: r.stderr };
  }

  it('imports a folder and a zip with --json; exit 0 even with files left over, 2 for a bad --match', async () => {
    const folder = join(work, 'photos');
    mkdirSync(folder);
    // app (from the outer beforeEach) is a separate data folder; this one belongs to the CLI.
    const data = join(work, 'data');
    const t = makeApp(data);
    await t.setup();
    const [a, b] = await createStudents(t, 2);
    t.close();
    writeFileSync(join(folder, `${a!.idNumber}.jpg`), await photo());
    writeFileSync(join(folder, 'unknown.jpg'), await photo());
    writeFileSync(join(folder, 'IMG_0002.heic'), fakeHeic());
    writeFileSync(join(folder, '.hidden.jpg'), await photo());

    const run = cli(['import', 'photos', folder, '--data', data, '--match', 'idcard,studentno', '--keep-original', '--json']);
    expect(run.code, run.err).toBe(0);
    const report = JSON.parse(run.out);
    expect(report.files).toBe(3);
    expect(report.matched).toEqual([{ fileName: `${a!.idNumber}.jpg`, studentNo: a!.studentNo, name: a!.name }]);
    expect(report.unmatched).toEqual(['unknown.jpg']);
    expect(report.unreadable).toEqual([{ fileName: 'IMG_0002.heic', reason: 'HEIC 格式（苹果手机照片）无法读取，请先转换为 JPG' }]);

    const zipFile = join(work, 'b.zip');
    writeFileSync(zipFile, zip({ [`班级/${b!.studentNo}.jpg`]: await photo() }));
    const text = cli(['import', 'photos', zipFile, '--data', data, '--match', 'studentno']);
    expect(text.code, text.err).toBe(0);
    expect(text.out).toContain('匹配 1 张');

    const bad = cli(['import', 'photos', folder, '--data', data, '--match', 'name']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('未知的匹配方式');
  }, 120_000);
});
