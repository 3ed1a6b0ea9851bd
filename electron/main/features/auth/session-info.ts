import { getSettings } from '../../../../db/queries/settings';
import { getUserById } from '../../../../db/queries/users';
import { passwordExpired } from '../../../../shared/domain/password';
import { permissionsOf } from '../../../../shared/domain/permissions';
import type { SessionInfo } from '../../../../shared/ipc/schemas/auth';
import type { AppCore } from '../../core/context';
import type { Session } from '../../core/sessions';

export function sessionInfo(core: AppCore, session: Session): SessionInfo {
  const db = core.folder.db();
  const user = getUserById(db, session.userId);
  if (!user) throw new Error('session user vanished');
  const settings = getSettings(db);
  return {
    user: { id: user.id, username: user.username, displayName: user.displayName, role: user.role },
    permissions: permissionsOf(user.role),
    locked: session.locked,
    idleLockMinutes: settings.idleLockMinutes,
    passwordExpired: passwordExpired(user.passwordChangedAt, settings.passwordMaxAgeDays, new Date(core.now())),
    mustChangePassword: user.mustChangePassword,
  };
}
