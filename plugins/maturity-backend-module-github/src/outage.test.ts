import { mockCredentials } from '@backstage/backend-test-utils';
import type { EntityScorecard } from '@maturity/plugin-maturity-common';
import request from 'supertest';
import {
  entitiesFor,
  makeProfiles,
  startHarness,
  type Harness,
} from './__testUtils__/sandboxHarness';
import { startMaturityBackend } from './__testUtils__/maturityBackend';

jest.setTimeout(90_000);

const STALE_AFTER_SECONDS = 3;

/**
 * A GitHub outage seen from the scorecard: the failed run is recorded with its error, the
 * last good facts stay and keep deciding checks until they are older than staleAfter, then
 * the checks turn unknown (never pass or fail on old evidence), and the next good run
 * brings everything back.
 */
describe('a GitHub outage', () => {
  const profiles = makeProfiles(2);
  const service = profiles[0];
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness(profiles);
  });
  afterAll(() => harness.sandbox.close());

  it('keeps the last facts, marks them stale after staleAfter, and recovers', async () => {
    const { server } = await startMaturityBackend(
      harness.sandbox,
      entitiesFor(profiles),
      {
        facts: { staleAfter: { seconds: STALE_AFTER_SECONDS } },
        github: { maxRetries: 0, refreshAfter: { milliseconds: 1 } },
      },
    );
    const auth = mockCredentials.user.header();
    const path = `/api/maturity/entities/component/default/${service.name}`;
    const scorecard = async () =>
      (await request(server).get(path).set('Authorization', auth))
        .body as EntityScorecard;
    const refresh = async () => {
      const res = await request(server)
        .post(`${path}/refresh`)
        .set('Authorization', auth);
      expect(res.status).toBe(200);
      return res.body as EntityScorecard;
    };
    const ciBuilds = (card: EntityScorecard) =>
      card.checks.find(c => c.checkId === 'ci-builds')!;
    const githubRuns = async () =>
      (
        await request(server)
          .get('/api/maturity/sources')
          .set('Authorization', auth)
      ).body.runs.filter(
        (r: { source: string; status: string }) => r.source === 'github',
      ) as { source: string; status: string; error?: string }[];

    // The backend's first scheduled cycle starts at once: let it finish, or it may observe
    // the facts again beside this test's refreshes (or fetch before the outage and store
    // after it).
    const deadline = Date.now() + 30_000;
    while (!(await githubRuns()).some(r => r.status !== 'running')) {
      if (Date.now() > deadline) throw new Error('the first cycle never ran');
      await new Promise(r => setTimeout(r, 50));
    }

    // A good run first.
    const good = await refresh();
    expect(ciBuilds(good).state).toBe(service.intents['ci-builds']);
    const goodEvidence = ciBuilds(good).evidence[0];
    expect(goodEvidence.stale).toBe(false);

    // GitHub answers 503 to everything: the run is recorded with the error, nothing is lost.
    harness.sandbox.faults.add({ fault: { type: 'status', status: 503 } });
    const during = await refresh();
    const [failedRun] = await githubRuns();
    expect(failedRun.status).toBe('failed');
    expect(failedRun.error).toMatch(
      /GitHub query for acme\/svc-0000 failed: Server Error/,
    );
    expect(ciBuilds(during)).toMatchObject({
      state: service.intents['ci-builds'],
    });
    expect(ciBuilds(during).evidence[0]).toEqual(goodEvidence);

    // Once the last facts are older than staleAfter, the check is unknown, not pass or fail.
    await new Promise(r => setTimeout(r, (STALE_AFTER_SECONDS + 1) * 1000));
    const stale = await refresh();
    expect(stale.stale).toBe(true);
    expect(ciBuilds(stale)).toMatchObject({
      state: 'unknown',
      reason: expect.stringMatching(/is stale: last observed/),
    });
    expect(ciBuilds(stale).evidence[0]).toMatchObject({
      value: goodEvidence.value,
      stale: true,
    });

    // GitHub is back: the next run recovers.
    harness.sandbox.faults.clear();
    const recovered = await refresh();
    expect((await githubRuns())[0].status).toBe('ok');
    expect(recovered.stale).toBe(false);
    expect(ciBuilds(recovered).state).toBe(service.intents['ci-builds']);
    expect((await scorecard()).checks.length).toBe(42);
  });
});
