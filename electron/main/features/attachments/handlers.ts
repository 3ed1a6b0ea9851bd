import { eq } from 'drizzle-orm';
import { attachments } from '../../../../db/schema';
import { getStudent } from '../../../../db/queries/students';
import { AppError } from '../../core/errors';
import type { FeatureHandlers } from '../../core/handlers-type';
import { newJobId, startJob } from '../../core/jobs';
import { recordAttachment, takeAttachment } from './accept';
import { readEncrypted } from './store';

export const attachmentsHandlers: FeatureHandlers<'attachments'> = {
  /** A file the host already holds (fileId): its name and type come from the file, checked in accept.ts. */
  'attachments.upload': (input, ctx) => {
    const student = input.studentId ? getStudent(ctx.db(), input.studentId) : undefined;
    if (input.studentId && !student) throw new AppError('NOT_FOUND', '找不到该学生');
    const held = takeAttachment(ctx, input.fileId);
    const now = new Date(ctx.core.now()).toISOString();
    const row = ctx.write((db, actor) => {
      const r = recordAttachment(db, held, { studentId: input.studentId ?? null, purpose: input.purpose, by: actor.username, at: now });
      return { value: r, audit: [{ action: 'attachments.upload', entity: 'student', entityId: input.studentId ?? null, summary: `上传附件 ${held.fileName}${student ? `（${student.name}）` : ''}` }] };
    });
    return { id: row.id, fileName: row.fileName, mime: row.mime, size: row.size, purpose: row.purpose, createdBy: row.createdBy, createdAt: row.createdAt };
  },

  /**
   * The decrypted file as a job's output, for the host to save (the save dialog, the browser's
   * download, the CLI's --out). Not listed in 后台任务: it is saved at once, and asked for again
   * as easily.
   */
  'attachments.download': ({ id, jobId }, ctx) => {
    const job = startJob(ctx, 'attachments.download', jobId ?? newJobId());
    return job.run(async () => {
      const row = ctx.db().select().from(attachments).where(eq(attachments.id, id)).get();
      if (!row) throw new AppError('NOT_FOUND', '找不到该附件');
      job.setOutput({ fileName: row.fileName, mime: row.mime, bytes: readEncrypted(ctx.core.folder, row.storedName) });
      return { jobId: job.jobId!, fileName: row.fileName };
    });
  },
};
