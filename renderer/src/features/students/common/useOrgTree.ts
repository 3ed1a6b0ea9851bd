import { useCallData } from '../../../ipc/useCall';

/** 专业, 班级 and 年级 as the server knows them; used by the selects of several pages. */
export function useOrgTree() {
  return useCallData('org.tree', {});
}

export type OrgTreeData = import('../../../../../shared/ipc/contract').CallOutput<'org.tree'>;
