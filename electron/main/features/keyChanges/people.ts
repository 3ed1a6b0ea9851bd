import { listUsers } from '../../../../db/queries/users';
import type { Db } from '../../../../db/client';

/**
 * Who filed or decided a request, as people know them (张老师) rather than by user name. A name no
 * account has (an account since removed, or 系统 for the 0007 merge) is shown as stored.
 */
export function peopleNames(db: Db): (username: string) => string {
  const byName = new Map(listUsers(db).map((u) => [u.username.toLowerCase(), u.displayName]));
  return (username) => byName.get(username.toLowerCase()) ?? username;
}
