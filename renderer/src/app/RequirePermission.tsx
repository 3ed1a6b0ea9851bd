import type { ReactNode } from 'react';
import type { Permission } from '../../../shared/domain/permissions';
import { NoAccess } from '../components/NoAccess';
import { useSession } from './SessionContext';

/** Its children, or 无权访问 when the session lacks the permission (a list: lacks every one of them). */
export function RequirePermission({ permission, children }: { permission?: Permission | readonly Permission[] | undefined; children: ReactNode }) {
  const { can } = useSession();
  if (permission && !(typeof permission === 'string' ? can(permission) : permission.some(can))) return <NoAccess />;
  return <>{children}</>;
}
