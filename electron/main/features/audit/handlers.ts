import { findStudentIds } from '../../../../db/queries/students';
import { integrityCheck } from '../../../../db/open';
import { listAudit, verifyAuditChain } from '../../../../db/queries/audit';
import type { FeatureHandlers } from '../../core/handlers-type';
import { exportAudit } from './export';

export const auditHandlers: FeatureHandlers<'audit'> = {
  'audit.list': ({ student, ...input }, ctx) => {
    const db = ctx.db();
    // A student filter finds every entry about the students it names (a name may be shared).
    const scope = ctx.scope();
    const filter = { ...input, ...(student ? { studentIds: findStudentIds(db, student) } : {}), ...(scope ? { classScope: scope } : {}) };
    return listAudit(db, filter);
  },
  'audit.export': (input, ctx) => exportAudit(ctx, input),
  'audit.verify': (_input, { core }) => {
    const integrity = integrityCheck(core.folder.raw());
    const { checked, problems } = verifyAuditChain(core.folder.db());
    return { ok: problems.length === 0 && integrity.length === 0, checked, problems, integrity };
  },
};
