/**
 * What one student's certificate prints (CertificateFacts), for the designer's preview with a real
 * student. The record's facts (name, sex, dates, major, 学制, 层次, 学习形式) with the school's name
 * and the 校（院）长 from 证书设置.
 */
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../../db/client';
import { getCertificatePrintSettings } from '../../../../db/queries/certificate-templates';
import { heldStudentIds, printableCertificates, type PrintableCertificate } from '../../../../db/queries/certificates';
import { getSettings } from '../../../../db/queries/settings';
import { attachments, classes, majors, students } from '../../../../db/schema';
import { GENDERS } from '../../../../shared/domain/codes';
import type { CertificateFacts } from '../../../../shared/domain/certificates/fields';
import type { CallContext } from '../../core/context';
import { AppError } from '../../core/errors';

export interface StudentCertificateBase {
  id: number;
  name: string;
  studentNo: string | null;
  photoAttachmentId: number | null;
  /** The stored photo file (read in the same query: a batch of a thousand reads them all). */
  photo: { storedName: string; mime: string } | null;
  facts: CertificateFacts;
}

/** The school-wide part of every certificate: the school's name and the president's. */
export function commonFacts(db: Db): Pick<CertificateFacts, 'schoolName' | 'presidentName'> {
  return { schoolName: getSettings(db).schoolName, presidentName: getCertificatePrintSettings(db).presidentName };
}

/**
 * A student's certificate facts: the record's, with the certificate's number and dates when one is
 * issued (毕业日期 and 发证日期 are the certificate's: a 换发 changes them), else the expected
 * graduation date and no number or issue date.
 */
export function studentBase(db: Db, id: number, cert: PrintableCertificate | null = null, common = commonFacts(db)): StudentCertificateBase | null {
  return studentBases(db, [id], new Map(cert ? [[id, cert]] : []), common).get(id) ?? null;
}

/** studentBase for many students at once (a batch of a thousand is one query per 500). */
export function studentBases(db: Db, ids: readonly number[], certs: ReadonlyMap<number, PrintableCertificate>, common = commonFacts(db)): Map<number, StudentCertificateBase> {
  const out = new Map<number, StudentCertificateBase>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = db
      .select({
        id: students.id, name: students.name, studentNo: students.studentNo, gender: students.gender, birthDate: students.birthDate, enrolmentDate: students.enrolmentDate,
        expectedGraduationDate: students.expectedGraduationDate, photoAttachmentId: students.photoAttachmentId, photoStored: attachments.storedName, photoMime: attachments.mime,
        major: majors.name, level: majors.level, studyForm: majors.studyForm, classLength: classes.lengthYears, majorLength: majors.lengthYears,
      })
      .from(students)
      .leftJoin(classes, eq(classes.id, students.classId))
      .leftJoin(majors, eq(majors.id, classes.majorId))
      .leftJoin(attachments, eq(attachments.id, students.photoAttachmentId))
      .where(inArray(students.id, ids.slice(i, i + 500)))
      .all();
    for (const r of rows) {
      const cert = certs.get(r.id) ?? null;
      out.set(r.id, {
        id: r.id, name: r.name, studentNo: r.studentNo, photoAttachmentId: r.photoAttachmentId,
        photo: r.photoStored && r.photoMime ? { storedName: r.photoStored, mime: r.photoMime } : null,
        facts: {
          name: r.name, sex: GENDERS.find((g) => g.code === r.gender)?.name ?? '', birthDate: r.birthDate, enrolmentDate: r.enrolmentDate,
          graduationDate: cert?.graduationDate ?? r.expectedGraduationDate, issueDate: cert?.issueDate ?? null, major: r.major, lengthYears: r.classLength ?? r.majorLength,
          level: r.level, studyForm: r.studyForm, certificateNo: cert?.certificateNo ?? null, ...common,
        },
      });
    }
  }
  return out;
}

/** certificateTemplates.sampleFacts: the facts and why this student's certificate could not print now. */
export function sampleFacts(ctx: CallContext, studentId: number) {
  const db = ctx.db();
  const cert = printableCertificates(db, { studentIds: [studentId] })[0] ?? null;
  const base = studentBase(db, studentId, cert);
  if (!base) throw new AppError('NOT_FOUND', '找不到该学生，可能已被删除', 'studentId');
  const problems: string[] = [];
  if (!cert) problems.push('尚未编排证书编号');
  if (heldStudentIds(db, [studentId]).size) problems.push('已暂缓发证');
  if (base.photoAttachmentId === null) problems.push('档案中没有照片');
  if (!base.facts.presidentName) problems.push('尚未在证书设置中填写校（院）长姓名');
  return { facts: base.facts, problems };
}
