import { diffFields } from '../../../../db/queries/audit';
import { getSettings, putSettings, type SettingsValues } from '../../../../db/queries/settings';
import type { FeatureHandlers } from '../../core/handlers-type';

const FIELDS: (keyof SettingsValues)[] = ['schoolCode', 'schoolName', 'departmentName', 'idleLockMinutes', 'passwordMaxAgeDays', 'importMaxRows'];

export const settingsHandlers: FeatureHandlers<'settings'> = {
  'settings.get': (_input, { core }) => getSettings(core.folder.db()),

  'settings.update': (input, ctx) =>
    ctx.write((db) => {
      const before = getSettings(db);
      putSettings(db, input);
      const after = getSettings(db);
      const changes = diffFields(before, after, FIELDS);
      return { value: after, audit: changes.length ? [{ action: 'settings.update', entity: 'settings', entityId: null, summary: '修改系统设置', changes }] : [] };
    }),
};
