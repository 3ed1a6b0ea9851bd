/**
 * The data folder for certificate-numbers.spec.ts, made through the services: a 2023 grade whose
 * graduation audit is done (graduation_audits rows as the audit leaves them), the clerk and the manager. Run by
 * tsx (Playwright's loader cannot import the main process's JSON modules): `tsx certificate-numbers.seed.ts DIR`.
 */
import { seedOutcomes } from '../support/graduation-seed';
import { makeApp } from '../support/harness';
import { CLERK, MANAGER, PEOPLE } from './certificate-numbers.data';

async function main(dir: string) {
  const app = makeApp(dir);
  await app.setup();
  await app.addUser(CLERK, 'clerk-client');
  await app.addUser(MANAGER, 'manager-client');
  const A = 'admin-client';
  const majorId = (await app.call(A, 'org.createMajor', { code: '510201', name: '计算机应用技术', level: '专科', lengthYears: '3', studyForm: '普通全日制' })).id;
  const classId = (await app.call(A, 'org.createClass', { name: '计算机应用2301班', majorId, cohortYear: 2023 })).id;
  const outcomes: Parameters<typeof seedOutcomes>[1][number][] = [];
  for (const p of PEOPLE) {
    const s = await app.call(A, 'students.create', { studentNo: p.studentNo, name: p.name, gender: '1', birthDate: p.birth, idNumber: p.idNumber, enrolmentDate: '2023-09-01', classId, guardians: [] });
    if (p.outcome) outcomes.push({ studentId: s.id, cohortYear: 2023, outcome: p.outcome });
  }
  seedOutcomes(app.core.folder.db(), outcomes);
  app.close();
}

void main(process.argv[2]!).catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
