import type { Entity } from '@backstage/catalog-model';
import type { TestDatabaseId } from '@backstage/backend-test-utils';
import {
  CATALOG_FACTS,
  DEFAULT_SCORING,
  defaultChecks,
  type Fact,
} from '@maturity/plugin-maturity-common';
import { countLoopTurns } from '../__testUtils__/countLoopTurns';
import { createTestDatabases } from '../__testUtils__/databases';
import { DatabaseMaturityStore } from '../database/DatabaseMaturityStore';
import { Rubric } from '../rubric/Rubric';
import { Waivers } from '../rubric/waivers';
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

describe.each(databases.eachSupportedId())('Evaluator on %s', databaseId => {
  async function setup(waivers: Waivers = new Waivers([], new Set())) {
    const knex = await databases.init(databaseId as TestDatabaseId);
    const store = await DatabaseMaturityStore.create({
      database: { getClient: async () => knex },
    });
    const evaluator = new Evaluator({
      store,
      rubric: new Rubric(catalogChecks),
      waivers,
      scoring: DEFAULT_SCORING,
      staleAfterMs: 86_400_000,
    });
    return { store, evaluator };
  }
  const at = (iso: string) => ({ now: new Date(iso) });

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
    const waivers = new Waivers(
      [
        {
          check: 'repo-linked',
          entity: REF,
          reason: 'mirror only',
          expires: '2026-12-01',
          approvedBy: 'group:default/platform',
        },
      ],
      new Set(['repo-linked']),
    );
    const { store, evaluator } = await setup(waivers);
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
