/*
 * One maturity backend in a process of its own, for twoProcesses.test.ts: the real
 * scheduler and database services on the PostgreSQL database the test names, an
 * in-memory catalog, and a `recorder` fact source that writes every run it makes (process,
 * shard, start and end) to a table of that database.
 *
 * Run with `node --require @backstage/cli/config/nodeTransform.cjs collectorProcess.ts`,
 * configured through the environment (see `TwoProcessesEnv`). Once the backend has
 * started it prints `READY <pid>`. While the control table's `hang` row names this
 * process's label, every run it starts blocks forever instead of finishing (a wedged
 * collector), so the test can kill the process with SIGKILL mid-run.
 */
import { databaseServiceFactory } from '@backstage/backend-defaults/database';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import knexFactory from 'knex';
import { maturityPlugin } from '../../plugin';
import {
  RECORDER_FACT,
  RUNS_TABLE,
  CONTROL_TABLE,
  collectorComponents,
  type TwoProcessesEnv,
} from './collectorShared';
import { sourceModule } from '../../__testUtils__/testBackend';

function env(name: keyof TwoProcessesEnv): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

async function main() {
  const label = env('COLLECTOR_LABEL');
  const connection = JSON.parse(env('COLLECTOR_DB_CONNECTION'));
  const shards = Number(env('COLLECTOR_SHARDS'));
  const [collectMin, collectMax] = env('COLLECTOR_COLLECT_MS')
    .split('-')
    .map(Number);
  const frequencyMs = Number(env('COLLECTOR_FREQUENCY_MS'));
  const timeoutMs = Number(env('COLLECTOR_TIMEOUT_MS'));

  // The recorder's own connection: what it writes must not depend on the plugin's pool.
  const recorderDb = knexFactory({
    client: 'pg',
    connection,
    pool: { min: 0, max: 3 },
  });

  const recorder = sourceModule(`recorder-${label}`, {
    id: 'recorder',
    factNames: [RECORDER_FACT],
    async collect({ entities, now }) {
      const startedAt = Date.now();
      const shard = entities
        .map(e => e.metadata.name)
        .sort()
        .join(',');
      const control = await recorderDb(CONTROL_TABLE)
        .where({ key: 'hang' })
        .first();
      const hung = control?.value === label;
      const [{ id }] = await recorderDb(RUNS_TABLE)
        .insert({
          label,
          pid: process.pid,
          shard,
          started_at: startedAt,
          source_run_started_at: now.toISOString(),
          hung,
        })
        .returning('id');
      if (hung) {
        // Wedged: ignores the abort signal and never returns, like a collector
        // stuck on a dead connection. Only SIGKILL ends it.
        await new Promise<never>(() => {});
      }
      const collectMs =
        collectMin + Math.random() * ((collectMax ?? collectMin) - collectMin);
      await new Promise(r => setTimeout(r, collectMs));
      await recorderDb(RUNS_TABLE)
        .where({ id })
        .update({ ended_at: Date.now() });
      return {
        facts: entities.map(e => ({
          entityRef: stringifyEntityRef(e),
          name: RECORDER_FACT,
          value: label,
        })),
        requests: 0,
        errors: [],
      };
    },
  });

  await startTestBackend({
    features: [
      maturityPlugin,
      recorder,
      // The real scheduler and database services: the lease, the claim and the janitor
      // that frees an expired lease are the production ones.
      schedulerServiceFactory,
      databaseServiceFactory,
      catalogServiceMock.factory({ entities: collectorComponents }),
      mockServices.rootLogger.factory({ level: 'warn' }),
      mockServices.rootConfig.factory({
        data: {
          backend: {
            database: {
              client: 'pg',
              connection,
              plugin: {
                maturity: { connection: { database: connection.database } },
              },
            },
          },
          maturity: {
            shards,
            schedule: {
              frequency: { milliseconds: frequencyMs },
              timeout: { milliseconds: timeoutMs },
              initialDelay: { milliseconds: 0 },
            },
          },
        },
      }),
    ],
  });
  // eslint-disable-next-line no-console
  console.log(`READY ${process.pid}`);
}

main().catch(error => {
  // eslint-disable-next-line no-console
  console.error(`collector process failed: ${error?.stack ?? error}`);
  process.exit(1);
});
