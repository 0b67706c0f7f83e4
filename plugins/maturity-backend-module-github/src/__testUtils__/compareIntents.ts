import {
  catalogChecks,
  crossSourceChecks,
  evaluateCheck,
  githubChecks,
  type Fact,
} from '@maturity/plugin-maturity-common';
import type {
  CollectedFact,
  FactCollectionOutcome,
} from '@maturity/plugin-maturity-node';
import type { GeneratedGithubWorld, ServiceProfile } from '@maturity/sandbox';
import { GITHUB_CHECK_IDS } from './sandboxHarness';

const DAY = 86_400_000;
const checks = [...githubChecks, ...crossSourceChecks, ...catalogChecks].filter(
  c => GITHUB_CHECK_IDS.includes(c.id),
);

/**
 * Facts from the other sources that leave the GitHub half to decide the cross-source
 * checks: TechDocs set up, a workload with no scan reports, admission verifying signatures.
 */
function neutralFacts(entityRef: string, observedAt: string): Fact[] {
  const fact = (name: string, value: any): Fact => ({
    entityRef,
    name,
    value,
    source: 'test',
    observedAt,
  });
  return [
    fact('catalog.annotations', { 'backstage.io/techdocs-ref': 'dir:.' }),
    fact('k8s.workloads', [
      {
        cluster: 'c',
        namespace: 'n',
        kind: 'Deployment',
        name: 'w',
        replicas: 2,
        containers: [],
      },
    ]),
    fact('k8s.scanReports', {
      vulnerabilityReportAt: null,
      configAuditReportAt: null,
      fixable: [],
    }),
    fact('k8s.admission', {
      enforcing: 1,
      auditing: 0,
      verifiesImageSignatures: true,
    }),
  ];
}

function toFacts(collected: CollectedFact[], observedAt: string): Fact[] {
  return collected.map(f => ({
    entityRef: f.entityRef,
    name: f.name,
    value: f.problem ? null : f.value,
    source: 'github',
    observedAt,
    ...(f.problem ? { problem: f.problem } : {}),
  }));
}

/**
 * Evaluates every GitHub check of every profile on the collected facts and lists where the
 * result differs from the profile's intent. Intents the world builder reported as
 * contradictory are left out, and counted.
 */
export function compareIntents(
  outcome: FactCollectionOutcome,
  profiles: readonly ServiceProfile[],
  world: GeneratedGithubWorld,
  now: Date,
): { compared: number; skipped: number; mismatches: string[] } {
  const skippedKeys = new Set(
    world.unsatisfiable.map(u => `${u.entityRef}#${u.checkId}`),
  );
  const observedAt = now.toISOString();
  const collected = toFacts(outcome.facts, observedAt);
  const mismatches: string[] = [];
  let compared = 0;
  let skipped = 0;
  for (const profile of profiles) {
    const facts = new Map(
      [...neutralFacts(profile.entityRef, observedAt), ...collected]
        .filter(f => f.entityRef === profile.entityRef)
        .map(f => [f.name, f]),
    );
    for (const check of checks) {
      const intent = profile.intents[check.id];
      if (!intent) continue;
      if (skippedKeys.has(`${profile.entityRef}#${check.id}`)) {
        skipped += 1;
        continue;
      }
      const result = evaluateCheck(check, { facts, now, staleAfterMs: DAY });
      compared += 1;
      if (result.state !== intent) {
        mismatches.push(
          `${profile.name} ${check.id}: intended ${intent}, got ${result.state} (${result.reason})`,
        );
      }
    }
  }
  return { compared, skipped, mismatches };
}
