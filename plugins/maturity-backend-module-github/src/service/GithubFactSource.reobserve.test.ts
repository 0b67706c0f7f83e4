import { mockServices } from '@backstage/backend-test-utils';
import type { CollectedFactRecord } from '@maturity/plugin-maturity-node';
import type { ServiceProfile } from '@maturity/sandbox';
import { pushCommit } from '@maturity/sandbox';
import {
  collect,
  createSource,
  entitiesFor,
  factsOf,
  makeProfiles,
  startHarness,
  type Harness,
} from '../__testUtils__/sandboxHarness';

const MINUTE = 60_000;

// Real HTTP to a sandbox in the same process, and Octokit paces GraphQL at one query a second.
jest.setTimeout(30_000);

/**
 * Warm runs re-observe the stored facts of entities whose repository is unchanged instead
 * of handing them over again. These are the cases where the stored facts are not what the
 * cached read of the entity's repository found, so the repository must be read instead.
 */
describe('GithubFactSource re-observing stored facts', () => {
  const profiles = makeProfiles(12);
  let harness: Harness;
  /** Each test's runs, `minutes` after the harness's start, into its own record. */
  let record: CollectedFactRecord;
  let source: ReturnType<typeof createSource>;
  const run = (linked: ServiceProfile[], minutes: number) => {
    harness.sandbox.resetRequests();
    return collect(source, entitiesFor(linked), {
      now: new Date(harness.now.getTime() + minutes * MINUTE),
      record,
    });
  };
  const graphql = () => harness.sandbox.counts().graphql;
  const slugOf = (
    outcome: Awaited<ReturnType<typeof run>>,
    p: ServiceProfile,
  ) =>
    (factsOf(outcome, p.entityRef)['github.repository'] as { slug: string })
      ?.slug;
  const linkedTo = (p: ServiceProfile, githubSlug: string): ServiceProfile => ({
    ...p,
    githubSlug,
  });

  beforeAll(async () => {
    harness = await startHarness(profiles);
  });
  afterAll(() => harness.sandbox.close());
  beforeEach(() => {
    record = new Map();
    source = createSource(harness.sandbox);
  });

  it('hands nothing over again when nothing changed', async () => {
    const linked = profiles.slice(0, 4);
    const cold = await run(linked, 0);
    const warm = await run(linked, 30);
    expect(graphql()).toBe(0);
    expect(warm).toMatchObject({ handovers: 0, reobserved: 4, errors: [] });
    expect(warm.facts).toEqual(cold.facts);
  });

  it('reads the repository an entity now links to, and the one it links back to later', async () => {
    const [a, b] = profiles;
    await run([a, b], 0);
    // a now names b's repository: cached and unchanged, but a holds the other one's facts.
    const moved = await run([linkedTo(a, b.githubSlug!), b], 10);
    expect(graphql()).toBe(1);
    expect(slugOf(moved, a)).toBe(b.githubSlug);
    // And back to its first repository, still cached from the first run.
    const back = await run([a, b], 20);
    expect(graphql()).toBe(1);
    expect(slugOf(back, a)).toBe(a.githubSlug);
    // Settled: both re-observe their facts.
    const settled = await run([a, b], 30);
    expect(graphql()).toBe(0);
    expect(settled).toMatchObject({ handovers: 0, reobserved: 2 });
    expect(settled.facts).toEqual(back.facts);
  });

  it("reads a repository again for an entity whose facts are from before another shard's read", async () => {
    const [a, c] = [
      profiles[2],
      linkedTo(profiles[3], profiles[2].githubSlug!),
    ];
    await run([a, c], 0);
    pushCommit(harness.world, a.githubSlug!, {
      conclusion: 'FAILURE',
      at: new Date(harness.now.getTime() + 5 * MINUTE),
    });
    // c's shard reads the push first; a's shard then finds the repository cached and
    // unchanged since, but a's stored facts are from the read before the push.
    await run([c], 10);
    expect(graphql()).toBe(1);
    const later = await run([a], 20);
    expect(graphql()).toBe(1);
    const runs = factsOf(later, a.entityRef)['github.defaultBranchRuns'] as {
      conclusion: string;
    }[];
    expect(runs[0].conclusion).toBe('failure');
  });

  it('reads the repository of an entity the backend holds no facts of', async () => {
    const [a, b] = [profiles[4], profiles[5]];
    const cold = await run([a, b], 0);
    // a left the catalog, and the backend forgot its facts; now it is back.
    await run([b], 10);
    record.delete(a.entityRef);
    const back = await run([a, b], 20);
    expect(graphql()).toBe(1);
    expect(back.reobserved).toBe(1);
    expect(back.facts).toEqual(cold.facts);
  });

  it('reads the repository of an entity that was handed the problems of a malformed slug', async () => {
    const [a] = [profiles[6]];
    await run([a], 0);
    const malformed = await run([linkedTo(a, 'not a slug')], 10);
    expect(factsOf(malformed, a.entityRef)['github.repository']).toEqual({
      problem:
        'github.com/project-slug "not a slug" is not in the form owner/repo',
    });
    // The repository is cached and unchanged, but a's stored facts are the problems.
    const fixed = await run([a], 20);
    expect(graphql()).toBe(1);
    expect(slugOf(fixed, a)).toBe(a.githubSlug);
  });

  it('reads an unreadable repository again every run', async () => {
    const [a, denied] = [profiles[7], profiles[8]];
    harness.sandbox.deny(denied.githubSlug!);
    try {
      await run([a, denied], 0);
      const warm = await run([a, denied], 10);
      expect(graphql()).toBe(1);
      expect(warm.reobserved).toBe(1);
      expect(factsOf(warm, denied.entityRef)['github.repository']).toEqual({
        problem: expect.stringContaining('GitHub answered 404'),
      });
    } finally {
      harness.sandbox.allow(denied.githubSlug!);
    }
  });

  it('reads a repository again when the facts of its last read may not have been stored', async () => {
    const [a] = [profiles[9]];
    const cold = await run([a], 0);
    pushCommit(harness.world, a.githubSlug!, {
      conclusion: 'FAILURE',
      at: new Date(harness.now.getTime() + 5 * MINUTE),
    });
    // The push is read, but the backend fails to store it (the run timed out).
    await expect(
      source.collect({
        entities: entitiesFor([a]),
        logger: mockServices.logger.mock(),
        signal: new AbortController().signal,
        now: new Date(harness.now.getTime() + 10 * MINUTE),
        storeFacts: async () => {
          throw new Error('run timed out');
        },
        reobserveFacts: async refs => [...refs],
      }),
    ).rejects.toThrow('run timed out');
    expect(record.get(a.entityRef)).toEqual(
      new Map(cold.facts.map(f => [f.name, f])),
    );
    const next = await run([a], 20);
    expect(graphql()).toBe(1);
    const runs = factsOf(next, a.entityRef)['github.defaultBranchRuns'] as {
      conclusion: string;
    }[];
    expect(runs[0].conclusion).toBe('failure');
  });
});
