import { mockServices } from '@backstage/backend-test-utils';
import { resolve } from 'node:path';
import {
  buildGithubWorld,
  generateScenario,
  profilesFromCatalog,
  readCatalogFile,
  startGithubSandbox,
} from '@maturity/sandbox';
import { compareIntents } from '../__testUtils__/compareIntents';
import { collect, createSource } from '../__testUtils__/sandboxHarness';

jest.setTimeout(60_000);

describe('GithubFactSource on the sandbox catalogs', () => {
  it("matches every GitHub check's intent of the scenario generator's services", async () => {
    const now = new Date();
    const scenario = generateScenario({ seed: 2026, size: 150 });
    const linked = scenario.services.filter(s => s.githubSlug);
    const world = buildGithubWorld(linked, scenario.seed, { now });
    const sandbox = await startGithubSandbox({ world });
    try {
      const outcome = await collect(createSource(sandbox), scenario.entities, {
        now,
      });
      expect(outcome.errors).toEqual([]);
      const { compared, mismatches } = compareIntents(
        outcome,
        linked,
        world,
        now,
      );
      expect(mismatches).toEqual([]);
      expect(compared).toBeGreaterThan(linked.length * 5);
      const byCheck = new Map<string, number>();
      for (const u of world.unsatisfiable) {
        byCheck.set(u.checkId, (byCheck.get(u.checkId) ?? 0) + 1);
      }
      // eslint-disable-next-line no-console
      console.log(
        `${linked.length} of ${scenario.services.length} services linked to GitHub; ${compared} intents compared; ` +
          `left out as contradictory: ${
            [...byCheck].map(([id, n]) => `${id} ${n}`).join(', ') || 'none'
          }`,
      );
    } finally {
      await sandbox.close();
    }
  });

  it("hands a large catalog's facts over in parts while it runs", async () => {
    const now = new Date();
    const scenario = generateScenario({ seed: 7, size: 600 });
    const linked = scenario.services.filter(s => s.githubSlug);
    const world = buildGithubWorld(linked, scenario.seed, { now });
    const sandbox = await startGithubSandbox({ world });
    try {
      const parts: number[] = [];
      const outcome = await createSource(sandbox).collect({
        entities: scenario.entities,
        logger: mockServices.logger.mock(),
        signal: new AbortController().signal,
        now,
        storeFacts: async facts => {
          parts.push(facts.length);
        },
        reobserveFacts: async entityRefs => [...entityRefs],
      });
      expect(outcome.errors).toEqual([]);
      const total = parts.reduce((a, b) => a + b, 0) + outcome.facts.length;
      expect(parts.length).toBeGreaterThanOrEqual(2);
      for (const part of parts) expect(part).toBeLessThan(3_000);
      // Every linked service got its facts, in one of the parts or at the end.
      expect(total).toBeGreaterThanOrEqual(linked.length * 10);
    } finally {
      await sandbox.close();
    }
  });

  it("matches the intents of the example catalog that 'start' serves", async () => {
    const now = new Date();
    const entities = readCatalogFile(
      // Relative to this file: jest may run from the package or from the repo root.
      resolve(__dirname, '../../../../examples/entities.yaml'),
    );
    const profiles = profilesFromCatalog(entities).filter(p => p.githubSlug);
    const world = buildGithubWorld(profiles, 7, { now });
    const sandbox = await startGithubSandbox({ world });
    try {
      const outcome = await collect(createSource(sandbox), entities, { now });
      expect(outcome.errors).toEqual([]);
      const { compared, mismatches } = compareIntents(
        outcome,
        profiles,
        world,
        now,
      );
      expect(mismatches).toEqual([]);
      expect(compared).toBeGreaterThan(profiles.length * 5);
    } finally {
      await sandbox.close();
    }
  });
});
