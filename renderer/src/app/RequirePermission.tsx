import type { ReactNode } from 'react';
import type { Permission } from '../../../shared/domain/permissions';
import { NoAccess } from '../components/NoAccess';
import { useSession } from './SessionContext';

export function RequirePermission({ permission, children }: { permission?: Permission; children: ReactNode }) {
  const { can } = useSession();
  if (permission && !can(permission)) return <NoAccess />;
  return <>{children}</>;
}
