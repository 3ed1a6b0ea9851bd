/**
 * 数据范围 checked for every call, beside the permission (issue 13 #5): a user scoped to some
 * classes or grades neither reads nor changes a student outside them. Every channel says here how
 * it meets students — a Record over all channels, so a channel added to the contract without its
 * rule does not compile:
 * - 'none': it reads or writes no student (sign-in, settings, the org tree, an uploaded file).
 * - 'filtered': its handler keeps to ctx.scope() in what it lists or writes (the roster, exports,
 *   the audit log, imports) — each such handler is named in tests/integration/student-scope.test.ts.
 * - a function: the students (and target classes) the input names, checked by the dispatcher before
 *   the handler runs. A student outside the scope is answered as not found, as if it did not exist.
 */
import type { Db } from '../../../db/client';
import { studentsOutside } from '../../../db/queries/scopes';
import type { Channel } from '../../../shared/ipc/channels';
import { AppError } from './errors';

interface Touched {
  students?: readonly number[];
  /** Classes a student is put into (create, a class change) or worked on whole: must be in scope too. */
  classes?: readonly (number | null | undefined)[];
}
type Rule = 'none' | 'filtered' | ((input: never, db: Db) => Touched);

const ids = (db: Db, sql: string, id: number) => (db.$client.prepare(sql).all(id) as { id: number }[]).map((r) => r.id);
const byStudent = ({ id }: { id: number }): Touched => ({ students: [id] });
const ofRecord = ({ id }: { id: number }, db: Db): Touched => ({ students: ids(db, 'SELECT student_id AS id FROM student_records WHERE id = ?', id) });
const ofRequest = ({ id }: { id: number }, db: Db): Touched => ({ students: ids(db, 'SELECT student_id AS id FROM key_change_requests WHERE id = ?', id) });
const ofOrder = ({ id }: { id: number }, db: Db): Touched => ({ students: ids(db, 'SELECT student_id AS id FROM status_changes WHERE id = ?', id) });
const ofCertificate = ({ id }: { id: number }, db: Db): Touched => ({ students: ids(db, 'SELECT student_id AS id FROM certificates WHERE id = ?', id) });
const ofNotice = ({ noticeId }: { noticeId: number }, db: Db): Touched => ({ students: ids(db, 'SELECT student_id AS id FROM warning_notices WHERE id = ?', noticeId) });
/** An order and the class it moves the student into (amended orders may name a new one). */
const ofOrderInto = ({ id, data }: { id: number; data: { targetClassId?: number | null } }, db: Db): Touched => ({ ...ofOrder({ id }, db), classes: data.targetClassId ? [data.targetClassId] : [] });

const ofCohortClass = ({ classId }: { classId?: number }): Touched => ({ classes: classId ? [classId] : [] });

export const STUDENT_SCOPE: Record<Channel, Rule> = {
  'app.status': 'none',
  'setup.create': 'none',
  'setup.loadDemo': 'none',
  'auth.signIn': 'none',
  'auth.signOut': 'none',
  'auth.unlock': 'none',
  'auth.lock': 'none',
  'auth.touch': 'none',
  'auth.changePassword': 'none',
  'auth.recover': 'none',
  'users.list': 'none',
  'users.create': 'none',
  'users.update': 'none',
  'users.resetPassword': 'none',
  'keys.rotate': 'none',
  'scopes.get': 'none',
  'scopes.set': 'none',
  'settings.get': 'none',
  'settings.update': 'none',
  'audit.list': 'filtered',
  // Reports entry ids and the chain's state, no entry's content.
  'audit.verify': 'none',
  'audit.export': 'filtered',
  'org.tree': 'none',
  'org.createMajor': 'none',
  'org.updateMajor': 'none',
  'org.createClass': 'none',
  'org.updateClass': 'none',
  'students.list': 'filtered',
  'students.get': byStudent,
  'students.ids': 'filtered',
  'students.create': ({ classId }: { classId?: number | null }) => ({ classes: [classId ?? null] }),
  'students.update': ({ id, patch }: { id: number; patch: { classId?: number | null } }) => ({ students: [id], classes: 'classId' in patch ? [patch.classId] : [] }),
  'students.register': ({ ids }: { ids: number[] }) => ({ students: ids }),
  'students.bulkUpdate': ({ ids, patch }: { ids: number[]; patch: { classId?: number | null } }) => ({ students: ids, classes: 'classId' in patch ? [patch.classId] : [] }),
  'students.duplicates': 'filtered',
  'students.export': 'filtered',
  'students.addRecord': ({ studentId }: { studentId: number }) => ({ students: [studentId] }),
  'students.removeRecord': ofRecord,
  'students.history': byStudent,
  'studentNumbers.rule': 'none',
  'studentNumbers.saveRule': 'none',
  // A whole grade: every class of it must be the caller's.
  'studentNumbers.assign': ({ ids: list, cohortYear }: { ids?: number[]; cohortYear?: number }, db) => ({
    students: list ?? [],
    classes: cohortYear === undefined ? [] : ids(db, 'SELECT id FROM classes WHERE cohort_year = ?', cohortYear),
  }),
  'views.list': 'none',
  'views.save': 'none',
  'views.remove': 'none',
  'attachments.upload': ({ studentId }: { studentId?: number }) => ({ students: studentId === undefined ? [] : [studentId] }),
  'attachments.download': ({ id }: { id: number }, db) => ({ students: ids(db, 'SELECT student_id AS id FROM attachments WHERE id = ? AND student_id IS NOT NULL', id) }),
  'keyChanges.list': 'filtered',
  'keyChanges.request': ({ studentId }: { studentId: number }) => ({ students: [studentId] }),
  'keyChanges.decide': ofRequest,
  'keyChanges.withdraw': ofRequest,
  'keyChanges.amend': ofRequest,
  'statusChanges.list': 'filtered',
  'statusChanges.get': ofOrder,
  'statusChanges.draft': ({ studentId }: { studentId: number }) => ({ students: [studentId] }),
  'statusChanges.file': ({ studentId, data }: { studentId: number; data: { targetClassId?: number | null } }) => ({ students: [studentId], classes: data.targetClassId ? [data.targetClassId] : [] }),
  'statusChanges.amend': ofOrderInto,
  'statusChanges.decide': ofOrder,
  'statusChanges.withdraw': ofOrder,
  'statusChanges.attach': ofOrder,
  'statusChanges.recordService': ofOrder,
  'statusChanges.todo': 'filtered',
  'statusChanges.settings': 'none',
  'statusChanges.saveChain': 'none',
  'statusChanges.savePolicy': 'none',
  'statusChanges.saveCalendar': 'none',
  'statusChanges.flagAbsent': ({ studentId }: { studentId: number }) => ({ students: [studentId] }),
  'statusChanges.clearAbsent': ({ id }: { id: number }, db) => ({ students: ids(db, 'SELECT student_id AS id FROM absence_flags WHERE id = ?', id) }),
  'statusChanges.exportMonth': 'filtered',
  'statusChanges.form': ofOrder,
  // The whole department: refused by the handler for a user with a 数据范围.
  'yearRollover.preview': 'filtered',
  'yearRollover.apply': 'filtered',
  'yearRollover.undo': 'filtered',
  'home.overview': 'filtered',
  'imports.open': 'none',
  'imports.inspect': 'none',
  'imports.preview': 'filtered',
  'imports.commit': 'filtered',
  'imports.errorReport': 'filtered',
  // File names and counts, no student.
  'imports.batches': 'none',
  // The students a roster batch created or changed, or whose grades a grade batch wrote.
  'imports.undo': ({ id }: { id: number }, db) => ({
    students: [...ids(db, 'SELECT DISTINCT student_id AS id FROM import_batch_items WHERE batch_id = ?', id), ...ids(db, 'SELECT DISTINCT student_id AS id FROM grades WHERE batch_id = ?', id)],
  }),
  'imports.template': 'none',
  'photos.import': 'filtered',
  'photos.export': ({ ids: list }: { ids: number[] }) => ({ students: list }),
  'photos.get': byStudent,
  'photos.upload': ({ studentId }: { studentId: number }) => ({ students: [studentId] }),
  'photos.batches': 'none',
  'photos.undo': ({ id }: { id: number }, db) => ({ students: ids(db, 'SELECT DISTINCT student_id AS id FROM photo_batch_items WHERE batch_id = ?', id) }),
  'jobs.list': 'none',
  'jobs.cancel': 'none',
  'proofs.issue': ({ studentId }: { studentId: number }) => ({ students: [studentId] }),
  'plans.list': 'none',
  'plans.get': 'none',
  'plans.forClass': 'none',
  'plans.save': 'none',
  // The grid is a class worked on whole; a save names its students too (each must be of that class).
  'grades.forCourse': ({ classId }: { classId: number }) => ({ classes: [classId] }),
  'grades.save': ({ classId, entries }: { classId: number; entries: { studentId: number }[] }) => ({ students: entries.map((e) => e.studentId), classes: [classId] }),
  'grades.gpa': ({ studentId }: { studentId: number }) => ({ students: [studentId] }),
  'grades.ofStudent': ({ studentId }: { studentId: number }) => ({ students: [studentId] }),
  'grades.method': 'none',
  'grades.saveMethod': 'none',
  'warnings.settings': 'none',
  'warnings.saveRuleSet': 'none',
  'warnings.setAbsence': ({ studentId }: { studentId: number }) => ({ students: [studentId] }),
  // Runs over the caller's 数据范围 and lists only students in it.
  'warnings.run': 'filtered',
  'warnings.results': 'filtered',
  // One student, or a class printed whole (the class must be the caller's).
  'transcripts.preview': ({ studentId }: { studentId: number }) => ({ students: [studentId] }),
  'transcripts.print': ({ studentId, classId }: { studentId?: number; classId?: number }) => ({ students: studentId ? [studentId] : [], classes: classId ? [classId] : [] }),
  'transcripts.settings': 'none',
  'transcripts.saveSettings': 'none',
  'warnings.followUp': ({ studentId }: { studentId: number }) => ({ students: [studentId] }),
  'warnings.saveTalk': ({ studentId }: { studentId: number }) => ({ students: [studentId] }),
  'warnings.savePlan': ({ studentId }: { studentId: number }) => ({ students: [studentId] }),
  'warnings.saveFollowUp': ({ studentId }: { studentId: number }) => ({ students: [studentId] }),
  'warnings.issueNotice': ({ studentId }: { studentId: number }) => ({ students: [studentId] }),
  'warnings.recordSend': ofNotice,
  'warnings.recordReceipt': ofNotice,
  // Reminders of the students in the caller's 数据范围 only.
  'warnings.todo': 'filtered',
  // Templates, profiles and the calibration sheet hold no student.
  'certificateTemplates.list': 'none',
  'certificateTemplates.get': 'none',
  'certificateTemplates.save': 'none',
  'certificateTemplates.delete': 'none',
  'certificateTemplates.setDefault': 'none',
  'certificateTemplates.setBackground': 'none',
  'certificateTemplates.background': 'none',
  'certificateTemplates.export': 'none',
  'certificateTemplates.import': 'none',
  'certificateTemplates.sampleFacts': ({ studentId }: { studentId: number }) => ({ students: [studentId] }),
  'certificateTemplates.settings': 'none',
  'certificateTemplates.saveSettings': 'none',
  'printerProfiles.list': 'none',
  'printerProfiles.save': 'none',
  'printerProfiles.delete': 'none',
  'certificates.calibrationSheet': 'none',
  // Chosen students are checked here; a cohort is narrowed to the caller's 数据范围 by the handler.
  'certificates.print': ({ studentIds }: { studentIds?: number[] }) => ({ students: studentIds ?? [] }),
  'certificates.settings': 'none',
  'certificates.saveSettings': 'none',
  // A grade numbered or listed: only the caller's classes (a scoped user is refused by the handler
  // when the grade has classes outside the scope: numbers are gapless over the whole grade).
  'certificates.planNumbers': 'filtered',
  'certificates.assign': 'filtered',
  'certificates.list': 'filtered',
  'certificates.void': ofCertificate,
  'certificates.reissueAsGraduate': ofCertificate,
  'certificates.issueProof': ofCertificate,
  'certificates.hold': ({ studentId }: { studentId: number }) => ({ students: [studentId] }),
  'certificates.releaseHold': ({ studentId }: { studentId: number }) => ({ students: [studentId] }),
  // Serials and certificate numbers, no student's data.
  'certificateForms.register': 'none',
  'certificateForms.spoil': 'none',
  'certificateForms.list': 'none',
  // A cohort's audit, results and export keep to ctx.scope() in their queries; a class named must be the caller's.
  'graduation.audit': ofCohortClass,
  'graduation.results': ofCohortClass,
  'graduation.detail': ({ studentId }: { studentId: number }) => ({ students: [studentId] }),
  'graduation.override': ({ studentId }: { studentId: number }) => ({ students: [studentId] }),
  'graduation.rules': 'none',
  'graduation.saveRules': 'none',
  'graduation.export': ofCohortClass,
  'graduation.leavers': ofCohortClass,
};

/**
 * Before the handler: the students and classes the input names must be within the caller's scope
 * (class ids; null is the whole department). Students outside it are not found; a class outside it is refused.
 */
export function checkStudentScope(channel: Channel, input: unknown, db: Db, scopeOf: () => readonly number[] | null): void {
  const rule = STUDENT_SCOPE[channel];
  // Most calls name no student: the scope is only read for those that do.
  if (typeof rule !== 'function') return;
  const scope = scopeOf();
  if (scope === null) return;
  const touched = (rule as (input: unknown, db: Db) => Touched)(input, db);
  if (studentsOutside(db, touched.students ?? [], scope).length > 0) throw new AppError('NOT_FOUND', '找不到该学生，可能已被删除或不在您负责的班级范围内');
  for (const classId of touched.classes ?? []) {
    if (classId === undefined) continue;
    if (classId === null || !scope.includes(classId)) throw new AppError('FORBIDDEN', '该班级不在您负责的范围内（数据范围由管理员设置）');
  }
}
