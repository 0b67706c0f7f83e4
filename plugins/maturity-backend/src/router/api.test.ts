import { createServiceFactory } from '@backstage/backend-plugin-api';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { fixtureEntities } from '../__testUtils__/fixtures';
import { maturityPlugin } from '../plugin';
import { listRoutes } from '../__testUtils__/listRoutes';
import { collectAtOnceConfig } from '../__testUtils__/testBackend';

jest.setTimeout(60_000);

const RESTRICTED = 'user:default/restricted';
const HIDDEN = 'component:default/ops-scripts';
const asUser = (ref = 'user:default/ada') => mockCredentials.user.header(ref);

/**
 * A catalog whose read policy hides ops-scripts from the restricted user, the way a
 * conditional catalog permission policy would.
 */
function policyAwareCatalog() {
  const inner = catalogServiceMock({ entities: fixtureEntities });
  const hides = (credentials: any) =>
    credentials?.principal?.userEntityRef === RESTRICTED;
  return createServiceFactory({
    service: catalogServiceRef,
    deps: {},
    factory: () => ({
      ...inner,
      getEntityByRef: async (ref: any, options: any) =>
        hides(options?.credentials) && String(ref).toLowerCase() === HIDDEN
          ? undefined
          : inner.getEntityByRef(ref, options),
      queryEntities: async (req: any, options: any) => {
        const page = await inner.queryEntities(req, options);
        if (!hides(options?.credentials)) return page;
        return {
          ...page,
          items: page.items.filter(e => e.metadata.name !== 'ops-scripts'),
        };
      },
      getEntitiesByRefs: inner.getEntitiesByRefs.bind(inner),
    }),
  });
}

const permissions = mockServices.permissions.mock({
  authorize: async (requests: any[], options: any) =>
    requests.map(({ permission }) => ({
      result:
        permission.name === 'maturity.entity.refresh' &&
        options.credentials.principal.userEntityRef === RESTRICTED
          ? AuthorizeResult.DENY
          : AuthorizeResult.ALLOW,
    })),
  authorizeConditional: async (requests: any[], options: any) =>
    requests.map(() =>
      options.credentials.principal.userEntityRef === RESTRICTED
        ? {
            result: AuthorizeResult.CONDITIONAL,
            pluginId: 'catalog',
            resourceType: 'catalog-entity',
            conditions: {
              rule: 'IS_ENTITY_OWNER',
              resourceType: 'catalog-entity',
              params: {},
            },
          }
        : { result: AuthorizeResult.ALLOW },
    ),
} as any);

let server: any;
beforeAll(async () => {
  ({ server } = await startTestBackend({
    features: [
      maturityPlugin,
      schedulerServiceFactory,
      policyAwareCatalog(),
      permissions.factory,
      collectAtOnceConfig(),
    ],
  }));
  for (let i = 0; i < 100; i++) {
    const res = await request(server)
      .get('/api/maturity/rollup')
      .set('Authorization', asUser());
    if (res.status === 200 && res.body.org.services === 3) return;
    await new Promise(r => setTimeout(r, 100));
  }
  throw new Error('no rollup after start-up');
});

const get = (path: string, user?: string) =>
  request(server)
    .get(`/api/maturity${path}`)
    .set('Authorization', asUser(user));

describe('maturity API', () => {
  it('rolls the org up over every service for a caller who may see all', async () => {
    const res = await get('/rollup');
    expect(res.status).toBe(200);
    expect(res.body.org).toMatchObject({ services: 3 });
    const payments = res.body.groups.find(
      (g: any) => g.groupRef === 'group:default/payments',
    );
    expect(payments.figures).toMatchObject({ services: 1, assessed: 1 });
    expect(payments.trend).toEqual({ days: 7, previousLevel: null });
  });

  it('tags the whole-org rollup, and answers an unchanged one with 304', async () => {
    const first = await get('/rollup');
    const etag = first.headers.etag;
    expect(etag).toMatch(/^W\/"[0-9a-f]+-[\w-]+"$/);
    expect((await get('/rollup')).headers.etag).toBe(etag);
    const again = await request(server)
      .get('/api/maturity/rollup')
      .set('Authorization', asUser())
      .set('If-None-Match', etag);
    expect(again.status).toBe(304);
    // What one caller may see is a different answer with a different tag.
    expect((await get('/rollup', RESTRICTED)).headers.etag).not.toBe(etag);
  });

  it('serves the cached whole-org rollup gzipped to callers that accept it', async () => {
    const plain = await get('/rollup').set('Accept-Encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    const zipped = await get('/rollup').set('Accept-Encoding', 'gzip, br');
    expect(zipped.status).toBe(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers['content-type']).toMatch(/^application\/json/);
    expect(zipped.headers.vary).toMatch(/Accept-Encoding/);
    expect(zipped.headers.etag).toBe(plain.headers.etag);
    // supertest inflates the body: the same answer either way.
    expect(zipped.body).toEqual(plain.body);
  });

  it('serves a scorecard from its cache gzipped or plain, and the new one after a refresh', async () => {
    const path = '/entities/component/default/payments-api';
    const zipped = await get(path).set('Accept-Encoding', 'gzip');
    expect(zipped.status).toBe(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    const plain = await get(path).set('Accept-Encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.etag).toBe(zipped.headers.etag);
    expect(plain.body).toEqual(zipped.body);
    expect(plain.body.checks.length).toBeGreaterThan(0);

    const refreshed = await request(server)
      .post(`/api/maturity${path}/refresh`)
      .set('Authorization', asUser());
    expect(refreshed.body.evaluatedAt).not.toBe(plain.body.evaluatedAt);
    const after = await get(path).set('Accept-Encoding', 'gzip');
    expect(after.body.evaluatedAt).toBe(refreshed.body.evaluatedAt);
    expect(after.headers.etag).not.toBe(zipped.headers.etag);
  });

  it('never counts, returns or exports an entity the caller may not see', async () => {
    const rollup = await get('/rollup', RESTRICTED);
    expect(rollup.body.org.services).toBe(2);
    const solo = rollup.body.groups.find(
      (g: any) => g.groupRef === 'group:default/solo',
    );
    expect(solo.trend).toBeNull();
    expect(
      (await get('/entities/component/default/ops-scripts', RESTRICTED)).status,
    ).toBe(404);
    expect(
      (await get('/entities/component/default/ops-scripts/history', RESTRICTED))
        .status,
    ).toBe(404);
    const csv = await get('/export.csv', RESTRICTED);
    expect(csv.text).not.toMatch(/ops-scripts/);
    expect((await get('/export.csv')).text).toMatch(/ops-scripts/);
  });

  it('filters the rollup by lifecycle, system and tier, and scopes it to a root', async () => {
    expect(
      (await get('/rollup?lifecycle=experimental')).body.org.services,
    ).toBe(1);
    expect(
      (await get('/rollup?system=payments-platform')).body.org.services,
    ).toBe(1);
    expect((await get('/rollup?tier=tier-1')).body.org.services).toBe(0);
    const scoped = await get('/rollup?root=group:default/payments');
    expect(scoped.body.groups.map((g: any) => g.groupRef)).toEqual([
      'group:default/payments',
    ]);
    expect(scoped.body.org.services).toBe(1);
  });

  it.each`
    path                                                         | message
    ${'/rollup?lifecycle=not%20a%20name'}                        | ${/'lifecycle'/}
    ${'/rollup?root=group:default/'}                             | ${/'root'/}
    ${'/rollup?colour=blue'}                                     | ${/Unknown query parameter 'colour'/}
    ${'/rollup?tier=a&tier=b'}                                   | ${/'tier': must be given once/}
    ${'/entities/component/default/payments-api/history?days=0'} | ${/'days'/}
    ${'/groups/default/bad%20name'}                              | ${/'name'/}
  `('answers 400 naming the parameter for $path', async ({ path, message }) => {
    const res = await get(path);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });

  it('counts failing services per check in the rubric, over what the caller may see', async () => {
    const all = await get('/rubric');
    const repoLinked = all.body.checks.find((c: any) => c.id === 'repo-linked');
    expect(repoLinked).toMatchObject({ failing: 1, level: 1, required: true });
    const restricted = await get('/rubric', RESTRICTED);
    expect(
      restricted.body.checks.find((c: any) => c.id === 'repo-linked').failing,
    ).toBe(0);
  });

  it('shows a team with its services, weakest first, and who holds it back', async () => {
    const res = await get('/groups/default/payments');
    expect(res.status).toBe(200);
    expect(res.body.services.map((s: any) => s.entityRef)).toEqual([
      'component:default/payments-api',
    ]);
    expect(res.body.services[0].title).toBe('Payments API');
    expect(res.body.holdingBack).toEqual(['component:default/payments-api']);
    expect((await get('/groups/default/nobody')).status).toBe(404);
  });

  it('exports one CSV row per service with its failing checks', async () => {
    const res = await get('/export.csv');
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const lines = res.text.trim().split('\r\n');
    expect(lines[0]).toMatch(
      /^entity_ref,title,owner,lifecycle,system,tier,level,/,
    );
    expect(lines).toHaveLength(4);
    const experimental = (await get('/export.csv?lifecycle=experimental')).text
      .trim()
      .split('\r\n');
    expect(experimental).toHaveLength(2);
    expect((await get('/export.csv?colour=red')).status).toBe(400);
    const ops = lines.find(l => l.startsWith(HIDDEN))!;
    expect(ops).toMatch(/repo-linked/);
  });

  it('refreshes an entity for a caller with the refresh permission only', async () => {
    const denied = await request(server)
      .post('/api/maturity/entities/component/default/payments-api/refresh')
      .set('Authorization', asUser(RESTRICTED));
    expect(denied.status).toBe(403);
    const allowed = await request(server)
      .post('/api/maturity/entities/component/default/payments-api/refresh')
      .set('Authorization', asUser());
    expect(allowed.status).toBe(200);
    expect(allowed.body.entityRef).toBe('component:default/payments-api');
    const sources = await get('/sources');
    expect(sources.body.runs[0]).toMatchObject({
      source: 'catalog',
      entities: 1,
    });
  });

  it('keeps a history with daily snapshots', async () => {
    const res = await get('/entities/component/default/payments-api/history');
    expect(res.status).toBe(200);
    expect(res.body.snapshots).toHaveLength(1);
    expect(res.body.snapshots[0].day).toBe(
      new Date().toISOString().slice(0, 10),
    );
  });

  it('answers 401 without credentials and with a bad token on every route', async () => {
    const routes = await listRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(8);
    for (const route of routes) {
      const [method, path] = route.split(' ');
      const url = `/api/maturity${path
        .replace('{kind}', 'component')
        .replace('{namespace}', 'default')
        .replace('{name}', 'payments-api')}`;
      for (const header of [
        mockCredentials.none.header(),
        'Bearer not-a-token',
      ]) {
        const res = await (request(server) as any)
          [method.toLowerCase()](url)
          .set('Authorization', header);
        expect({ route, header, status: res.status }).toEqual({
          route,
          header,
          status: 401,
        });
        expect(JSON.stringify(res.body)).not.toMatch(/\.ts:\d+|at .*\(/);
      }
    }
  });
});
