/** Long calls run as tasks (core/tasks.ts): the renderer may cancel its own. */
import { cancelTask } from '../../core/tasks';
import type { FeatureHandlers } from '../../core/handlers-type';

export const tasksHandlers: FeatureHandlers<'tasks'> = {
  'tasks.cancel': ({ taskId }, ctx) => {
    cancelTask(ctx, taskId);
    return null;
  },
};
