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

jest.setTimeout(60_000);

/**
 * The module inside the real Maturity backend, against the sandbox: the run it records
 * and the scorecards built from its facts.
 */
describe('the GitHub module in the Maturity backend', () => {
  const profiles = makeProfiles(4);
  const unreadable = profiles[3];
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness(profiles);
    harness.sandbox.deny(unreadable.githubSlug!);
  });
  afterAll(() => harness.sandbox.close());

  it('records a partial run naming the unreadable repository, and scores the rest', async () => {
    const { server } = await startMaturityBackend(
      harness.sandbox,
      entitiesFor(profiles),
    );
    const get = (path: string) =>
      request(server)
        .get(`/api/maturity${path}`)
        .set('Authorization', mockCredentials.user.header());

    let run: any;
    for (let attempt = 0; attempt < 200 && !run?.finishedAt; attempt++) {
      const res = await get('/sources');
      run = res.body.runs?.find((r: any) => r.source === 'github');
      if (!run?.finishedAt)
        await new Promise(resolve => setTimeout(resolve, 100));
    }
    expect(run).toMatchObject({
      status: 'partial',
      entities: 4,
      requests: 1,
      error: `GitHub answered 404 for ${unreadable.githubSlug}: repository not found or no access`,
    });

    const scorecard = async (name: string) => {
      for (let attempt = 0; attempt < 100; attempt++) {
        const res = await get(`/entities/component/default/${name}`);
        if (res.status === 200 && res.body.evaluatedAt)
          return res.body as EntityScorecard;
        await new Promise(resolve => setTimeout(resolve, 100));
      }
      throw new Error(`No scorecard for ${name}`);
    };
    const denied = await scorecard(unreadable.name);
    expect(denied.checks.find(c => c.checkId === 'ci-builds')).toMatchObject({
      state: 'unknown',
      reason: `GitHub answered 404 for ${unreadable.githubSlug}: repository not found or no access`,
    });
    const readable = await scorecard(profiles[0].name);
    for (const id of [
      'ci-builds',
      'ci-green',
      'ci-quality-gates',
      'iac-in-repo',
    ]) {
      expect([id, readable.checks.find(c => c.checkId === id)?.state]).toEqual([
        id,
        profiles[0].intents[id],
      ]);
    }
  });

  it('re-observes the stored facts of an unchanged repository without reading it', async () => {
    const { server } = await startMaturityBackend(
      harness.sandbox,
      entitiesFor(profiles),
    );
    const auth = mockCredentials.user.header();
    const githubRuns = async () =>
      (
        await request(server)
          .get('/api/maturity/sources')
          .set('Authorization', auth)
      ).body.runs.filter((r: any) => r.source === 'github');
    const path = `/api/maturity/entities/component/default/${profiles[0].name}`;
    const evidenceOf = (card: EntityScorecard) =>
      card.checks.find(c => c.checkId === 'ci-builds')!.evidence[0];
    // The first scheduled cycle reads every repository; its evaluation is written a
    // moment after the sources' runs finish.
    let before: EntityScorecard | undefined;
    for (let attempt = 0; attempt < 200 && !before; attempt++) {
      const card = await request(server).get(path).set('Authorization', auth);
      if (card.status === 200 && card.body.evaluatedAt) before = card.body;
      else await new Promise(resolve => setTimeout(resolve, 100));
    }
    if (!before) throw new Error('the first cycle wrote no scorecard');

    harness.sandbox.resetRequests();
    const refreshed = await request(server)
      .post(`${path}/refresh`)
      .set('Authorization', auth);
    expect(refreshed.status).toBe(200);
    // Only the owner's repository listing: the repository is not read again...
    expect(harness.sandbox.counts()).toMatchObject({ graphql: 0, rest: 1 });
    const [run] = await githubRuns();
    expect(run).toMatchObject({ status: 'ok', entities: 1, requests: 1 });
    // ...and its facts are observed by this run, with the values stored before.
    const after = evidenceOf(refreshed.body);
    expect(after.value).toEqual(evidenceOf(before!).value);
    expect(after.observedAt! > evidenceOf(before!).observedAt!).toBe(true);
  });
});
