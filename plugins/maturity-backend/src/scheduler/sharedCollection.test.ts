import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import {
  mockServices,
  startTestBackend,
  type TestDatabaseId,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import knexFactory, { type Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/databases';
import { maturityPlugin } from '../plugin';
import { sourceModule } from '../__testUtils__/testBackend';

jest.setTimeout(90_000);

const databases = createTestDatabases();
const postgres = databases
  .eachSupportedId()
  .filter(([id]) => id.startsWith('POSTGRES'));

const SHARDS = 3;
const components: Entity[] = Array.from({ length: 12 }, (_, i) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: `svc-${i}`, namespace: 'default' },
  spec: { type: 'service', lifecycle: 'production', owner: 'team' },
}));

interface Run {
  backend: string;
  shard: string;
  start: number;
  end: number;
}

/** A source that records which backend collected which entities, and when. */
function recordingSource(backend: string, runs: Run[]) {
  return sourceModule(`recorder-${backend}`, {
    id: 'recorder',
    async collect({ entities }) {
      const start = Date.now();
      await new Promise(r => setTimeout(r, 300));
      runs.push({
        backend,
        shard: entities
          .map(e => e.metadata.name)
          .sort()
          .join(','),
        start,
        end: Date.now(),
      });
      return { facts: [], requests: 0, errors: [] };
    },
  });
}

function startReplica(backend: string, knex: Knex, runs: Run[]) {
  return startTestBackend({
    features: [
      maturityPlugin,
      schedulerServiceFactory,
      recordingSource(backend, runs),
      catalogServiceMock.factory({ entities: components }),
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({
        data: {
          maturity: {
            shards: SHARDS,
            schedule: {
              frequency: { seconds: 4 },
              timeout: { seconds: 30 },
              initialDelay: { milliseconds: 0 },
            },
          },
        },
      }),
    ],
  });
}

describe('collection shared by two backend replicas', () => {
  it('has PostgreSQL to run against', () => {
    expect(postgres.length).toBeGreaterThan(0);
  });

  it.each(postgres)(
    'runs every shard once per window on %s',
    async databaseId => {
      const first = await databases.init(databaseId as TestDatabaseId);
      // A second pool to the same database: two processes' worth of connections.
      const second = knexFactory(first.client.config);
      const runs: Run[] = [];
      const a = await startReplica('a', first, runs);
      const b = await startReplica('b', second, runs);
      await new Promise(r => setTimeout(r, 14_000));
      await a.stop();
      await b.stop();
      await second.destroy();

      const byShard = new Map<string, Run[]>();
      runs.forEach(r =>
        byShard.set(r.shard, [...(byShard.get(r.shard) ?? []), r]),
      );
      // Every entity is in exactly one shard, and every shard ran.
      expect(byShard.size).toBe(SHARDS);
      expect([...byShard.keys()].join(',').split(',').sort()).toEqual(
        components.map(c => c.metadata.name).sort(),
      );
      for (const [, shardRuns] of byShard) {
        shardRuns.sort((x, y) => x.start - y.start);
        expect(shardRuns.length).toBeGreaterThanOrEqual(2);
        for (let i = 1; i < shardRuns.length; i++) {
          // Never two runs of one shard at once, and never twice in one 4 s window.
          expect(shardRuns[i].start).toBeGreaterThanOrEqual(
            shardRuns[i - 1].end,
          );
          expect(
            shardRuns[i].start - shardRuns[i - 1].start,
          ).toBeGreaterThanOrEqual(3_500);
        }
      }
      // Which replica takes a shard is the scheduler's choice; what matters is that the
      // database lock never lets both take the same one in the same window (above).
    },
  );
});
