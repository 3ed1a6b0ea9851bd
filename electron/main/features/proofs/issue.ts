import type { Db } from '../../../../db/client';
import { statusHistories } from '../../../../db/queries/graduation';
import { proofFacts, lastProofSerial, PROOF_AUDIT_ACTION } from '../../../../db/queries/proofs';
import type { ProofFacts } from '../../../../shared/domain/proofs';
import {
  PROOF_KINDS, proofFileName, proofGlyphItems, proofNumber, proofNumberPrefix, proofRefusal, proofText, type ProofKind,
} from '../../../../shared/domain/proofs';
import type { CallContext } from '../../core/context';
import { AppError } from '../../core/errors';
import { studentGpa } from '../grades/gpa';
import { newJobId, startJob, type JobHandle } from '../../core/jobs';
import { assertPrintable, PDF_MIME, renderPdf } from '../../core/pdf';
import { proofDocument } from './document';

interface IssueInput {
  studentId: number;
  kind: ProofKind;
  jobId?: string | undefined;
}

/**
 * 开具证明 as a job whose output is the PDF, for the host to print or save. Refused, before anything
 * is made or recorded, when the proof does not apply (在读证明 for a student not 在籍在校; 肄业证书 or
 * 学习证明 other than the one the leaving rule gives, shared/domain/graduation/leaving.ts) or when
 * any character of the record is missing from the font. Each issued proof gets the next number of
 * its kind and year and is recorded in the audit trail under the student: who issued which proof.
 */
export async function issueProof(ctx: CallContext, input: IssueInput) {
  ctx.actor();
  const job = startJob(ctx, 'proofs.issue', input.jobId ?? newJobId(), '已取消，未开具证明。');
  return job.run(() => makeProof(ctx, input, job));
}

/**
 * A student who left: the status history (when they left, the 休学 between) and the credits earned,
 * which the 肄业证书 / 学习证明 rule and wording need. Others need neither.
 */
export function leavingFacts(db: Db, studentId: number, facts: ProofFacts | undefined): ProofFacts | undefined {
  if (!facts || (facts.status !== 'withdrawn' && facts.status !== 'expelled')) return facts;
  return { ...facts, statusEvents: statusHistories(db, [studentId]).get(studentId) ?? [], creditsEarned: studentGpa(db, studentId).creditsEarned };
}

/** Another proof of the same kind may be recorded while this one renders: then it is made again with the next number. */
const ATTEMPTS = 3;

async function makeProof(ctx: CallContext, { studentId, kind }: IssueInput, job: JobHandle) {
  const facts = leavingFacts(ctx.db(), studentId, proofFacts(ctx.db(), studentId));
  if (!facts) throw new AppError('NOT_FOUND', '找不到该学生，可能已被删除');
  const refusal = proofRefusal(kind, facts);
  if (refusal) throw new AppError('VALIDATION', refusal);
  assertPrintable(proofGlyphItems(facts), 'serif');

  const { title } = PROOF_KINDS[kind];
  job.progress(0, 1, `正在生成${title}…`, true);
  const issuedOn = new Date(ctx.core.now());
  const prefix = proofNumberPrefix(kind, issuedOn.getFullYear());
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const serial = lastProofSerial(ctx.db(), prefix) + 1;
    const proofNo = proofNumber(kind, issuedOn.getFullYear(), serial);
    const bytes = await renderPdf(proofDocument(proofText(kind, facts, issuedOn, proofNo)), 'serif');
    job.check();
    const recorded = ctx.write((db) => {
      if (lastProofSerial(db, prefix) + 1 !== serial) return { value: false, audit: [] };
      return {
        value: true,
        audit: [{
          action: PROOF_AUDIT_ACTION,
          entity: 'student',
          entityId: studentId,
          summary: `开具${title}（编号 ${proofNo}）：${facts.name}${facts.studentNo ? `（${facts.studentNo}）` : ''}`,
          changes: [
            { field: 'proofKind', before: null, after: kind },
            { field: 'proofNo', before: null, after: proofNo },
          ],
        }],
      };
    });
    if (!recorded) continue;
    const fileName = proofFileName(kind, facts);
    job.setOutput({ fileName, mime: PDF_MIME, bytes, pageMm: { widthMm: 210, heightMm: 297 } });
    job.finish(`已开具${title}：${facts.name}（编号 ${proofNo}）`);
    return { jobId: job.jobId ?? '', fileName, proofNo };
  }
  throw new AppError('CONFLICT', '同时开具的证明较多，未能编号：请重试。');
}
