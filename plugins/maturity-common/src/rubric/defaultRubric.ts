import type { CheckDefinition } from './CheckDefinition';
import { catalogChecks } from './checks/catalogChecks';
import { crossSourceChecks } from './checks/crossSourceChecks';
import { githubChecks } from './checks/githubChecks';
import { kubernetesChecks } from './checks/kubernetesChecks';

/**
 * The checks the product ships with (RUBRIC.md), before config overrides, in level order.
 * @public
 */
export const defaultChecks: readonly CheckDefinition[] = [
  ...catalogChecks,
  ...githubChecks,
  ...kubernetesChecks,
  ...crossSourceChecks,
].sort((a, b) => a.level - b.level);
