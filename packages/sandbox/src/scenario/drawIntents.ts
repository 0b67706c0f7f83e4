import type { CheckDefinition } from '@maturity/plugin-maturity-common';
import type { Random } from '../random/createRandom';
import { NON_GATING_DIMENSIONS } from './checkScope';

/** Intent per check id. */
export type Intents = Record<string, 'pass' | 'fail'>;

/**
 * A pass of a later check needs a pass of an earlier one: supply chain verification needs
 * enforcing admission, complete alerts need alerts, GitOps in sync needs GitOps.
 */
const NEEDS: ReadonlyArray<[later: string, earlier: string]> = [
  ['supply-chain-verified', 'policy-enforced'],
  ['audit-alerts-everywhere', 'alerts-defined'],
  ['gitops-synced', 'helm-or-gitops'],
  ['continuous-deployment', 'release-cadence'],
];

/**
 * Intents that place a service at `targetLevel`: every check up to that level passes,
 * enough gating checks of the next level fail that its pass share stays below the default
 * threshold (three quarters), and later levels are a coin toss. `fixed` intents are decided
 * by how the service is linked (repo-linked, workload-linked) and are never changed.
 */
export function drawIntents(
  random: Random,
  checks: readonly CheckDefinition[],
  targetLevel: number,
  fixed: Intents = {},
): Intents {
  const intents: Intents = {};
  for (const check of checks) {
    if (fixed[check.id]) intents[check.id] = fixed[check.id];
    else if (check.level <= targetLevel) intents[check.id] = 'pass';
    else if (check.level === targetLevel + 1)
      intents[check.id] = random.chance(0.7) ? 'fail' : 'pass';
    else intents[check.id] = random.chance(0.5) ? 'pass' : 'fail';
  }
  const nextGating = checks.filter(
    c =>
      c.level === targetLevel + 1 &&
      !NON_GATING_DIMENSIONS.includes(c.dimension),
  );
  // Make sure the next level is out of reach whatever the coin tosses said.
  for (const check of nextGating) {
    if (failShare(intents, nextGating) > 0.3) break;
    if (!fixed[check.id]) intents[check.id] = 'fail';
  }
  for (const [later, earlier] of NEEDS) {
    if (intents[earlier] === 'fail' && intents[later] === 'pass')
      intents[later] = 'fail';
  }
  return intents;
}

function failShare(
  intents: Intents,
  checks: readonly CheckDefinition[],
): number {
  return checks.filter(c => intents[c.id] === 'fail').length / checks.length;
}
