import type { FeatureHandlers } from '../../core/handlers-type';
import { APP_NAME } from '../../core/paths';
import { sessionInfo } from '../auth/session-info';

export const appHandlers: FeatureHandlers<'app'> = {
  'app.status': (_input, { core, session }) => {
    const folder = core.folder.state();
    return {
      appName: APP_NAME,
      version: core.version,
      state: folder.state,
      problem: folder.state === 'problem' ? { code: folder.code, message: folder.message } : null,
      session: session ? sessionInfo(core, session) : null,
    };
  },
};
