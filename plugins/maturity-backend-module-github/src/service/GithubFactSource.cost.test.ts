import {
  collect,
  createSource,
  entitiesFor,
  makeProfiles,
  startHarness,
  type Harness,
} from '../__testUtils__/sandboxHarness';

/**
 * What collecting 1,000 services costs in GitHub requests. The budget: a cold run at most
 * 0.025 requests per service, a warm run (nothing changed) at most 0.01 requests that count
 * against the rate limit per service.
 */
describe('GithubFactSource request cost', () => {
  const SERVICES = 1000;
  const profiles = makeProfiles(SERVICES, [
    'acme',
    'globex',
    'initech',
    'umbrella',
  ]);
  const entities = entitiesFor(profiles);
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness(profiles);
  });
  afterAll(() => harness.sandbox.close());

  it('stays within budget cold and warm', async () => {
    const { sandbox, now } = harness;
    // A generous timeout: the sandbox shares this process's CPU with the collector.
    const source = createSource(sandbox, { requestTimeout: { seconds: 60 } });
    const runs: Record<string, ReturnType<typeof sandbox.counts>> = {};

    const cold = await collect(source, entities, { now });
    runs.cold = sandbox.counts();
    sandbox.resetRequests();
    const warm = await collect(source, entities, {
      now: new Date(now.getTime() + 30 * 60_000),
    });
    runs.warm = sandbox.counts();
    sandbox.resetRequests();
    const warmAgain = await collect(source, entities, {
      now: new Date(now.getTime() + 60 * 60_000),
    });
    runs['warm, again'] = sandbox.counts();

    const lines = Object.entries(runs).map(([run, c]) => {
      const perService = (n: number) => (n / SERVICES).toFixed(4);
      return [
        `${run.padEnd(12)} requests ${String(c.total).padStart(3)}`,
        `(GraphQL ${c.graphql} costing ${c.graphqlPoints} points, REST ${c.rest}, 304 ${c.notModified});`,
        `counted ${c.counted} = ${perService(c.counted)} per service,`,
        `${perService(c.total)} sent per service`,
      ].join(' ');
    });
    // eslint-disable-next-line no-console
    console.log(
      `GitHub requests for ${SERVICES} services:\n${lines.join('\n')}`,
    );

    for (const outcome of [cold, warm, warmAgain]) {
      expect(outcome.errors).toEqual([]);
      expect(outcome.facts).toHaveLength(SERVICES * 11);
    }
    expect(warm.facts).toEqual(cold.facts);
    expect(runs.cold.total / SERVICES).toBeLessThanOrEqual(0.025);
    expect(runs.warm.counted / SERVICES).toBeLessThanOrEqual(0.01);
    expect(runs['warm, again'].counted).toBe(0);
  }, 180_000);
});
