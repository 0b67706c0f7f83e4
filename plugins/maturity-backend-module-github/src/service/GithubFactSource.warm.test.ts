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

describe('GithubFactSource on later runs', () => {
  const profiles = makeProfiles(30, ['acme', 'globex']);
  const entities = entitiesFor(profiles);
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness(profiles);
    // globex is a user account: its repositories are listed under /users.
    for (const repo of harness.world.repositories.values()) {
      if (repo.owner === 'globex') repo.ownerType = 'User';
    }
  });
  afterAll(() => harness.sandbox.close());

  it('reads only what was pushed to, and pays nothing when nothing changed', async () => {
    const { sandbox, now } = harness;
    const source = createSource(sandbox);
    const at = (minutes: number) => new Date(now.getTime() + minutes * MINUTE);

    const cold = await collect(source, entities, { now: at(0) });
    expect(cold.errors).toEqual([]);
    expect(sandbox.counts()).toMatchObject({ graphql: 1, rest: 0, counted: 1 });

    // First warm run: one repository listing per owner, answered in full once.
    sandbox.resetRequests();
    const warm = await collect(source, entities, { now: at(30) });
    expect(sandbox.counts()).toMatchObject({
      graphql: 0,
      rest: 2,
      notModified: 0,
    });
    expect(warm.facts).toEqual(cold.facts);
    expect(warm.requests).toBe(2);
    expect(sandbox.requests.map(r => r.path.split('?')[0]).sort()).toEqual([
      '/orgs/acme/repos',
      '/users/globex/repos',
    ]);

    // Nothing changed since: both listings answer 304, which costs no rate limit.
    sandbox.resetRequests();
    const warmAgain = await collect(source, entities, { now: at(60) });
    expect(sandbox.counts()).toMatchObject({
      graphql: 0,
      rest: 2,
      notModified: 2,
      counted: 0,
    });
    expect(warmAgain.facts).toEqual(cold.facts);
    expect(sandbox.requests.every(r => r.status === 304)).toBe(true);

    // A push to one repository: its owner's listing changes and only that repository is read.
    const pushed = profiles[3];
    pushCommit(harness.world, pushed.githubSlug!, {
      conclusion: 'FAILURE',
      at: new Date(),
    });
    sandbox.resetRequests();
    const afterPush = await collect(source, entities, { now: at(90) });
    expect(sandbox.counts()).toMatchObject({
      graphql: 1,
      rest: 2,
      notModified: 1,
    });
    const runs = factsOf(afterPush, pushed.entityRef)[
      'github.defaultBranchRuns'
    ] as {
      conclusion: string;
    }[];
    expect(runs[0].conclusion).toBe('failure');
    const others = (outcome: typeof cold) =>
      outcome.facts.filter(f => f.entityRef !== pushed.entityRef);
    expect(others(afterPush)).toEqual(others(cold));
  });

  it('re-reads repositories nobody pushed to once refreshAfter has passed', async () => {
    const { sandbox, now } = harness;
    const source = createSource(sandbox, { refreshAfter: { hours: 6 } });
    await collect(source, entities, { now });
    sandbox.resetRequests();
    await collect(source, entities, {
      now: new Date(now.getTime() + 3 * 60 * MINUTE),
    });
    expect(sandbox.counts().graphql).toBe(0);
    sandbox.resetRequests();
    await collect(source, entities, {
      now: new Date(now.getTime() + 6 * 60 * MINUTE + 1),
    });
    // Every repository is due: read again, without asking the listing first.
    expect(sandbox.counts()).toMatchObject({ graphql: 1, rest: 0 });
  });

  it('notices a push when another shard listed it first', async () => {
    const { sandbox, now } = harness;
    const source = createSource(sandbox);
    const at = (minutes: number) => new Date(now.getTime() + minutes * MINUTE);
    // The backend may split entities into shards, each collected by its own run.
    const shardA = entities.slice(0, 15);
    const shardB = entities.slice(15);
    await collect(source, shardA, { now: at(0) });
    await collect(source, shardB, { now: at(0) });
    await collect(source, shardA, { now: at(10) });

    const pushed = profiles.find(
      (p, i) => i >= 15 && p.githubSlug!.startsWith('acme/'),
    )!;
    pushCommit(harness.world, pushed.githubSlug!, { conclusion: 'FAILURE' });
    sandbox.resetRequests();
    await collect(source, shardA, { now: at(20) });
    // Shard A sees the new listing, but the push is not its repository.
    expect(sandbox.counts()).toMatchObject({ graphql: 0, notModified: 1 });

    sandbox.resetRequests();
    const outcome = await collect(source, shardB, { now: at(30) });
    // Shard B's listing is unchanged since shard A read it, yet the push is read.
    expect(sandbox.counts()).toMatchObject({ graphql: 1, notModified: 2 });
    const runs = factsOf(outcome, pushed.entityRef)[
      'github.defaultBranchRuns'
    ] as {
      conclusion: string;
    }[];
    expect(runs[0].conclusion).toBe('failure');
  });
});
