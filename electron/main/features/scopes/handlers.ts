/**
 * 数据范围: the admin gives each user the classes or grades they are in charge of. Enforced for every
 * call in core/student-scope.ts; kept here is only reading and setting it (audited).
 */
import { getScope, setScope } from '../../../../db/queries/scopes';
import { getUserById } from '../../../../db/queries/users';
import { AppError } from '../../core/errors';
import type { FeatureHandlers } from '../../core/handlers-type';

/** The scope in words, for the audit trail: 全院系, or the class names and grades. */
function describe(db: Parameters<typeof getScope>[0], scope: { classIds: number[]; cohortYears: number[] }): string {
  if (!scope.classIds.length && !scope.cohortYears.length) return '全院系';
  const names = scope.classIds.length
    ? (db.$client.prepare(`SELECT name FROM classes WHERE id IN (SELECT value FROM json_each(?)) ORDER BY name`).all(JSON.stringify(scope.classIds)) as { name: string }[]).map((r) => r.name)
    : [];
  return [...scope.cohortYears.map((y) => `${y}级`), ...names].join('、');
}

export const scopesHandlers: FeatureHandlers<'scopes'> = {
  'scopes.get': ({ id }, ctx) => {
    const db = ctx.db();
    if (!getUserById(db, id)) throw new AppError('NOT_FOUND', '找不到该用户');
    return { userId: id, ...getScope(db, id) };
  },

  'scopes.set': ({ userId, classIds, cohortYears }, ctx) =>
    ctx.write((db) => {
      const user = getUserById(db, userId);
      if (!user) throw new AppError('NOT_FOUND', '找不到该用户');
      const known = new Set((db.$client.prepare('SELECT id FROM classes').all() as { id: number }[]).map((r) => r.id));
      const unknown = classIds.filter((id) => !known.has(id));
      if (unknown.length) throw new AppError('VALIDATION', '所选班级不存在（可能已被删除），请刷新后重新选择', 'classIds');
      const before = getScope(db, userId);
      setScope(db, userId, { classIds, cohortYears });
      const after = getScope(db, userId);
      return {
        value: { userId, ...after },
        audit: [{
          action: 'scopes.set', entity: 'user', entityId: userId,
          summary: `设置 ${user.displayName}（${user.username}）的数据范围：${describe(db, after)}`,
          changes: [{ field: 'scope', before: describe(db, before), after: describe(db, after) }],
        }],
      };
    }),
};
