import type { Random } from '../../random/createRandom';
import type { SandboxVulnerabilityAlert } from '../types';
import { DAY, iso, type Intents } from './shared';

export function addIacFiles(
  files: Record<string, string>,
  name: string,
  present: boolean,
  random: Random,
) {
  if (!present) {
    if (random.chance(0.5)) files['deploy/README.md'] = 'Deployed by hand.\n';
    return;
  }
  switch (random.int(0, 2)) {
    case 0:
      files[
        `charts/${name}/Chart.yaml`
      ] = `apiVersion: v2\nname: ${name}\nversion: 1.0.0\n`;
      files[`charts/${name}/values.yaml`] = 'replicaCount: 2\n';
      break;
    case 1:
      files['deploy/base/kustomization.yaml'] =
        'resources:\n  - deployment.yaml\n';
      break;
    default:
      files['terraform/main.tf'] = 'terraform {}\n';
  }
}

export function addDependencyBotFiles(
  files: Record<string, string>,
  present: boolean,
  random: Random,
) {
  if (!present) return;
  if (random.chance(0.5)) {
    files['.github/dependabot.yml'] =
      'version: 2\nupdates:\n  - package-ecosystem: npm\n    directory: /\n    schedule: { interval: weekly }\n';
  } else {
    files[random.pick(['renovate.json', '.github/renovate.json'])] =
      '{ "extends": ["config:recommended"] }\n';
  }
}

export function buildPullRequests(
  intents: Intents,
  random: Random,
  now: number,
  files: Record<string, string>,
) {
  const bot = files['.github/dependabot.yml'] ? 'dependabot' : 'renovate';
  const configured = Object.keys(files).some(p =>
    /dependabot\.yml|renovate\.json/.test(p),
  );
  const prs = [];
  let number = 1;
  for (let i = 0; i < random.int(3, 12); i++) {
    const at = now - random.int(1, 80) * DAY;
    prs.push({
      number: number++,
      author: random.pick(['alice', 'bob', 'carol']),
      state: 'MERGED' as const,
      createdAt: iso(at - DAY),
      updatedAt: iso(at),
      mergedAt: iso(at),
    });
  }
  if (configured) {
    const mergedRecently = intents['auto-remediation'] === 'pass';
    const count = mergedRecently ? random.int(1, 5) : random.int(0, 2);
    for (let i = 0; i < count; i++) {
      const at = mergedRecently
        ? now - random.int(1, 80) * DAY
        : now - random.int(100, 300) * DAY;
      prs.push({
        number: number++,
        author: bot,
        state: 'MERGED' as const,
        createdAt: iso(at - DAY),
        updatedAt: iso(at),
        mergedAt: iso(at),
      });
    }
    // An open bot pull request is not a remediation.
    prs.push({
      number: number++,
      author: bot,
      state: 'OPEN' as const,
      createdAt: iso(now - 2 * DAY),
      updatedAt: iso(now - DAY),
      mergedAt: null,
    });
  }
  return prs.sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt));
}

export function buildAlerts(
  withinSla: boolean,
  random: Random,
  now: number,
): SandboxVulnerabilityAlert[] {
  const pool: SandboxVulnerabilityAlert[] = [
    // Never overdue: fresh, medium, or without a fix.
    {
      createdAt: iso(now - 2 * DAY),
      severity: 'CRITICAL',
      patchedVersion: '2.0.1',
      state: 'OPEN',
    },
    {
      createdAt: iso(now - 200 * DAY),
      severity: 'MODERATE',
      patchedVersion: '1.2.3',
      state: 'OPEN',
    },
    {
      createdAt: iso(now - 90 * DAY),
      severity: 'CRITICAL',
      patchedVersion: null,
      state: 'OPEN',
    },
    {
      createdAt: iso(now - 90 * DAY),
      severity: 'HIGH',
      patchedVersion: '3.1.0',
      state: 'FIXED',
    },
  ];
  const alerts = pool.filter(() => random.chance(0.6));
  if (!withinSla) {
    alerts.push(
      random.chance(0.5)
        ? {
            createdAt: iso(now - random.int(10, 60) * DAY),
            severity: 'CRITICAL',
            patchedVersion: '4.0.2',
            state: 'OPEN',
          }
        : {
            createdAt: iso(now - random.int(35, 90) * DAY),
            severity: 'HIGH',
            patchedVersion: '0.9.9',
            state: 'OPEN',
          },
    );
  }
  return alerts;
}
