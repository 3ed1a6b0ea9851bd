/**
 * 学历证书 records (issue 16): numbering a grade, the list, 作废, 结业 → 毕业 换发, 证明书, 暂缓发证 and
 * the blank-form ledger. Every change is one transaction with its audit entries, written under the
 * student (so it shows in the student's history) or, for blank forms, under the sheet.
 */
import { format } from 'date-fns';
import { auditAppender, diffFields, type AuditEntry } from '../../../../db/queries/audit';
import {
  certificatesOf,
  cohortClassIds,
  cohortStudents,
  getCertificate,
  getCertificateSettings,
  insertCertificates,
  insertProof,
  liftHold,
  listForms,
  openHolds,
  printCountsOf,
  proofsOf,
  putCertificateSettings,
  registerFormRange,
  reissueAsGraduate,
  setHold,
  spoilForm,
  voidCertificate,
  type CertificateRow,
} from '../../../../db/queries/certificates';
import { effectiveOutcomes } from '../../../../db/queries/graduation-outcomes';
import { CERTIFICATE_NO_ORDER_LABELS, parseCertificateNo, RUN_TYPES } from '../../../../shared/domain/certificates/number';
import type { CallOutput } from '../../../../shared/ipc/contract';
import type { CallContext } from '../../core/context';
import { AppError } from '../../core/errors';
import type { FeatureHandlers, Handlers } from '../../core/handlers-type';
import { planCertificates } from './plan';

type Audit = Omit<AuditEntry, 'userId' | 'username'>;
const done = { ok: true as const };
const who = (s: { name: string; studentNo: string | null }) => `${s.name}${s.studentNo ? `（${s.studentNo}）` : ''}`;

/** Numbers are gapless over a whole grade: a user limited to some classes may only number a grade wholly theirs. */
function assertWholeGrade(ctx: CallContext, cohortYear: number, majorId?: number) {
  const scope = ctx.scope();
  if (!scope) return;
  if (cohortClassIds(ctx.db(), cohortYear, majorId).some((c) => !scope.includes(c)))
    throw new AppError('FORBIDDEN', `${cohortYear} 级有不在您负责范围内的班级：证书编号须整个年级连续编排，请由不受数据范围限制的用户操作。`);
}

function liveCertificateOf(ctx: CallContext, id: number): CertificateRow {
  const c = getCertificate(ctx.db(), id);
  if (!c) throw new AppError('NOT_FOUND', '找不到该证书，请刷新后重试。');
  if (c.status === 'voided') throw new AppError('VALIDATION', `证书 ${c.certificateNo} 已作废。`);
  return c;
}

const studentOf = (ctx: CallContext, studentId: number) =>
  ctx.db().$client.prepare('SELECT name, student_no AS studentNo FROM students WHERE id = ?').get(studentId) as { name: string; studentNo: string | null };

const today = (ctx: CallContext) => format(new Date(ctx.core.now()), 'yyyy-MM-dd');

/** The print job's two certificates.* channels (print, calibrationSheet) are the print feature's (certificatePrint). */
type Own = Exclude<Extract<keyof Handlers, `certificates.${string}`>, 'certificates.print' | 'certificates.calibrationSheet'>;

export const certificatesHandlers: Pick<Handlers, Own> = {
  'certificates.settings': (_input, ctx) => getCertificateSettings(ctx.db()),

  'certificates.saveSettings': (input, ctx) =>
    ctx.write((db) => {
      const before = getCertificateSettings(db);
      putCertificateSettings(db, input);
      const text = (s: typeof input) => ({ runType: `${s.runType} ${RUN_TYPES[s.runType]}`, certificateOrder: CERTIFICATE_NO_ORDER_LABELS[s.order] });
      const changes = diffFields(text(before), text(input), ['runType', 'certificateOrder']);
      return { value: input, audit: changes.length ? [{ action: 'certificates.saveSettings', entity: 'settings', entityId: null, summary: `修改学历证书编号设置：办学类型 ${text(input).runType}，${text(input).certificateOrder}`, changes }] : [] };
    }),

  'certificates.planNumbers': (input, ctx) => {
    assertWholeGrade(ctx, input.cohortYear, input.majorId);
    return planCertificates(ctx.db(), input, new Date(ctx.core.now()));
  },

  'certificates.assign': (input, ctx) => {
    assertWholeGrade(ctx, input.cohortYear, input.majorId);
    const at = new Date(ctx.core.now());
    return ctx.write((db, user) => {
      // Planned again inside the transaction: the numbers written are the ones this data gives.
      const plan = planCertificates(db, input, at);
      if (plan.planned.length === 0) return { value: plan, audit: [] };
      insertCertificates(
        db,
        plan.planned.map((p) => {
          const parts = parseCertificateNo(p.certificateNo, at);
          if (!parts.ok) throw new Error(parts.problems.join('；')); // unreachable: planNumbers assembled it
          return { studentId: p.studentId, kind: p.kind, certificateNo: p.certificateNo, ...parts.value, graduationDate: p.graduationDate, issueDate: p.graduationDate, issuedBy: user.username, issuedAt: at.toISOString() };
        }),
      );
      const audit = auditAppender(db, at);
      const base = { userId: user.userId, username: user.username, action: 'certificates.assign' };
      const range = plan.groups.map((g) => `${g.majorName} ${g.count} 人 ${g.first}–${g.last}`).join('；');
      const parent = audit.add({ ...base, entity: 'students', entityId: null, summary: `分配学历证书编号（${input.cohortYear} 级，${plan.orderLabel}）：${range}` });
      for (const p of plan.planned)
        audit.add({
          ...base, entity: 'student', entityId: p.studentId, parentId: parent.id,
          summary: `分配${p.kind}证书编号 ${p.certificateNo}：${who(p)}`,
          changes: [{ field: 'certificateNo', before: null, after: p.certificateNo }, { field: 'certificateKind', before: null, after: p.kind }, { field: 'graduationDate', before: null, after: p.graduationDate }],
        });
      audit.finish();
      return { value: plan, audit: [] };
    });
  },

  'certificates.list': (input, ctx) => {
    const db = ctx.db();
    const scope = ctx.scope();
    const students = cohortStudents(db, input).filter((s) => !scope || scope.includes(s.classId));
    const ids = students.map((s) => s.id);
    const outcomes = effectiveOutcomes(db, ids);
    const certs = certificatesOf(db, ids);
    const counts = printCountsOf(db, certs.map((c) => c.id));
    const proofs = proofsOf(db, certs.map((c) => c.id));
    const holds = openHolds(db, ids);
    const certsOf = new Map<number, CertificateRow[]>();
    for (const c of certs) certsOf.set(c.studentId, [...(certsOf.get(c.studentId) ?? []), c]);
    type Row = CallOutput<'certificates.list'>['rows'][number];
    const rows: Row[] = [];
    for (const s of students) {
      const outcome = outcomes.get(s.id)?.outcome ?? null;
      const hold = holds.get(s.id);
      const base = { studentId: s.id, studentNo: s.studentNo, name: s.name, className: s.className, majorName: s.majorName, outcome, hold: hold ? { reason: hold.reason, setBy: hold.setBy, setAt: hold.setAt } : null };
      const mine = certsOf.get(s.id) ?? [];
      // The live certificate first, then voided ones; a student without a live one still has a row.
      const ordered = [...mine.filter((c) => c.status === 'issued'), ...mine.filter((c) => c.status === 'voided')];
      if (!ordered.some((c) => c.status === 'issued'))
        rows.push({ ...base, certificateId: null, certificateNo: null, kind: null, status: null, graduationDate: null, issueDate: null, voidReason: null, printedCount: 0, proof: null, canReissue: false });
      for (const c of ordered) {
        const proof = proofs.get(c.id);
        rows.push({
          ...base, certificateId: c.id, certificateNo: c.certificateNo, kind: c.kind, status: c.status, graduationDate: c.graduationDate, issueDate: c.issueDate, voidReason: c.voidReason,
          printedCount: counts.get(c.id) ?? 0, proof: proof ? { reason: proof.reason, issuedBy: proof.issuedBy, issuedAt: proof.issuedAt } : null,
          canReissue: c.status === 'issued' && c.kind === '结业' && outcome === '毕业',
        });
      }
    }
    const status = input.status;
    return {
      rows: rows.filter((r) => (!input.kind || r.kind === input.kind) && (!status || (status === 'none' ? r.status === null : r.status === status))),
    };
  },

  'certificates.void': ({ id, reason }, ctx) => {
    const c = liveCertificateOf(ctx, id);
    const s = studentOf(ctx, c.studentId);
    const at = new Date(ctx.core.now()).toISOString();
    return ctx.write((db, user) => {
      voidCertificate(db, id, { reason, by: user.username, at });
      return {
        value: done,
        audit: [{ action: 'certificates.void', entity: 'student', entityId: c.studentId, summary: `作废${c.kind}证书 ${c.certificateNo}：${who(s)}，原因：${reason}（该编号不再使用）`, changes: [{ field: 'certificateStatus', before: '有效', after: '作废' }] } satisfies Audit],
      };
    });
  },

  'certificates.reissueAsGraduate': ({ id }, ctx) => {
    const c = liveCertificateOf(ctx, id);
    if (c.kind !== '结业') throw new AppError('VALIDATION', `证书 ${c.certificateNo} 已是毕业证书，无需换发。`);
    const outcome = effectiveOutcomes(ctx.db(), [c.studentId]).get(c.studentId)?.outcome;
    if (outcome !== '毕业') throw new AppError('VALIDATION', `该学生目前的毕业审核结论是“${outcome ?? '未审核'}”，须为“毕业”才能换发毕业证书。请先重新审核。`);
    const s = studentOf(ctx, c.studentId);
    const day = today(ctx);
    const at = new Date(ctx.core.now()).toISOString();
    return ctx.write((db, user) => {
      reissueAsGraduate(db, id, { issueDate: day, by: user.username, at });
      return {
        value: done,
        audit: [{
          action: 'certificates.reissue', entity: 'student', entityId: c.studentId,
          summary: `结业换发毕业证书：${who(s)}，证书编号 ${c.certificateNo} 不变，毕业日期按发证日期改为 ${day}`,
          changes: [{ field: 'certificateKind', before: '结业', after: '毕业' }, { field: 'graduationDate', before: c.graduationDate, after: day }],
        } satisfies Audit],
      };
    });
  },

  'certificates.issueProof': ({ id, reason }, ctx) => {
    const c = liveCertificateOf(ctx, id);
    const s = studentOf(ctx, c.studentId);
    const at = new Date(ctx.core.now()).toISOString();
    return ctx.write((db, user) => {
      insertProof(db, id, { reason, by: user.username, at });
      return { value: done, audit: [{ action: 'certificates.proof', entity: 'student', entityId: c.studentId, summary: `出具学历证明书：${who(s)}，原证书编号 ${c.certificateNo}，原因：${reason}` } satisfies Audit] };
    });
  },

  'certificates.hold': ({ studentId, reason }, ctx) => {
    const s = studentOf(ctx, studentId);
    const at = new Date(ctx.core.now()).toISOString();
    return ctx.write((db, user) => {
      setHold(db, studentId, { reason, by: user.username, at });
      return { value: done, audit: [{ action: 'certificates.hold', entity: 'student', entityId: studentId, summary: `暂缓发证：${who(s)}，原因：${reason}`, changes: [{ field: 'certificateHold', before: false, after: true }] } satisfies Audit] };
    });
  },

  'certificates.releaseHold': ({ studentId, reason }, ctx) => {
    const s = studentOf(ctx, studentId);
    const at = new Date(ctx.core.now()).toISOString();
    return ctx.write((db, user) => {
      const hold = liftHold(db, studentId, { reason, by: user.username, at });
      return { value: done, audit: [{ action: 'certificates.releaseHold', entity: 'student', entityId: studentId, summary: `解除暂缓发证：${who(s)}，原因：${reason}（暂缓原因：${hold.reason}）`, changes: [{ field: 'certificateHold', before: true, after: false }] } satisfies Audit] };
    });
  },
};

export const certificateFormsHandlers: FeatureHandlers<'certificateForms'> = {
  'certificateForms.register': ({ from, to }, ctx) => {
    const at = new Date(ctx.core.now()).toISOString();
    return ctx.write((db, user) => {
      const r = registerFormRange(db, from, to, { by: user.username, at });
      return {
        value: { sheets: r.sheets, firstSerial: r.firstSerial, lastSerial: r.lastSerial },
        audit: [{ action: 'certificateForms.register', entity: 'certificateForm', entityId: r.rangeId, summary: `登记空白证书 ${r.firstSerial}–${r.lastSerial}，共 ${r.sheets} 张` } satisfies Audit],
      };
    });
  },

  'certificateForms.spoil': ({ serial, reason }, ctx) => {
    const at = new Date(ctx.core.now()).toISOString();
    return ctx.write((db, user) => {
      const form = spoilForm(db, serial, { reason, by: user.username, at });
      const label = { unused: '未使用', printed: '已打印', spoiled: '已作废' };
      return {
        value: done,
        audit: [{
          action: 'certificateForms.spoil', entity: 'certificateForm', entityId: form.id,
          summary: `空白证书 ${form.serial} 登记作废（原为${label[form.status]}），原因：${reason}`,
          changes: [{ field: 'formStatus', before: label[form.status], after: '已作废' }],
        } satisfies Audit],
      };
    });
  },

  'certificateForms.list': ({ status, page, pageSize }, ctx) => {
    const r = listForms(ctx.db(), { ...(status ? { status } : {}), offset: page * pageSize, limit: pageSize });
    return { ...r, rows: r.rows.map(({ serial, status: st, certificateNo, spoiledReason, spoiledBy, spoiledAt }) => ({ serial, status: st, certificateNo, spoiledReason, spoiledBy, spoiledAt })) };
  },
};
