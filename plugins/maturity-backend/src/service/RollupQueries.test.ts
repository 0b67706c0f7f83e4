import type { TestDatabaseId } from '@backstage/backend-test-utils';
import { createTestDatabases } from '../__testUtils__/databases';
import { storedEvaluation } from '../__testUtils__/evaluations';
import { DEFAULT_ROLLUP } from '../config/readMaturityConfig';
import { DatabaseMaturityStore } from '../database/DatabaseMaturityStore';
import { DatabaseRollupStore } from '../database/DatabaseRollupStore';
import { RollupQueries } from './RollupQueries';
import { RollupService } from './RollupService';
import { RollupVersion } from './RollupVersion';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'RollupQueries on %s',
  databaseId => {
    async function setup() {
      const knex = await databases.init(databaseId as TestDatabaseId);
      const database = { getClient: async () => knex };
      const store = await DatabaseMaturityStore.create({ database });
      const rollupStore = await DatabaseRollupStore.create({ database });
      await rollupStore.replaceGroups([
        {
          groupRef: 'group:default/team',
          parentRef: null,
          title: null,
          type: 'team',
        },
      ]);
      // Enough placements for listing them to take several pages, so a computation yields.
      await store.writeEvaluations(
        Array.from({ length: 4_100 }, (_, i) =>
          storedEvaluation(`component:default/svc-${i}`, 1),
        ),
      );
      const version = new RollupVersion(rollupStore);
      const rollups = new RollupService(
        store,
        rollupStore,
        DEFAULT_ROLLUP,
        version,
      );
      await rollups.recompute();
      const queries = new RollupQueries(
        store,
        rollupStore,
        rollups,
        DEFAULT_ROLLUP,
        version,
      );
      return { store, queries };
    }

    it('computes the whole-org rollup once for callers that miss the cache together', async () => {
      const { store, queries } = await setup();
      const listed = jest.spyOn(store, 'listPlacements');
      const request = { visible: 'all' as const, filters: {} };

      const answers = await Promise.all(
        Array.from({ length: 10 }, () => queries.orgRollup(request)),
      );

      expect(listed).toHaveBeenCalledTimes(1);
      expect(new Set(answers).size).toBe(1);
      expect(answers[0].org.services).toBe(4_100);
      // And later callers are served the same answer without computing.
      expect(await queries.orgRollup(request)).toBe(answers[0]);
      expect(listed).toHaveBeenCalledTimes(1);
    });

    it('computes the whole-org rollup again when the UTC day turns, or the clock goes back', async () => {
      const { store, queries } = await setup();
      const listed = jest.spyOn(store, 'listPlacements');
      const request = { visible: 'all' as const, filters: {} };
      const at = (iso: string) =>
        jest.spyOn(Date, 'now').mockReturnValue(Date.parse(iso));
      try {
        at('2026-12-06T23:59:59.999Z');
        const late = await queries.orgRollup(request);
        expect(await queries.orgRollup(request)).toBe(late);
        at('2026-12-07T00:00:00.000Z');
        const nextDay = await queries.orgRollup(request);
        expect(nextDay).not.toBe(late);
        at('2026-12-07T23:00:00.000Z');
        expect(await queries.orgRollup(request)).toBe(nextDay);
        at('2026-12-06T12:00:00.000Z');
        expect(await queries.orgRollup(request)).not.toBe(nextDay);
        expect(listed).toHaveBeenCalledTimes(3);
      } finally {
        jest.restoreAllMocks();
      }
    });
  },
);
