import type { Random } from '../../random/createRandom';
import type { SandboxDeployment, SandboxEnvironment } from '../types';
import { DAY, HOUR, hexId, iso, type Intents } from './shared';

export function buildDeployments(
  intents: Intents,
  random: Random,
  now: number,
): SandboxDeployment[] {
  const cd = intents['continuous-deployment'] === 'pass';
  const cadence = intents['release-cadence'] === 'pass';
  const allEnvs = intents['delivery-all-envs'] === 'pass';
  let recentProd = 0;
  if (cd) recentProd = random.int(24, 30);
  else if (cadence) recentProd = random.int(5, 10);
  else recentProd = random.int(0, 2);
  // Continuous deployment without cadence: many deploys, but too many of them fail.
  const failures = cd && !cadence ? Math.ceil(recentProd * 0.3) : 0;

  const deployments: SandboxDeployment[] = [];
  const add = (
    environment: string,
    at: number,
    ok: boolean,
    leadHours: number,
  ) =>
    deployments.push({
      environment,
      createdAt: iso(at),
      commitOid: hexId(random, 40),
      commitDate: iso(at - leadHours * HOUR),
      statuses: [
        { state: 'IN_PROGRESS', createdAt: iso(at + 60_000) },
        { state: ok ? 'SUCCESS' : 'FAILURE', createdAt: iso(at + 5 * 60_000) },
      ],
    });
  for (let i = 0; i < recentProd; i++) {
    const at = now - Math.round(((i + 0.5) * 28 * DAY) / recentProd);
    add(
      'production',
      at,
      i >= failures,
      cd ? random.int(1, 8) : random.int(2, 40),
    );
  }
  if (allEnvs) {
    if (recentProd === 0)
      add('production', now - random.int(40, 80) * DAY, true, 30);
    for (let i = 0; i < random.int(1, 6); i++) {
      add('staging', now - random.int(1, 85) * DAY, true, 3);
    }
  } else if (recentProd === 0 && random.chance(0.5)) {
    // A single environment only; the older staging deploy falls outside the 90-day window.
    add('staging', now - random.int(1, 80) * DAY, true, 3);
    add('production', now - random.int(100, 200) * DAY, true, 3);
  }
  return deployments.sort(
    (a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt),
  );
}

export function buildEnvironments(
  intents: Intents,
  random: Random,
): SandboxEnvironment[] {
  const environments: SandboxEnvironment[] = [
    {
      name: 'staging',
      requiredReviewers: 0,
      waitTimerMinutes: 0,
      branchPolicy: false,
    },
  ];
  if (intents['prod-approval-gate'] === 'pass') {
    const reviewers = random.chance(0.7);
    environments.push({
      name: 'production',
      requiredReviewers: reviewers ? random.int(1, 2) : 0,
      waitTimerMinutes: reviewers ? 0 : random.int(5, 30),
      branchPolicy: true,
    });
  } else if (
    intents['continuous-deployment'] === 'pass' ||
    random.chance(0.5)
  ) {
    environments.push({
      name: 'production',
      requiredReviewers: 0,
      waitTimerMinutes: 0,
      branchPolicy: random.chance(0.5),
    });
  } else {
    // Reviewers but no branch policy: still not a gate.
    environments.push({
      name: 'production',
      requiredReviewers: 1,
      waitTimerMinutes: 0,
      branchPolicy: false,
    });
  }
  return environments;
}
