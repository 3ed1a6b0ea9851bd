import { integrityCheck } from '../../../../db/open';
import { listAudit, verifyAuditChain } from '../../../../db/queries/audit';
import type { FeatureHandlers } from '../../core/handlers-type';

export const auditHandlers: FeatureHandlers<'audit'> = {
  'audit.list': (input, { core }) => listAudit(core.folder.db(), input),
  'audit.verify': (_input, { core }) => {
    const integrity = integrityCheck(core.folder.raw());
    const { checked, problems } = verifyAuditChain(core.folder.db());
    return { ok: problems.length === 0 && integrity.length === 0, checked, problems, integrity };
  },
};
