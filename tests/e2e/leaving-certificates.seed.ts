/**
 * The data folder for leaving-certificates.spec.ts, made through the services: a 2023 grade with one
 * student still studying and three who left — 周五 退学 after more than a year, 吴六 退学 within the
 * first year, 郑八 开除学籍. The status history rows the status-change engine would write are put in
 * with SQL (the engine has its own tests). Run by tsx: `tsx leaving-certificates.seed.ts DIR`.
 */
import { COUNSELOR, makeApp } from '../support/harness';
import { numberedId } from '../support/roster-fixtures';

async function main(dir: string) {
  const app = makeApp(dir);
  await app.setup();
  const { client, ...counselor } = COUNSELOR;
  await app.addUser(counselor, client);
  const A = 'admin-client';
  const majorId = (await app.call(A, 'org.createMajor', { code: '510201', name: '计算机应用技术', level: '专科', lengthYears: '3', studyForm: '普通全日制' })).id;
  const classId = (await app.call(A, 'org.createClass', { name: '计算机应用2301班', majorId, cohortYear: 2023 })).id;
  const raw = app.core.folder.raw();
  const people: [string, string | null, string | null][] = [['张三', null, null], ['周五', 'withdrawn', '2024-12-10'], ['吴六', 'withdrawn', '2024-06-30'], ['郑八', 'expelled', '2025-03-01']];
  for (const [i, [name, status, day]] of people.entries()) {
    const s = await app.call(A, 'students.create', { studentNo: `202351020100${i + 1}`, name, gender: (i + 1) % 2 === 1 ? '1' : '2', birthDate: '2006-02-01', idNumber: numberedId(i + 1), enrolmentDate: '2023-09-01', classId, guardians: [] });
    if (!status) continue;
    raw.prepare('UPDATE students SET status = ? WHERE id = ?').run(status, s.id);
    raw.prepare("INSERT INTO status_history (student_id, from_status, to_status, effective, reason, created_by, created_at) VALUES (?, 'enrolled', ?, ?, '', 'admin', ?)").run(s.id, status, day, day);
  }
  app.close();
}

void main(process.argv[2]!).catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
