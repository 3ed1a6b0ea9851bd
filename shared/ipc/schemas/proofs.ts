import { z } from 'zod';
import { PROOF_KIND_KEYS } from '../../domain/proofs';
import { JobId } from './jobs';

/** 开具证明: a 在读证明 or 学籍证明 for one student, made as a job whose output is the PDF. */
export const IssueProofInput = z.object({
  studentId: z.number().int().positive(),
  kind: z.enum(PROOF_KIND_KEYS, { error: '请选择证明的种类' }),
  jobId: JobId.optional(),
});

export const IssueProofOutput = z.object({ jobId: z.string(), fileName: z.string(), proofNo: z.string() });
