import { rosterRowById } from '../../../../db/queries/roster';
import { getStudent, listAttachments, listClassHistory, listGuardians, listRecords, listStatusHistory } from '../../../../db/queries/students';
import { displayNameLookup } from '../../../../db/queries/users';
import { maskPhone } from '../../../../shared/domain/idcard';
import { LOCKED_FIELDS } from '../../../../shared/domain/student-fields';
import type { StudentProfile } from '../../../../shared/ipc/schemas/students';
import type { Db } from '../../../../db/client';
import { AppError } from '../../core/errors';
import { maskIdentity } from './masking';

export function loadProfile(db: Db, id: number, canSeeIdentity: boolean): StudentProfile {
  const s = getStudent(db, id);
  const row = rosterRowById(db, id);
  if (!s || !row) throw new AppError('NOT_FOUND', '找不到该学生，可能已被删除');
  const base = {
    id: row.id, studentNo: row.studentNo, examNo: row.examNo, name: row.name, gender: row.gender, birthDate: row.birthDate,
    idNumber: row.idNumber, ethnicityCode: row.ethnicityCode, politicalStatusCode: row.politicalStatusCode, nativePlace: row.nativePlace,
    sourceRegion: row.sourceRegion, phone: row.phone, homeAddress: row.homeAddress, status: row.status, classId: row.classId,
    className: row.className, majorName: row.majorName, cohortYear: row.cohortYear, dormitory: row.dormitory,
    enrolmentDate: row.enrolmentDate, registered: row.registered, formerName: s.formerName, householdAddress: s.householdAddress,
    email: s.email, expectedGraduationDate: s.expectedGraduationDate, notes: s.notes,
  };
  const shown = canSeeIdentity ? base : maskIdentity(base);
  const nameOf = displayNameLookup(db);
  return {
    ...shown,
    version: s.version,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    hasPhoto: s.photoAttachmentId != null,
    lockedFields: s.registered ? [...LOCKED_FIELDS] : [],
    statusUntil: s.statusUntil,
    guardians: listGuardians(db, id).map((g) => ({ id: g.id, name: g.name, relation: g.relation, phone: canSeeIdentity ? g.phone : maskPhone(g.phone), workUnit: g.workUnit })),
    records: listRecords(db, id).map((r) => ({ id: r.id, kind: r.kind, title: r.title, level: r.level, date: r.date, endDate: r.endDate, docNo: r.docNo, term: r.term, notes: r.notes })),
    statusHistory: listStatusHistory(db, id).map((h) => ({ fromStatus: h.fromStatus, toStatus: h.toStatus, effective: h.effective, reason: h.reason, createdBy: h.createdBy })),
    classHistory: listClassHistory(db, id).map((h) => ({ className: h.className, fromDate: h.fromDate, createdBy: h.createdBy, createdByName: nameOf(h.createdBy) })),
    attachments: listAttachments(db, id)
      .filter((a) => a.purpose !== 'photo' && a.purpose !== 'photo-original')
      .map((a) => ({ id: a.id, fileName: a.fileName, mime: a.mime, size: a.size, purpose: a.purpose, createdBy: a.createdBy, createdAt: a.createdAt })),
  };
}
