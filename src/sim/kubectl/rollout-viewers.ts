import { deploymentRollout } from './rollout-deployment';
import type { RolloutKind } from './rollout-kinds';

/** The kinds `kubectl rollout` supports, by Kind. Add one line per kind. */
export const ROLLOUT_KINDS: Record<string, RolloutKind> = {
  Deployment: deploymentRollout,
};
