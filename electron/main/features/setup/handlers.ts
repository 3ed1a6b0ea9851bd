import { appendAudit } from '../../../../db/queries/audit';
import { putSettings } from '../../../../db/queries/settings';
import { insertUser } from '../../../../db/queries/users';
import type { FeatureHandlers } from '../../core/handlers-type';
import { AppError } from '../../core/errors';
import { assertStrongPassword } from '../auth/password-check';
import { loadDemoData } from './demo-data';

export const setupHandlers: FeatureHandlers<'setup'> = {
  'setup.create': (input, { core, clientId }) => {
    if (core.folder.state().state !== 'not_set_up') {
      throw new AppError('ALREADY_SET_UP', '该数据文件夹已经初始化过，请直接登录。');
    }
    assertStrongPassword(input.admin.password, 'admin.password');
    const { recoveryKey } = core.folder.create(input.admin.username, input.admin.password);
    const now = new Date(core.now()).toISOString();
    const admin = core.folder.transaction((db) => {
      putSettings(db, { schoolCode: input.schoolCode, schoolName: input.schoolName, departmentName: input.departmentName });
      const user = insertUser(db, {
        username: input.admin.username,
        displayName: input.admin.displayName,
        role: 'admin',
        passwordChangedAt: now,
        createdAt: now,
        lastSignInAt: now,
      });
      appendAudit(db, {
        userId: user.id,
        username: user.username,
        action: 'setup.create',
        entity: 'settings',
        entityId: null,
        summary: `初始化：${input.schoolName}（${input.schoolCode}）${input.departmentName}，创建管理员 ${user.username}`,
        changes: [
          { field: 'schoolCode', before: null, after: input.schoolCode },
          { field: 'schoolName', before: null, after: input.schoolName },
          { field: 'departmentName', before: null, after: input.departmentName },
        ],
      });
      return user;
    });
    // The person who set the app up is signed in as its first admin.
    core.sessions.start(clientId, admin, core.now());
    return { recoveryKey };
  },

  'setup.loadDemo': (input, ctx) => loadDemoData(ctx, input.students, input.seed ?? 20261122),
};
