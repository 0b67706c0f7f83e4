import { mockServices } from '@backstage/backend-test-utils';
import type { GithubFaultRule } from '@maturity/sandbox';
import {
  collect,
  createSource,
  entitiesFor,
  makeProfiles,
  startHarness,
  type Harness,
} from '../__testUtils__/sandboxHarness';

/**
 * Every fault GitHub can show, against the real client stack over loopback. The backend
 * records a run with errors as `partial` when some facts came back and `failed` when none
 * did; these tests check what the source hands it: the error, and no invented facts.
 */
// Real HTTP to a sandbox in the same process, and Octokit paces GraphQL at one query a second.
jest.setTimeout(30_000);

describe('GithubFactSource when GitHub misbehaves', () => {
  // 6 repositories in batches of 3: two GraphQL queries, so one can fail alone.
  const profiles = makeProfiles(6);
  const entities = entitiesFor(profiles);
  const firstBatch = new Set(profiles.slice(0, 3).map(p => p.entityRef));
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness(profiles);
  });
  afterAll(() => harness.sandbox.close());
  beforeEach(() => {
    harness.sandbox.faults.clear();
    harness.sandbox.resetRequests();
    harness.sandbox.setLatency({ rest: 0, graphql: 0 });
  });

  const source = (github: Record<string, any> = {}) =>
    createSource(harness.sandbox, { batchSize: 3, concurrency: 1, ...github });
  const fault = (rule: GithubFaultRule) => harness.sandbox.faults.add(rule);
  const graphqlTimes = () =>
    harness.sandbox.requests
      .filter(r => r.kind === 'graphql')
      .map(r => r.receivedAt);
  const entitiesWithFacts = (outcome: { facts: { entityRef: string }[] }) =>
    new Set(outcome.facts.map(f => f.entityRef));

  it('records a persistent server error for its batch and keeps the other batch (partial)', async () => {
    fault({
      kind: 'graphql',
      fault: { type: 'status', status: 502 },
      times: 2,
    });
    const outcome = await collect(source({ maxRetries: 1 }), entities, {
      now: harness.now,
    });
    expect(outcome.errors).toEqual([
      expect.stringMatching(
        /^GitHub query for .*acme\/svc-0000.* failed: Server Error/,
      ),
    ]);
    // Nothing invented for the failed batch; the other batch is complete.
    expect(
      [...entitiesWithFacts(outcome)].some(ref => firstBatch.has(ref)),
    ).toBe(false);
    expect(outcome.facts).toHaveLength(3 * 11);
    // The failed query was tried twice, the other once.
    expect(graphqlTimes()).toHaveLength(3);
    expect(outcome.requests).toBe(3);
  });

  it('retries a passing server error and loses nothing', async () => {
    fault({
      kind: 'graphql',
      fault: { type: 'status', status: 503 },
      times: 1,
    });
    const outcome = await collect(source(), entities, { now: harness.now });
    expect(outcome.errors).toEqual([]);
    expect(outcome.facts).toHaveLength(6 * 11);
  });

  it('waits out a secondary rate limit before sending anything else', async () => {
    fault({
      kind: 'graphql',
      fault: { type: 'secondaryRateLimit', retryAfterSeconds: 2 },
      times: 1,
    });
    const logger = mockServices.logger.mock();
    const outcome = await collect(source(), entities, {
      now: harness.now,
      logger,
    });
    // The wait is logged, and no log line carries the token.
    const logged = JSON.stringify([
      logger.warn.mock.calls,
      logger.info.mock.calls,
    ]);
    expect(logged).toContain('secondary rate limit');
    expect(logged).not.toContain(harness.sandbox.token);
    expect(outcome.errors).toEqual([]);
    expect(outcome.facts).toHaveLength(6 * 11);
    const [refused, ...later] = graphqlTimes();
    expect(later).toHaveLength(2);
    for (const at of later) expect(at - refused).toBeGreaterThanOrEqual(2000);
  });

  it('honours Retry-After on a 429 across concurrent batches', async () => {
    fault({
      kind: 'graphql',
      fault: { type: 'status', status: 429, retryAfterSeconds: 2 },
      times: 1,
    });
    const outcome = await collect(source({ concurrency: 2 }), entities, {
      now: harness.now,
    });
    expect(outcome.errors).toEqual([]);
    const times = graphqlTimes().sort((a, b) => a - b);
    const refusedAt = harness.sandbox.requests.find(
      r => r.status === 429,
    )!.receivedAt;
    for (const at of times.filter(t => t > refusedAt)) {
      expect(at - refusedAt).toBeGreaterThanOrEqual(2000);
    }
  });

  it('waits for the reset when the primary rate limit is used up', async () => {
    fault({
      kind: 'graphql',
      fault: { type: 'primaryRateLimit', resetInSeconds: 1 },
      times: 1,
    });
    const outcome = await collect(source(), entities, { now: harness.now });
    expect(outcome.errors).toEqual([]);
    const refused = harness.sandbox.requests.find(r => r.status === 403)!;
    const next = graphqlTimes().filter(t => t > refused.receivedAt);
    expect(next.length).toBeGreaterThan(0);
    // The reset is a whole second; the client waits until after it.
    for (const at of next)
      expect(at - refused.receivedAt).toBeGreaterThanOrEqual(1000);
  }, 15_000);

  it('gives up on a Retry-After longer than a run may wait, without asking again (failed)', async () => {
    fault({
      kind: 'graphql',
      fault: { type: 'secondaryRateLimit', retryAfterSeconds: 600 },
    });
    const outcome = await collect(
      source({ maxRetryAfter: { seconds: 60 } }),
      entities,
      {
        now: harness.now,
      },
    );
    expect(outcome.facts).toEqual([]);
    expect(outcome.errors).toEqual([
      expect.stringMatching(/failed: You have exceeded a secondary rate limit/),
      expect.stringMatching(/failed: GitHub asked to wait \d+ s/),
    ]);
    // One refused request; the second batch was not sent into the wait.
    expect(harness.sandbox.requests).toHaveLength(1);
  });

  it('times out a hung request and retries it', async () => {
    fault({ kind: 'graphql', fault: { type: 'hang' }, times: 1 });
    const outcome = await collect(
      source({ requestTimeout: { milliseconds: 300 } }),
      entities,
      {
        now: harness.now,
      },
    );
    expect(outcome.errors).toEqual([]);
    expect(outcome.facts).toHaveLength(6 * 11);
    expect(graphqlTimes()).toHaveLength(3);
  });

  it('records a request that never answers (failed)', async () => {
    fault({ kind: 'graphql', fault: { type: 'hang' } });
    const outcome = await collect(
      source({ requestTimeout: { milliseconds: 200 }, maxRetries: 0 }),
      entities,
      { now: harness.now },
    );
    expect(outcome.facts).toEqual([]);
    expect(outcome.errors).toHaveLength(2);
    expect(outcome.errors[0]).toMatch(/failed: .*(timeout|aborted)/i);
  });

  it('records a malformed answer without inventing facts (partial)', async () => {
    fault({ kind: 'graphql', fault: { type: 'malformed' }, times: 1 });
    const outcome = await collect(source({ maxRetries: 0 }), entities, {
      now: harness.now,
    });
    expect(outcome.errors).toHaveLength(1);
    expect(outcome.errors[0]).toMatch(
      /^GitHub query for .* failed: .* is not valid JSON$/,
    );
    expect(outcome.facts).toHaveLength(3 * 11);
  });

  it('records bad credentials (failed)', async () => {
    const outcome = await collect(
      createSource(harness.sandbox, {}, 'not-the-token'),
      entities,
      { now: harness.now },
    );
    expect(outcome.facts).toEqual([]);
    expect(outcome.errors).toEqual([
      expect.stringContaining('Bad credentials'),
    ]);
    expect(outcome.errors.join()).not.toContain('not-the-token');
  });

  it('treats a failed push probe as "read everything again"', async () => {
    const probing = source({ maxRetries: 1 });
    await collect(probing, entities, { now: harness.now });
    fault({ kind: 'rest', fault: { type: 'status', status: 500 } });
    harness.sandbox.resetRequests();
    const outcome = await collect(probing, entities, { now: harness.now });
    expect(outcome.errors).toEqual([]);
    expect(outcome.facts).toHaveLength(6 * 11);
    expect(graphqlTimes()).toHaveLength(2);
  }, 15_000);

  it('stops when the run is aborted', async () => {
    harness.sandbox.setLatency({ graphql: 5000 });
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 200);
    await expect(
      collect(source(), entities, {
        now: harness.now,
        signal: controller.signal,
      }),
    ).rejects.toThrow(/abort/i);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
