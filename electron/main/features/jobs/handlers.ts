/** Long work runs as jobs (core/jobs.ts): the client lists its own and may cancel them. */
import { cancelJob, listJobs } from '../../core/jobs';
import type { FeatureHandlers } from '../../core/handlers-type';

export const jobsHandlers: FeatureHandlers<'jobs'> = {
  'jobs.list': (_input, ctx) => listJobs(ctx),
  'jobs.cancel': ({ jobId }, ctx) => {
    cancelJob(ctx, jobId);
    return null;
  },
};
