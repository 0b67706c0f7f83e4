import {
  CATALOG_FACTS,
  GITHUB_FACTS,
  crossSourceChecks,
  type Fact,
} from '@maturity/plugin-maturity-common';
import type { JsonValue } from '@backstage/types';
import {
  evaluate,
  factsOf,
  NOW,
  startHarness,
  type Harness,
} from './__testUtils__/sandboxHarness';

/** A fact the GitHub or catalog source would have written. */
const other = (entityRef: string, name: string, value: JsonValue): Fact => ({
  entityRef,
  name,
  value,
  source: name.split('.')[0],
  observedAt: NOW.toISOString(),
});

describe('the Kubernetes half of the cross-source checks', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness({ seed: 21, size: 120 });
  });

  afterAll(async () => {
    await harness.close();
  });

  it('decides them as intended when the GitHub side is neutral', async () => {
    const outcome = await harness.collect();
    expect(outcome.errors).toEqual([]);
    const mismatches: string[] = [];
    let compared = 0;
    // On the full cluster the Kubernetes evidence alone must carry each intent: GitHub shows
    // no code scan, no alerts and (for supply chain) an attested build.
    const services = harness.scenario.services.filter(
      s =>
        s.kubernetes?.cluster === 'prod-eu' &&
        s.intents['workload-linked'] === 'pass',
    );
    for (const service of services) {
      const component = harness.components.find(
        c => c.metadata.name === service.name,
      )!;
      const facts = factsOf(outcome.facts, service.entityRef);
      const add = (name: string, value: JsonValue) =>
        facts.set(name, other(service.entityRef, name, value));
      add(GITHUB_FACTS.lastCodeScanAt, null);
      add(GITHUB_FACTS.vulnerabilityAlerts, []);
      add(GITHUB_FACTS.provenanceAttested, true);
      add(CATALOG_FACTS.linkTypes, [
        ...new Set((component.metadata.links ?? []).map(l => l.type ?? '')),
      ]);
      for (const check of crossSourceChecks) {
        const intent = service.intents[check.id];
        if (!intent) continue;
        compared += 1;
        const result = evaluate(check, facts);
        if (result.state !== intent) {
          mismatches.push(
            `${service.name} ${check.id}: intended ${intent}, got ${result.state}: ${result.reason}`,
          );
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(compared).toBeGreaterThan(100);
  });
});
