import type { FeatureHandlers } from '../../core/handlers-type';
import { issueProof } from './issue';

export const proofsHandlers: FeatureHandlers<'proofs'> = {
  'proofs.issue': (input, ctx) => issueProof(ctx, input),
};
