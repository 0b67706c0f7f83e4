import {
  coreServices,
  createServiceFactory,
  type LoggerService,
} from '@backstage/backend-plugin-api';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { loadConfigSchema } from '@backstage/config-loader';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
// Only tests run the module inside the real backend plugin; module code never imports it.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import maturityPlugin from '@maturity/plugin-maturity-backend';
import { buildGithubWorld, startGithubSandbox } from '@maturity/sandbox';
import request from 'supertest';
import { entitiesFor, makeProfiles } from './__testUtils__/sandboxHarness';
import maturityModuleGithub from './index';

jest.setTimeout(90_000);

const CANARY = 'canary-7f3a9c1e5b2d4680';
const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

/** A root logger that keeps every line and its metadata, children included. */
function capturingLogger(lines: string[]): LoggerService {
  const make = (meta: object): LoggerService => {
    const log = (message: string, extra?: unknown) =>
      lines.push(
        JSON.stringify({
          message,
          meta,
          extra:
            extra instanceof Error
              ? { message: extra.message, stack: extra.stack }
              : extra,
        }),
      );
    return {
      error: log,
      warn: log,
      info: log,
      debug: log,
      child: more => make({ ...meta, ...more }),
    };
  };
  return make({});
}

describe('a secret in config', () => {
  it('never reaches responses, logs, the database or the frontend config', async () => {
    const profiles = makeProfiles(3);
    const sandbox = await startGithubSandbox({
      world: buildGithubWorld(profiles, 42),
      token: CANARY,
    });
    sandbox.deny(profiles[2].githubSlug!);
    const knex = await databases.init('SQLITE_3');
    const lines: string[] = [];
    const config = {
      integrations: {
        github: [
          { host: 'github.com', apiBaseUrl: sandbox.apiBaseUrl, token: CANARY },
        ],
      },
      maturity: {
        schedule: {
          frequency: { hours: 1 },
          timeout: { minutes: 1 },
          initialDelay: { milliseconds: 0 },
        },
      },
    };
    try {
      const { server } = await startTestBackend({
        features: [
          maturityPlugin,
          maturityModuleGithub,
          schedulerServiceFactory,
          catalogServiceMock.factory({ entities: entitiesFor(profiles) }),
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({ data: config }),
          createServiceFactory({
            service: coreServices.rootLogger,
            deps: {},
            factory: () => capturingLogger(lines) as any,
          }),
        ],
      });
      const get = (path: string) =>
        request(server)
          .get(`/api/maturity${path}`)
          .set('Authorization', mockCredentials.user.header());
      const name = profiles[0].name;
      let sources = await get('/sources');
      for (
        let i = 0;
        i < 200 &&
        !sources.body.runs.some(
          (r: any) => r.source === 'github' && r.finishedAt,
        );
        i++
      ) {
        await new Promise(r => setTimeout(r, 100));
        sources = await get('/sources');
      }
      // The run happened, with an error (the denied repository) that could have carried it.
      expect(
        sources.body.runs.find((r: any) => r.source === 'github'),
      ).toMatchObject({ status: 'partial' });
      await request(server)
        .post(`/api/maturity/entities/component/default/${name}/refresh`)
        .set('Authorization', mockCredentials.user.header());

      const bodies = await Promise.all(
        [
          '/rubric',
          '/sources',
          '/rollup',
          '/export.csv',
          `/entities/component/default/${name}`,
          `/entities/component/default/${name}/history`,
          `/entities/component/default/${profiles[2].name}`,
        ].map(async path => (await get(path)).text),
      );
      expect(bodies.join('\n')).not.toContain(CANARY);
      expect(lines.length).toBeGreaterThan(5);
      expect(lines.join('\n')).not.toContain(CANARY);

      const tables: { name: string }[] = await knex('sqlite_master')
        .where({ type: 'table' })
        .select('name');
      expect(tables.length).toBeGreaterThan(5);
      for (const { name: table } of tables) {
        const rows = await knex(table).select();
        expect([table, JSON.stringify(rows).includes(CANARY)]).toEqual([
          table,
          false,
        ]);
      }

      // What the app-backend would hand the browser: the config filtered to frontend visibility.
      const schema = await loadConfigSchema({
        dependencies: [
          '@maturity/plugin-maturity-backend',
          '@maturity/plugin-maturity-backend-module-github',
          '@maturity/plugin-maturity-backend-module-kubernetes',
          '@backstage/integration',
        ],
      });
      const frontend = schema.process([{ data: config, context: 'test' }], {
        visibility: ['frontend'],
        ignoreSchemaErrors: true,
      });
      expect(JSON.stringify(frontend)).not.toContain(CANARY);
      // And the filter is real: the same config, unfiltered, does hold the canary.
      expect(
        JSON.stringify(
          schema.process([{ data: config, context: 'test' }], {
            ignoreSchemaErrors: true,
          }),
        ),
      ).toContain(CANARY);
    } finally {
      await sandbox.close();
    }
  });
});
