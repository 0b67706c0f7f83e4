import { compareIntents } from '../__testUtils__/compareIntents';
import {
  collect,
  entitiesFor,
  factsOf,
  GITHUB_CHECK_IDS,
  makeProfiles,
  createSource,
  startHarness,
  type Harness,
} from '../__testUtils__/sandboxHarness';

// Real HTTP to a sandbox in the same process, and Octokit paces GraphQL at one query a second.
jest.setTimeout(30_000);

describe('GithubFactSource against the GitHub sandbox', () => {
  const profiles = makeProfiles(64, ['acme', 'globex']);
  const entities = entitiesFor(profiles);
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness(profiles, { github: { batchSize: 25 } });
  });
  afterAll(() => harness.sandbox.close());
  beforeEach(() => harness.sandbox.resetRequests());

  it('collects facts whose checks come out as each service intends', async () => {
    const { now, world } = harness;
    const outcome = await collect(harness.source, entities, { now });
    expect(outcome.errors).toEqual([]);
    // 64 repositories in batches of 25: three queries, no REST on a cold start.
    expect(harness.sandbox.counts()).toMatchObject({ graphql: 3, rest: 0 });
    expect(outcome.requests).toBe(3);

    const { compared, skipped, mismatches } = compareIntents(
      outcome,
      profiles,
      world,
      now,
    );
    expect(mismatches).toEqual([]);
    // Only the contradictions the world builder reports are skipped.
    expect(skipped).toBe(world.unsatisfiable.length);
    expect(compared + skipped).toBe(profiles.length * GITHUB_CHECK_IDS.length);
  });

  it('writes every fact in the shapes the rubric reads', async () => {
    const outcome = await collect(
      createSource(harness.sandbox),
      entities.slice(0, 1),
      {
        now: harness.now,
      },
    );
    const facts = factsOf(outcome, profiles[0].entityRef);
    const repo = harness.world.repositories.get(profiles[0].githubSlug!)!;
    expect(facts['github.repository']).toEqual({
      slug: profiles[0].githubSlug,
      defaultBranch: repo.defaultBranch,
      archived: false,
    });
    expect(Object.keys(facts).sort()).toEqual([
      'github.botPullRequestsMerged',
      'github.defaultBranchRuns',
      'github.deployments',
      'github.docsLastChangedAt',
      'github.environments',
      'github.files',
      'github.lastCodeScanAt',
      'github.provenanceAttested',
      'github.repository',
      'github.requiredStatusChecks',
      'github.vulnerabilityAlerts',
    ]);
    const runs = facts['github.defaultBranchRuns'] as {
      conclusion: string;
      createdAt: string;
    }[];
    expect(runs.length).toBeLessThanOrEqual(50);
    // Newest first, completed GitHub Actions runs only.
    expect(runs.map(r => r.createdAt)).toEqual(
      [...runs.map(r => r.createdAt)].sort().reverse(),
    );
    expect(
      runs.every(r => r.conclusion === 'success' || r.conclusion === 'failure'),
    ).toBe(true);
    const alerts = facts['github.vulnerabilityAlerts'] as {
      severity: string;
      fixable: boolean;
    }[];
    const open = repo.vulnerabilityAlerts.filter(a => a.state === 'OPEN');
    expect(alerts).toHaveLength(open.length);
  });

  it('gives every fact of an unreadable repository the reason and keeps the others', async () => {
    const [denied, forbidden] = [profiles[1], profiles[2]];
    harness.sandbox.deny(denied.githubSlug!, 'NOT_FOUND');
    harness.sandbox.deny(forbidden.githubSlug!, 'FORBIDDEN');
    const source = createSource(harness.sandbox);
    try {
      const outcome = await collect(
        source,
        entitiesFor([profiles[0], denied, forbidden]),
        { now: harness.now },
      );
      const notFound = `GitHub answered 404 for ${denied.githubSlug}: repository not found or no access`;
      expect(outcome.errors).toEqual(expect.arrayContaining([notFound]));
      expect(outcome.errors).toHaveLength(2);
      const deniedFacts = outcome.facts.filter(
        f => f.entityRef === denied.entityRef,
      );
      expect(deniedFacts).toHaveLength(11);
      expect(
        deniedFacts.every(f => f.problem === notFound && f.value === null),
      ).toBe(true);
      const forbiddenFacts = outcome.facts.filter(
        f => f.entityRef === forbidden.entityRef,
      );
      expect(
        forbiddenFacts.every(f =>
          f.problem?.startsWith(
            `GitHub answered 403 for ${forbidden.githubSlug}`,
          ),
        ),
      ).toBe(true);
      expect(
        outcome.facts.filter(
          f => f.entityRef === profiles[0].entityRef && !f.problem,
        ),
      ).toHaveLength(11);
      // Access granted: the next run asks again and finds the repository.
      harness.sandbox.allow(denied.githubSlug!);
      const later = await collect(source, entitiesFor([denied]), {
        now: harness.now,
      });
      expect(later.errors).toEqual([]);
      expect(later.facts.filter(f => !f.problem)).toHaveLength(11);
    } finally {
      harness.sandbox.allow(denied.githubSlug!);
      harness.sandbox.allow(forbidden.githubSlug!);
    }
  });

  it('marks only the facts behind a refused field, and reports the refusal once', async () => {
    const [first, second] = [profiles[4], profiles[5]];
    harness.sandbox.refuseField(first.githubSlug!, 'vulnerabilityAlerts');
    harness.sandbox.refuseField(second.githubSlug!, 'vulnerabilityAlerts');
    try {
      const outcome = await collect(
        createSource(harness.sandbox),
        entitiesFor([first, second]),
        {
          now: harness.now,
        },
      );
      expect(outcome.errors).toEqual([
        `GitHub refused vulnerabilityAlerts of ${first.githubSlug}, ${second.githubSlug}: Resource not accessible by integration`,
      ]);
      const facts = factsOf(outcome, first.entityRef);
      expect(facts['github.vulnerabilityAlerts']).toEqual({
        problem: `GitHub refused vulnerabilityAlerts of ${first.githubSlug}: Resource not accessible by integration`,
      });
      expect(
        Object.values(facts).filter(
          v => v && typeof v === 'object' && 'problem' in v,
        ),
      ).toHaveLength(1);
    } finally {
      harness.sandbox.allow(first.githubSlug!);
      harness.sandbox.allow(second.githubSlug!);
    }
  });
});
