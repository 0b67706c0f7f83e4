import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import {
  mockServices,
  type TestDatabaseId,
} from '@backstage/backend-test-utils';
import {
  CATALOG_FACTS,
  DEFAULT_SCORING,
  defaultChecks,
  type Fact,
} from '@maturity/plugin-maturity-common';
import { countLoopTurns } from '../__testUtils__/countLoopTurns';
import { createTestDatabases } from '../__testUtils__/databases';
import { DatabaseMaturityStore } from '../database/DatabaseMaturityStore';
import type { WaiverConfig } from '../config/schema';
import { EvaluationWorker } from '../evaluation/EvaluationWorker';
import { rulesFromRecipe } from '../evaluation/rulesFromRecipe';
import type { RubricRecipe } from '../evaluation/workerProtocol';
import { Evaluator } from './Evaluator';

jest.setTimeout(60_000);
const databases = createTestDatabases();

const REF = 'component:default/svc';
const entity = (annotations: Record<string, string> = {}): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'svc', namespace: 'default', annotations },
  spec: { type: 'service', lifecycle: 'production', owner: 'team' },
});

const catalogChecks = defaultChecks.filter(c =>
  c.sources.every(s => s === 'catalog'),
);

function fact(
  name: string,
  value: Fact['value'],
  observedAt = '2026-11-21T10:00:00.000Z',
): Fact {
  return { entityRef: REF, name, value, source: 'catalog', observedAt };
}

const linked = (slug: boolean, observedAt?: string) => [
  fact(
    CATALOG_FACTS.annotations,
    slug ? { 'github.com/project-slug': 'acme/svc' } : {},
    observedAt,
  ),
  fact(
    CATALOG_FACTS.owner,
    {
      ref: 'group:default/team',
      kind: 'group',
      resolved: true,
      memberCount: 3,
    },
    observedAt,
  ),
  fact(CATALOG_FACTS.type, 'service', observedAt),
  fact(CATALOG_FACTS.lifecycle, 'production', observedAt),
  fact(CATALOG_FACTS.system, 'system:default/s', observedAt),
  fact(CATALOG_FACTS.linkTypes, [], observedAt),
  fact(CATALOG_FACTS.providedApis, [], observedAt),
];

const at = (iso: string) => ({ now: new Date(iso) });

/** The rules of these tests: the catalog's checks, with the waivers given in config. */
function recipe(waivers: WaiverConfig[] = []): RubricRecipe {
  return {
    builtInCheckIds: catalogChecks.map(c => c.id),
    config: {
      checks: {},
      customChecks: [],
      waivers,
      scoring: DEFAULT_SCORING,
      staleAfterMs: 86_400_000,
    },
    sourceFactNames: [],
  };
}

const evaluators: Evaluator[] = [];
afterEach(async () => {
  jest.restoreAllMocks();
  await Promise.all(evaluators.splice(0).map(e => e.close()));
});

function evaluatorFor(
  store: DatabaseMaturityStore,
  where: Where,
  waivers: WaiverConfig[] = [],
  logger?: LoggerService,
) {
  const evaluator = new Evaluator({
    store,
    ...rulesFromRecipe(recipe(waivers)),
    worker: where === 'in the worker' ? recipe(waivers) : undefined,
    logger,
  });
  evaluators.push(evaluator);
  return evaluator;
}

type Where = 'on the main thread' | 'in the worker';
const everywhere = databases
  .eachSupportedId()
  .flatMap(([id]) =>
    (['on the main thread', 'in the worker'] as const).map(
      where => [id, where] as const,
    ),
  );

describe.each(everywhere)('Evaluator on %s, %s', (databaseId, where) => {
  async function setup(waivers: WaiverConfig[] = []) {
    const knex = await databases.init(databaseId as TestDatabaseId);
    const store = await DatabaseMaturityStore.create({
      database: { getClient: async () => knex },
    });
    return { store, evaluator: evaluatorFor(store, where, waivers) };
  }

  it('skips entities whose inputs did not change, unless forced', async () => {
    const { store, evaluator } = await setup();
    await store.upsertFacts(linked(true));
    expect(
      await evaluator.evaluate([entity()], at('2026-11-21T11:00:00Z')),
    ).toMatchObject({ evaluated: 1, unchanged: 0 });
    expect(
      await evaluator.evaluate([entity()], at('2026-11-21T11:30:00Z')),
    ).toMatchObject({ evaluated: 0, unchanged: 1 });
    expect(
      await evaluator.evaluate([entity()], {
        ...at('2026-11-21T11:31:00Z'),
        force: true,
      }),
    ).toMatchObject({ evaluated: 1 });
    await store.upsertFacts([fact(CATALOG_FACTS.linkTypes, ['dashboard'])]);
    expect(
      await evaluator.evaluate([entity()], at('2026-11-21T11:40:00Z')),
    ).toMatchObject({ evaluated: 1 });
  });

  it('re-evaluates when a fact turns stale, and the check goes unknown', async () => {
    const { store, evaluator } = await setup();
    await store.upsertFacts(linked(true));
    await evaluator.evaluate([entity()], at('2026-11-21T11:00:00Z'));
    const summary = await evaluator.evaluate(
      [entity()],
      at('2026-11-22T10:30:00Z'),
    );
    expect(summary.evaluated).toBe(1);
    const { results, placement } = (await store.readEvaluation(REF))!;
    expect(results.find(r => r.checkId === 'repo-linked')).toMatchObject({
      state: 'unknown',
      reason: expect.stringMatching(/stale/),
    });
    expect(placement.stale).toBe(true);
  });

  it('logs a level change with the check that flipped and the fact before and after', async () => {
    const { store, evaluator } = await setup();
    await store.upsertFacts(linked(false));
    await evaluator.evaluate([entity()], at('2026-11-21T11:00:00Z'));
    await store.upsertFacts(linked(true));
    const summary = await evaluator.evaluate(
      [entity()],
      at('2026-11-21T12:00:00Z'),
    );
    expect(summary.levelChanges).toBe(1);
    const { changes, snapshots } = await store.readHistory(REF, '2026-11-01');
    expect(snapshots).toEqual([
      { day: '2026-11-21', level: 1, provisional: false, assessed: true },
    ]);
    const last = changes[changes.length - 1];
    expect(last).toMatchObject({ fromLevel: 0, toLevel: 1 });
    expect(last.causes).toContainEqual({
      checkId: 'repo-linked',
      from: 'fail',
      to: 'pass',
      facts: [
        {
          fact: CATALOG_FACTS.annotations,
          before: {},
          after: { 'github.com/project-slug': 'acme/svc' },
        },
      ],
    });
  });

  it('holds a drop back for one evaluation (no flapping)', async () => {
    const { store, evaluator } = await setup();
    await store.upsertFacts(linked(true));
    await evaluator.evaluate([entity()], at('2026-11-21T11:00:00Z'));
    await store.upsertFacts(linked(false));
    await evaluator.evaluate([entity()], at('2026-11-21T11:10:00Z'));
    expect((await store.readEvaluation(REF))!.placement).toMatchObject({
      level: 1,
      computedLevel: 0,
      pendingLevel: 0,
    });
    // Progress is toward the level above the one shown.
    expect(
      (await store.readEvaluation(REF))!.placement.details.nextLevel?.level,
    ).toBe(2);
    await evaluator.evaluate([entity()], {
      ...at('2026-11-21T11:20:00Z'),
      force: true,
    });
    expect((await store.readEvaluation(REF))!.placement).toMatchObject({
      level: 0,
      pendingLevel: null,
    });
  });

  it('waives a check from config until its expiry, then counts it again', async () => {
    const { store, evaluator } = await setup([
      {
        check: 'repo-linked',
        entity: REF,
        reason: 'mirror only',
        expires: '2026-12-01',
        approvedBy: 'group:default/platform',
      },
    ]);
    await store.upsertFacts(linked(false));
    await evaluator.evaluate([entity()], at('2026-11-21T11:00:00Z'));
    const waived = (await store.readEvaluation(REF))!.results.find(
      r => r.checkId === 'repo-linked',
    );
    expect(waived).toMatchObject({
      state: 'waived',
      waiver: {
        reason: 'mirror only',
        expires: '2026-12-01',
        approvedBy: 'group:default/platform',
      },
    });
    expect(waived?.reason).toMatch(
      /^Waived until 2026-12-01: mirror only \(approved by group:default\/platform; fail without the waiver\)$/,
    );
    await store.upsertFacts(linked(false, '2026-12-02T10:00:00.000Z'));
    await evaluator.evaluate([entity()], at('2026-12-02T11:00:00Z'));
    expect(
      (await store.readEvaluation(REF))!.results.find(
        r => r.checkId === 'repo-linked',
      )?.state,
    ).toBe('fail');
  });

  it('waives a check from the entity annotation and ignores a malformed one', async () => {
    const { store, evaluator } = await setup();
    await store.upsertFacts(linked(false));
    const annotation = JSON.stringify([
      {
        check: 'repo-linked',
        reason: 'vendored',
        expires: '2027-01-01',
        approvedBy: 'user:default/ada',
      },
      { check: 'dashboards-linked', reason: 'no expiry' },
    ]);
    await evaluator.evaluate(
      [entity({ 'maturity/waivers': annotation })],
      at('2026-11-21T11:00:00Z'),
    );
    const results = (await store.readEvaluation(REF))!.results;
    expect(results.find(r => r.checkId === 'repo-linked')?.state).toBe(
      'waived',
    );
    expect(results.find(r => r.checkId === 'dashboards-linked')?.state).toBe(
      'fail',
    );
  });
  it('lets the event loop turn between chunks of a large catalog', async () => {
    const { evaluator } = await setup();
    const many = Array.from({ length: 1_200 }, (_, i) => {
      const e = entity();
      return { ...e, metadata: { ...e.metadata, name: `svc-${i}` } };
    });
    const { result: summary, turns } = await countLoopTurns(() =>
      evaluator.evaluate(many, at('2026-11-21T12:00:00Z')),
    );
    expect(summary.evaluated).toBe(1_200);
    // Twelve chunks of 100: the loop turned after each (with SQLite's synchronous queries
    // it would not have turned once otherwise), so a request waits for one chunk at most.
    expect(turns).toBeGreaterThanOrEqual(12);
  });
});

describe.each(databases.eachSupportedId())(
  'Evaluator with its worker on %s',
  databaseId => {
    const many = (count: number) =>
      Array.from({ length: count }, (_, i) => ({
        ...entity(
          i % 7 === 0
            ? {
                'maturity/waivers': JSON.stringify([
                  {
                    check: 'dashboards-linked',
                    reason: 'batch job',
                    expires: '2027-01-01',
                    approvedBy: 'user:default/ada',
                  },
                ]),
              }
            : {},
        ),
        metadata: { name: `svc-${i}`, namespace: 'default' },
      }));
    // Varied: half linked to a repository, every third with stale facts, a few with an
    // SLO link, and every fifth left without facts.
    const factsOf = (entities: Entity[], round: number) =>
      entities.flatMap((e, i) => {
        if (i % 5 === 4) return [];
        const ref = `component:default/${e.metadata.name}`;
        const observedAt =
          i % 3 === 0 ? '2026-11-19T10:00:00.000Z' : '2026-11-21T10:00:00.000Z';
        return linked((i + round) % 2 === 0, observedAt).map(f => ({
          ...f,
          entityRef: ref,
          ...(f.name === CATALOG_FACTS.linkTypes && i % 4 === 0
            ? { value: ['slo'] }
            : {}),
        }));
      });

    async function storeWith(entities: Entity[], round: number) {
      const knex = await databases.init(databaseId as TestDatabaseId);
      const store = await DatabaseMaturityStore.create({
        database: { getClient: async () => knex },
      });
      await store.upsertFacts(factsOf(entities, round));
      return store;
    }

    async function everything(store: DatabaseMaturityStore, refs: string[]) {
      return Promise.all(
        refs.map(async ref => ({
          evaluation: await store.readEvaluation(ref),
          history: await store.readHistory(ref, '2026-11-01'),
        })),
      );
    }

    it('stores what the main thread stores, entity for entity', async () => {
      const entities = many(250);
      const refs = entities.map(e => `component:default/${e.metadata.name}`);
      const stores = {
        main: await storeWith(entities, 0),
        worker: await storeWith(entities, 0),
      };
      const logger = mockServices.logger.mock();
      const sides = {
        main: evaluatorFor(stores.main, 'on the main thread'),
        worker: evaluatorFor(stores.worker, 'in the worker', [], logger),
      };
      // Passed through: only counted, to show the worker did the evaluating.
      const sent = jest.spyOn(EvaluationWorker.prototype, 'evaluate');
      const summaries = [];
      for (const [round, now] of [
        [0, '2026-11-21T11:00:00Z'],
        [1, '2026-11-21T12:00:00Z'],
        [1, '2026-11-21T12:30:00Z'],
      ] as const) {
        for (const side of ['main', 'worker'] as const) {
          await stores[side].upsertFacts(factsOf(entities, round));
          summaries.push({
            side,
            ...(await sides[side].evaluate(entities, at(now))),
          });
        }
      }
      // First placements, then half the entities moving, then nothing changed.
      expect(summaries.map(({ side, ...s }) => s)).toEqual([
        { evaluated: 250, unchanged: 0, levelChanges: expect.any(Number) },
        {
          evaluated: 250,
          unchanged: 0,
          levelChanges: summaries[0].levelChanges,
        },
        { evaluated: 200, unchanged: 50, levelChanges: expect.any(Number) },
        {
          evaluated: 200,
          unchanged: 50,
          levelChanges: summaries[2].levelChanges,
        },
        { evaluated: 0, unchanged: 250, levelChanges: 0 },
        { evaluated: 0, unchanged: 250, levelChanges: 0 },
      ]);
      expect(summaries[2].levelChanges).toBeGreaterThan(0);
      expect(logger.warn).not.toHaveBeenCalled();
      // Three chunks (of 100, 100 and 50 entities) in each of the first two evaluations;
      // none in the third, where nothing changed.
      expect(sent).toHaveBeenCalledTimes(6);
      const stored = await everything(stores.worker, refs);
      expect(stored).toEqual(await everything(stores.main, refs));
      // Both kinds of change were compared: first placements (whose causes the worker
      // encodes) and moves from an earlier level.
      const changes = stored.flatMap(s => s.history.changes);
      expect(changes.some(c => c.fromLevel === null)).toBe(true);
      expect(changes.some(c => c.fromLevel !== null)).toBe(true);
    });

    it('evaluates on the main thread, and says so, when the worker builds another rubric', async () => {
      const entities = many(30);
      const store = await storeWith(entities, 0);
      const logger = mockServices.logger.mock();
      const evaluator = new Evaluator({
        store,
        ...rulesFromRecipe(recipe()),
        // A waiver only the worker would know of changes its rubric's version.
        worker: recipe([
          {
            check: 'repo-linked',
            entity: REF,
            reason: 'r',
            expires: '2027-01-01',
            approvedBy: 'user:default/ada',
          },
        ]),
        logger,
      });
      evaluators.push(evaluator);
      expect(
        await evaluator.evaluate(entities, at('2026-11-21T11:00:00Z')),
      ).toMatchObject({ evaluated: 30 });
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringMatching(
          /^Evaluating on the main thread: the evaluation worker did not start \(the evaluation worker built rubric \S+, not \S+\)$/,
        ),
      );
    });

    it('evaluates a chunk the worker failed on, on the main thread', async () => {
      const entities = many(250);
      const refs = entities.map(e => `component:default/${e.metadata.name}`);
      const expected = await storeWith(entities, 0);
      await evaluatorFor(expected, 'on the main thread').evaluate(
        entities,
        at('2026-11-21T11:00:00Z'),
      );
      const store = await storeWith(entities, 0);
      const logger = mockServices.logger.mock();
      const evaluator = evaluatorFor(store, 'in the worker', [], logger);
      // The worker's real failures (running out of its heap, exiting) cannot be caused
      // from here on purpose; one chunk's answer fails instead.
      jest
        .spyOn(EvaluationWorker.prototype, 'evaluate')
        .mockRejectedValueOnce(
          new Error('the evaluation worker exited with code 1'),
        );
      expect(
        await evaluator.evaluate(entities, at('2026-11-21T11:00:00Z')),
      ).toMatchObject({ evaluated: 250, unchanged: 0 });
      expect(logger.warn).toHaveBeenCalledWith(
        'Evaluating on the main thread: the evaluation worker exited with code 1',
      );
      expect(await everything(store, refs)).toEqual(
        await everything(expected, refs),
      );
    });
  },
);
