import { eq } from 'drizzle-orm';
import { attachments } from '../../../../db/schema';
import { getStudent } from '../../../../db/queries/students';
import { AppError } from '../../core/errors';
import type { FeatureHandlers } from '../../core/handlers-type';
import { readEncrypted, storeEncrypted } from './store';

const ALLOWED = /^(application\/pdf|image\/(jpeg|png)|application\/vnd\.openxmlformats-officedocument\.(wordprocessingml\.document|spreadsheetml\.sheet))$/;

export const attachmentsHandlers: FeatureHandlers<'attachments'> = {
  'attachments.upload': (input, ctx) => {
    if (!ALLOWED.test(input.mime)) throw new AppError('VALIDATION', '只能上传 PDF、JPG、PNG、Word 或 Excel 文件', 'fileName');
    const bytes = Buffer.from(input.dataBase64, 'base64');
    if (bytes.length === 0) throw new AppError('VALIDATION', '文件是空的', 'fileName');
    if (bytes.length > 10 * 1024 * 1024) throw new AppError('VALIDATION', '文件不能超过 10 MB', 'fileName');
    const student = input.studentId ? getStudent(ctx.db(), input.studentId) : undefined;
    if (input.studentId && !student) throw new AppError('NOT_FOUND', '找不到该学生');
    const stored = storeEncrypted(ctx.core.folder, bytes);
    const now = new Date(ctx.core.now()).toISOString();
    const row = ctx.write((db, actor) => {
      const r = db.insert(attachments).values({ studentId: input.studentId ?? null, purpose: input.purpose, fileName: input.fileName, mime: input.mime, size: stored.size, sha256: stored.sha256, storedName: stored.storedName, createdBy: actor.username, createdAt: now }).returning().get();
      return { value: r, audit: [{ action: 'attachments.upload', entity: 'student', entityId: input.studentId ?? null, summary: `上传附件 ${input.fileName}${student ? `（${student.name}）` : ''}` }] };
    });
    return { id: row.id, fileName: row.fileName, mime: row.mime, size: row.size, purpose: row.purpose, createdBy: row.createdBy, createdAt: row.createdAt };
  },

  'attachments.download': ({ id }, ctx) => {
    const row = ctx.db().select().from(attachments).where(eq(attachments.id, id)).get();
    if (!row) throw new AppError('NOT_FOUND', '找不到该附件');
    return { fileName: row.fileName, mime: row.mime, dataBase64: readEncrypted(ctx.core.folder, row.storedName).toString('base64') };
  },
};
