/**
 * The data folder for certificate-print.spec.ts, made through the services (the test harness): a
 * 2023 cohort of two students with photos, their 学历证书 numbers issued and a stack of blank forms
 * registered (through db/queries/certificates.ts, as the numbering and the ledger write them), the
 * 校（院）长 set, and the clerk. Run by tsx: `tsx certificate-print.seed.ts DIR CLERK_JSON`.
 */
import { insertCertificates, registerFormRange } from '../../db/queries/certificates';
import { makeApp, PROFILE } from '../support/harness';
import { photo } from '../support/photo-fixtures';
import { makeId } from '../support/roster-fixtures';

type User = Parameters<ReturnType<typeof makeApp>['addUser']>[0];
const A = 'admin-client';

async function main(dir: string, clerk: User) {
  const app = makeApp(dir);
  await app.setup();
  await app.addUser(clerk, 'clerk-client');
  const majorId = (await app.call(A, 'org.createMajor', { code: '510201', name: '计算机应用技术', level: '专科', lengthYears: '3', studyForm: '普通全日制' })).id;
  const classId = (await app.call(A, 'org.createClass', { name: '计算机应用2301班', majorId, cohortYear: 2023 })).id;
  const ids: number[] = [];
  for (const [i, name] of ['欧阳明轩', '李思雨'].entries()) {
    const s = await app.call(A, 'students.create', {
      studentNo: `2023510201${String(i + 1).padStart(3, '0')}`,
      name, gender: i === 0 ? '1' : '2', birthDate: '2005-09-01', idNumber: makeId('110105', '20050901', String(101 + i)), enrolmentDate: '2023-09-01', classId, guardians: [],
    });
    await app.call(A, 'photos.upload', { studentId: s.id, ...app.upload(A, '证件照.jpg', await photo()) });
    ids.push(s.id);
  }
  app.core.folder.transaction((tx) => {
    insertCertificates(tx, ids.map((studentId, i) => ({
      studentId, kind: '毕业' as const, certificateNo: `${PROFILE.schoolCode}1202606${String(i + 1).padStart(6, '0')}`, schoolCode: PROFILE.schoolCode, runType: '1', year: 2026, level: '06', sequence: i + 1,
      graduationDate: '2026-06-30', issueDate: '2026-07-01', issuedBy: 'admin', issuedAt: '2026-07-01T08:00:00Z',
    })));
    registerFormRange(tx, 'No.0012001', 'No.0012050', { by: 'admin', at: '2026-07-01T08:00:00Z' });
  });
  await app.call(A, 'certificateTemplates.saveSettings', { presidentName: '周明德' });
  app.close();
}

void main(process.argv[2]!, JSON.parse(process.argv[3]!) as User).catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
