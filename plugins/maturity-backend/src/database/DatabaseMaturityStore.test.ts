import type { TestDatabaseId } from '@backstage/backend-test-utils';
import type { Knex } from 'knex';
import type { CheckResult, Fact } from '@maturity/plugin-maturity-common';
import { countLoopTurns } from '../__testUtils__/countLoopTurns';
import { createTestDatabases } from '../__testUtils__/databases';
import { rollupServices } from '@maturity/plugin-maturity-common';
import { DatabaseMaturityStore } from './DatabaseMaturityStore';
import { DatabaseRollupStore } from './DatabaseRollupStore';
import { valueText } from './rows';
import { unpackFacts } from '../evaluation/factPack';
import { storedEvaluation as evaluation } from '../__testUtils__/evaluations';

jest.setTimeout(60_000);

const databases = createTestDatabases();

function fact(entityRef: string, name: string, value: Fact['value']): Fact {
  return {
    entityRef,
    name,
    value,
    source: 'catalog',
    observedAt: '2026-11-21T10:00:00.000Z',
    runId: 'r1',
  };
}

const pass = (checkId: string): CheckResult => ({
  checkId,
  state: 'pass',
  reason: 'ok',
  evidence: [],
});

describe.each(databases.eachSupportedId())(
  'DatabaseMaturityStore on %s',
  databaseId => {
    let knex: Knex;
    let store: DatabaseMaturityStore;

    beforeEach(async () => {
      knex = await databases.init(databaseId as TestDatabaseId);
      store = await DatabaseMaturityStore.create({
        database: { getClient: async () => knex },
      });
    });

    it('lists every placement once across pages, letting the event loop turn between them', async () => {
      const refs = Array.from(
        { length: 4_100 },
        (_, i) => `component:default/svc-${i}`,
      );
      await store.writeEvaluations(
        refs.map(ref => evaluation(ref, 1, [pass('owner-defined')])),
      );
      const { result: listed, turns } = await countLoopTurns(() =>
        store.listPlacements(),
      );
      expect(listed.map(p => p.entityRef).sort()).toEqual([...refs].sort());
      // Three pages of 2,000: the loop turned between them (SQLite's synchronous queries
      // would not have let it turn once otherwise).
      expect(turns).toBeGreaterThanOrEqual(2);
    });

    it('reads facts packed one string per entity, as the evaluation worker takes them', async () => {
      await store.upsertFacts([
        fact('component:default/a', 'catalog.owner', 'group:default/t'),
        fact('component:default/a', 'catalog.title', 'Zürich → 東京 \u0000 🚀'),
        {
          ...fact('component:default/a', 'github.files', null),
          problem: 'HTTP 403',
        },
        fact('component:default/b', 'catalog.owner', 'group:default/u'),
      ]);
      const refs = ['component:default/a', 'component:default/b'];
      if (databaseId === 'SQLITE_3') {
        // A name holding the separator (PostgreSQL refuses it in text): SQLite cannot
        // join this entity's facts, which are packed from its rows instead.
        await store.upsertFacts([
          fact('component:default/odd', 'catalog.odd\u0000name', 1),
        ]);
        refs.push('component:default/odd');
      }
      const packed = await store.readPackedFacts([
        ...refs,
        'component:default/none',
      ]);
      expect([...packed.keys()].sort()).toEqual(refs);
      const stored = await store.readFacts(refs);
      for (const [ref, text] of packed) {
        // Which run observed a fact plays no part in evaluating it.
        const unpacked = unpackFacts(ref, text)
          .map(f => ({ ...f, run_id: null }))
          .sort((x, y) => x.name.localeCompare(y.name));
        const expected = [...stored.get(ref)!.values()]
          .map(f => ({
            entity_ref: ref,
            name: f.name,
            source: f.source,
            observed_at: f.observedAt,
            problem: f.problem ?? null,
            value: valueText(f),
            run_id: null,
          }))
          .sort((x, y) => x.name.localeCompare(y.name));
        expect(unpacked).toEqual(expected);
      }
      expect(
        unpackFacts(
          'component:default/a',
          packed.get('component:default/a')!,
        ).map(f => JSON.parse(f.value)),
      ).toEqual(
        expect.arrayContaining([
          'group:default/t',
          'Zürich → 東京 \u0000 🚀',
          null,
        ]),
      );
    });

    it('re-observes unchanged facts and rewrites changed ones, problems included', async () => {
      const later = { observedAt: '2026-11-21T11:00:00.000Z', runId: 'r2' };
      await store.upsertFacts([
        fact('component:default/a', 'catalog.owner', 'group:default/t'),
        fact('component:default/a', 'catalog.tags', ['java']),
        {
          ...fact('component:default/a', 'github.files', null),
          problem: '403',
        },
      ]);
      await store.upsertFacts([
        {
          ...fact('component:default/a', 'catalog.owner', 'group:default/t'),
          ...later,
        },
        { ...fact('component:default/a', 'catalog.tags', ['go']), ...later },
        { ...fact('component:default/a', 'github.files', ['a.yml']), ...later },
      ]);
      const facts = (await store.readFacts(['component:default/a'])).get(
        'component:default/a',
      )!;
      expect(facts.get('catalog.owner')).toEqual({
        ...fact('component:default/a', 'catalog.owner', 'group:default/t'),
        ...later,
      });
      expect(facts.get('catalog.tags')).toMatchObject({
        value: ['go'],
        ...later,
      });
      expect(facts.get('github.files')).toEqual({
        ...fact('component:default/a', 'github.files', ['a.yml']),
        ...later,
      });
    });

    it("re-observes a source's facts of the given entities and answers those without any", async () => {
      const later = { observedAt: '2026-11-21T11:00:00.000Z', runId: 'r2' };
      const github = (entityRef: string, name: string): Fact => ({
        ...fact(entityRef, name, 1),
        source: 'github',
      });
      // More entities than one batch of the query, so every batch is looked at.
      const refs = Array.from(
        { length: 1_200 },
        (_, i) => `component:default/svc-${i}`,
      );
      await store.upsertFacts([
        ...refs.flatMap(ref => [
          github(ref, 'github.files'),
          { ...github(ref, 'github.runs'), problem: 'refused' },
        ]),
        fact(refs[0], 'catalog.owner', 'group:default/t'),
        // Only another source's facts: missing for github.
        fact('component:default/catalog-only', 'catalog.owner', 'x'),
      ]);

      const missing = await store.reobserveFacts(
        'github',
        [...refs, 'component:default/catalog-only', 'component:default/new'],
        later,
      );
      expect(missing).toEqual([
        'component:default/catalog-only',
        'component:default/new',
      ]);
      const facts = await store.readFacts([
        refs[0],
        refs[1_199],
        'component:default/catalog-only',
      ]);
      // Every github fact is observed again, values and problems untouched.
      for (const ref of [refs[0], refs[1_199]]) {
        expect(facts.get(ref)?.get('github.files')).toEqual({
          ...github(ref, 'github.files'),
          ...later,
        });
        expect(facts.get(ref)?.get('github.runs')).toEqual({
          ...github(ref, 'github.runs'),
          problem: 'refused',
          ...later,
        });
      }
      // Other sources' facts keep their observation.
      expect(facts.get(refs[0])?.get('catalog.owner')).toEqual(
        fact(refs[0], 'catalog.owner', 'group:default/t'),
      );
      expect(
        facts.get('component:default/catalog-only')?.get('catalog.owner'),
      ).toEqual(fact('component:default/catalog-only', 'catalog.owner', 'x'));
      expect(await store.reobserveFacts('github', [], later)).toEqual([]);
    });

    it('upserts facts and reads them back per entity, JSON intact', async () => {
      await store.upsertFacts([
        fact('component:default/a', 'catalog.owner', {
          ref: 'group:default/t',
          memberCount: 2,
        }),
        fact('component:default/a', 'catalog.linkTypes', ['dashboard']),
        fact('component:default/b', 'catalog.lifecycle', null),
      ]);
      await store.upsertFacts([
        fact('component:default/a', 'catalog.linkTypes', ['runbook']),
      ]);

      const facts = await store.readFacts([
        'component:default/a',
        'component:default/b',
        'component:default/none',
      ]);
      expect(
        facts.get('component:default/a')?.get('catalog.linkTypes')?.value,
      ).toEqual(['runbook']);
      expect(facts.get('component:default/a')?.get('catalog.owner')).toEqual(
        fact('component:default/a', 'catalog.owner', {
          ref: 'group:default/t',
          memberCount: 2,
        }),
      );
      expect(
        facts.get('component:default/b')?.get('catalog.lifecycle')?.value,
      ).toBeNull();
      expect(facts.has('component:default/none')).toBe(false);
    });

    it('writes a thousand facts in batches', async () => {
      const many = Array.from({ length: 1000 }, (_, i) =>
        fact(`component:default/s${i}`, 'catalog.type', 'service'),
      );
      await store.upsertFacts(many);
      const [{ count }] = await knex('maturity_facts').count({ count: '*' });
      expect(Number(count)).toBe(1000);
    });

    it('replaces an entity evaluation rather than merging old results', async () => {
      await store.writeEvaluations([
        evaluation('component:default/a', 1, [pass('one'), pass('two')]),
      ]);
      await store.writeEvaluations([
        evaluation('component:default/a', 2, [pass('two')]),
      ]);
      const stored = await store.readEvaluation('component:default/a');
      expect(stored?.placement.level).toBe(2);
      expect(stored?.placement.assessed).toBe(true);
      expect(stored?.placement.details.nextLevel?.blockers).toEqual(['x']);
      expect(stored?.results.map(r => r.checkId)).toEqual(['two']);
      expect(
        await store.readEvaluation('component:default/none'),
      ).toBeUndefined();
    });

    it('joins source, time and large values from the facts when a scorecard is read', async () => {
      const ref = 'component:default/a';
      const runs = Array.from({ length: 40 }, (_, i) => ({ run: i, ok: true }));
      await store.upsertFacts([
        fact(ref, 'github.runs', runs),
        fact(ref, 'catalog.owner', 'group:default/team'),
        { ...fact(ref, 'k8s.workloads', null), problem: 'cluster down' },
      ]);
      const quoted = (name: string, value: Fact['value']) => ({
        fact: name,
        value,
        source: 'catalog',
        observedAt: '2026-11-21T10:00:00.000Z',
        stale: false,
      });
      const evidence = [
        quoted('github.runs', runs),
        quoted('catalog.owner', 'group:default/team'),
      ];
      await store.writeEvaluations([
        evaluation(ref, 1, [
          { checkId: 'ci', state: 'pass', reason: 'ok', evidence },
        ]),
      ]);
      // The large value was not stored with the result: it comes from the facts.
      const row = await knex('maturity_entity_results').first('results');
      expect(row.results).not.toContain('"run":39');
      const stored = await store.readEvaluation(ref);
      expect(stored?.results[0].evidence).toEqual(evidence);
    });

    it('forgets entities that left the catalog, and keeps the rest', async () => {
      await store.upsertFacts([
        fact('component:default/a', 'x', 1),
        fact('component:default/gone', 'x', 1),
      ]);
      await store.writeEvaluations([
        evaluation('component:default/a', 1, [pass('c')]),
        evaluation('component:default/gone', 1, [pass('c')]),
      ]);
      expect(await store.removeEntitiesNotIn(['component:default/a'])).toBe(1);
      expect(
        await store.readEvaluation('component:default/gone'),
      ).toBeUndefined();
      expect((await store.readFacts(['component:default/gone'])).size).toBe(0);
      expect(await store.readEvaluation('component:default/a')).toBeDefined();
    });

    it('records source runs, newest first', async () => {
      const first = await store.startRun(
        'catalog',
        new Date('2026-11-21T10:00:00Z'),
      );
      const second = await store.startRun(
        'catalog',
        new Date('2026-11-21T11:00:00Z'),
      );
      await store.finishRun(first, {
        status: 'partial',
        entities: 3,
        requests: 4,
        error: 'one repository answered 404',
        finishedAt: new Date('2026-11-21T10:00:05Z'),
      });
      const runs = await store.listRuns({ source: 'catalog', limit: 10 });
      expect(runs.map(r => r.id)).toEqual([second, first]);
      expect(runs[1]).toMatchObject({
        status: 'partial',
        entities: 3,
        requests: 4,
        error: 'one repository answered 404',
      });
      expect(runs[0]).toMatchObject({ status: 'running', finishedAt: null });
    });

    it('walks every migration down and up again, one by one, with rows in every table', async () => {
      await store.upsertFacts([
        fact('component:default/a', 'x', 1),
        { ...fact('component:default/a', 'y', null), problem: 'no access' },
      ]);
      await store.startRun('catalog', new Date('2026-11-21T10:00:00Z'));
      // Two checks quoting the same evidence, one of them waived: what the results
      // formats differ on.
      const quoted = {
        fact: 'x',
        value: 1,
        source: 'catalog',
        observedAt: '2026-11-21T10:00:00.000Z',
        stale: false,
      };
      await store.writeEvaluations(
        [
          evaluation('component:default/a', 1, [
            { ...pass('c'), evidence: [quoted] },
            {
              checkId: 'd',
              state: 'waived',
              reason: 'waived',
              evidence: [quoted],
              waiver: { reason: 'r', expires: '2027-01-01', approvedBy: 'me' },
            },
          ]),
        ],
        [
          {
            entityRef: 'component:default/a',
            changedAt: '2026-11-21T10:00:00.000Z',
            fromLevel: null,
            toLevel: 1,
            causes: [],
          },
        ],
      );
      const rollups = await DatabaseRollupStore.create({
        database: { getClient: async () => knex },
      });
      await rollups.replaceGroups([
        {
          groupRef: 'group:default/t',
          parentRef: null,
          title: 'T',
          type: 'team',
        },
      ]);
      await rollups.writeRollups([
        {
          groupRef: 'group:default/t',
          figures: rollupServices([], { strategy: 'share', share: 0.8 }),
          computedAt: '2026-11-21T10:00:00.000Z',
        },
      ]);

      const migrations = { directory: DatabaseMaturityStore.migrationsDir };
      const steps = (await knex.migrate.list(migrations))[0].length;
      expect(steps).toBe(5);
      const resultsBefore = await store.readResults(['component:default/a']);
      const storedText = async () =>
        (await knex('maturity_entity_results').first('results')).results;
      // The last step writes results in the second format; its down step as a list.
      expect(JSON.parse(await storedText())).toMatchObject({ v: 2 });
      await knex.migrate.down(migrations);
      expect(JSON.parse(await storedText())).toHaveLength(2);
      // The step before regroups results one row per entity; its down step splits them.
      await knex.migrate.down(migrations);
      expect(await knex.schema.hasTable('maturity_check_results')).toBe(true);
      await knex.migrate.up(migrations);
      await knex.migrate.up(migrations);
      expect(await store.readResults(['component:default/a'])).toEqual(
        resultsBefore,
      );
      expect(resultsBefore.get('component:default/a')).toHaveLength(2);
      for (let i = 0; i < steps; i++) await knex.migrate.down(migrations);
      expect(await knex.schema.hasTable('maturity_facts')).toBe(false);
      for (let i = 0; i < steps; i++) await knex.migrate.up(migrations);
      expect(await knex.schema.hasTable('maturity_group_snapshots')).toBe(true);
      expect(await knex.schema.hasColumn('maturity_facts', 'problem')).toBe(
        true,
      );
      expect(
        await knex.schema.hasColumn('maturity_placements', 'owner_ref'),
      ).toBe(true);
      // The store works on the re-created schema.
      await store.upsertFacts([fact('component:default/b', 'x', 2)]);
      expect((await store.readFacts(['component:default/b'])).size).toBe(1);
    });

    it('keeps history and prunes what is past retention', async () => {
      await store.writeEvaluations(
        [evaluation('component:default/a', 1, [pass('c')])],
        [
          {
            entityRef: 'component:default/a',
            changedAt: '2026-11-21T10:00:00.000Z',
            fromLevel: 0,
            toLevel: 1,
            causes: [{ checkId: 'c', from: 'fail', to: 'pass', facts: [] }],
          },
        ],
      );
      const history = await store.readHistory(
        'component:default/a',
        '2026-11-01',
      );
      expect(history.snapshots).toEqual([
        { day: '2026-11-21', level: 1, provisional: false, assessed: true },
      ]);
      expect(history.changes[0]).toMatchObject({
        fromLevel: 0,
        toLevel: 1,
        causes: [{ checkId: 'c' }],
      });
      expect(await store.pruneHistory('2026-11-22')).toBe(2);
      expect(
        (await store.readHistory('component:default/a', '2026-01-01'))
          .snapshots,
      ).toEqual([]);
    });
  },
);
