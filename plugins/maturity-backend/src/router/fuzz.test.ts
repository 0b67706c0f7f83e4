import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import {
  mockCredentials,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import fc from 'fast-check';
import request from 'supertest';
import { fixtureEntities } from '../__testUtils__/fixtures';
import { maturityPlugin } from '../plugin';
import { collectAtOnceConfig } from '../__testUtils__/testBackend';

jest.setTimeout(180_000);

const RUNS = 1000;
// What must never reach a caller: stack frames, file paths, SQL.
const LEAKS =
  /\bat [\w.<>]+ \(|\/work\/|node_modules|\.ts:\d+|\bselect\b.*\bfrom\b|\binsert into\b|sqlite|knex|pg_/i;

let server: any;
beforeAll(async () => {
  ({ server } = await startTestBackend({
    features: [
      maturityPlugin,
      schedulerServiceFactory,
      catalogServiceMock.factory({ entities: fixtureEntities }),
      collectAtOnceConfig(),
    ],
  }));
});

/** Strings an attacker or a broken client would send: odd characters, huge, encoded, keys of Object.prototype. */
const nasty = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    '..',
    '.',
    '%00',
    '%2e%2e',
    "'; drop table x;--",
    '$where',
    '{}',
    '[]',
    'null',
  ),
  fc.integer({ min: 300, max: 5000 }).map(n => 'x'.repeat(n)),
  fc
    .array(fc.constantFrom('a', '-', '.', '_', '/', '%', ':', ' '), {
      maxLength: 70,
    })
    .map(a => a.join('')),
);
const segment = nasty.map(s => encodeURIComponent(s));
const jsonBody = fc.oneof(
  fc.json({ depthSize: 'large' }).map(text => text),
  fc.constant('{"__proto__":{"polluted":true}}'),
  fc.constant(`${'['.repeat(5000)}${']'.repeat(5000)}`),
  fc.constant('{"a":'.repeat(3000)),
  fc
    .integer({ min: 70_000, max: 120_000 })
    .map(n => JSON.stringify({ big: 'y'.repeat(n) })),
);

/** A 4xx whose body leaks nothing, not counting what the caller sent and we echo back. */
async function expectClientError(
  res: request.Response,
  what: string,
  sent: string[] = [],
) {
  let body = typeof res.text === 'string' ? res.text : '';
  for (const value of sent.filter(v => v.length > 0))
    body = body.split(value).join('');
  if (res.status < 400 || res.status >= 500 || LEAKS.test(body)) {
    throw new Error(`${what} answered ${res.status}: ${body.slice(0, 300)}`);
  }
}

const auth = () => mockCredentials.user.header();

describe('every endpoint under malformed input', () => {
  it.each(['', '/history', '/refresh'])(
    'entities/{kind}/{namespace}/{name}%s',
    async suffix => {
      await expect(
        fc.assert(
          fc.asyncProperty(
            segment,
            segment,
            segment,
            async (kind, namespace, name) => {
              const path = `/api/maturity/entities/${kind}/${namespace}/${name}${suffix}`;
              const res = await (suffix === '/refresh'
                ? request(server).post(path)
                : request(server).get(path)
              ).set('Authorization', auth());
              // A well-formed ref of an entity that does not exist is a 404: still a client error.
              await expectClientError(
                res,
                path,
                [kind, namespace, name].map(decodeURIComponent),
              );
            },
          ),
          { numRuns: RUNS },
        ),
      ).resolves.toBeUndefined();
    },
  );

  it('groups/{namespace}/{name}', async () => {
    await expect(
      fc.assert(
        fc.asyncProperty(segment, segment, async (namespace, name) => {
          const path = `/api/maturity/groups/${namespace}/${name}`;
          await expectClientError(
            await request(server).get(path).set('Authorization', auth()),
            path,
            [decodeURIComponent(namespace), decodeURIComponent(name)],
          );
        }),
        { numRuns: RUNS },
      ),
    ).resolves.toBeUndefined();
  });

  it.each(['/rollup', '/entities/component/default/payments-api/history'])(
    'query parameters of %s',
    async base => {
      const key = fc.oneof(
        fc.constantFrom(
          'root',
          'lifecycle',
          'system',
          'tier',
          'days',
          '__proto__',
          'constructor',
        ),
        fc.string({ maxLength: 10 }),
      );
      await expect(
        fc.assert(
          fc.asyncProperty(
            fc.array(fc.tuple(key, nasty), { minLength: 1, maxLength: 4 }),
            async pairs => {
              const query = pairs
                .map(
                  ([k, v]) =>
                    `${encodeURIComponent(k)}=${encodeURIComponent(v)}`,
                )
                .join('&');
              const res = await request(server)
                .get(`/api/maturity${base}?${query}`)
                .set('Authorization', auth());
              // A valid filter that matches nothing answers 200 with empty figures; all else is a 400.
              if (res.status === 200) return;
              await expectClientError(res, `${base}?${query}`, pairs.flat());
            },
          ),
          { numRuns: RUNS },
        ),
      ).resolves.toBeUndefined();
    },
  );

  it('bodies sent to refresh', async () => {
    await expect(
      fc.assert(
        fc.asyncProperty(jsonBody, async body => {
          const res = await request(server)
            .post(
              '/api/maturity/entities/component/default/no-such-service/refresh',
            )
            .set('Authorization', auth())
            .set('Content-Type', 'application/json')
            .send(body);
          await expectClientError(
            res,
            `refresh with a ${body.length}-byte body`,
          );
          expect(({} as any).polluted).toBeUndefined();
        }),
        { numRuns: RUNS },
      ),
    ).resolves.toBeUndefined();
  });
});
