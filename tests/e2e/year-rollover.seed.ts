/**
 * The data folder for year-rollover.spec.ts, made through the services with a clock of their own
 * (the test harness): a department set up on 1 September of `from` with demo students, one 在籍
 * student without a class, and a second admin limited to one class. Run by tsx (Playwright's loader
 * cannot import the main process's JSON modules): `tsx year-rollover.seed.ts DIR FROM SECOND_ADMIN_JSON`.
 */
import { makeApp } from '../support/harness';

type User = Parameters<ReturnType<typeof makeApp>['addUser']>[0];

async function main(dir: string, from: number, second: User) {
  const app = makeApp(dir);
  app.advance(Date.parse(`${from}-09-01T08:00:00Z`) - Date.parse('2026-09-01T08:00:00Z'));
  await app.setup();
  await app.call('admin-client', 'setup.loadDemo', { students: 60 });
  await app.call('admin-client', 'students.create', {
    studentNo: `${from}510201901`, name: '林未分', gender: '1', birthDate: '2007-05-12', idNumber: '110105200705120037', enrolmentDate: `${from}-09-01`, guardians: [],
  });
  const sun = await app.addUser(second, 'second-admin-client');
  const [firstClass] = (await app.call('admin-client', 'org.tree', {})).classes;
  await app.call('admin-client', 'scopes.set', { userId: sun.id, classIds: [firstClass!.id], cohortYears: [] });
  app.close();
}

void main(process.argv[2]!, Number(process.argv[3]), JSON.parse(process.argv[4]!) as User).catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
