import type { TestDatabaseId } from '@backstage/backend-test-utils';
import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type { MaturityFactSource } from '@maturity/plugin-maturity-node';
import { createTestDatabases } from '../__testUtils__/databases';
import { DatabaseMaturityStore } from '../database/DatabaseMaturityStore';
import { CollectionRunner } from './CollectionRunner';

jest.setTimeout(60_000);
const databases = createTestDatabases();

const entity = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: { type: 'service', lifecycle: 'production', owner: 'team' },
});

describe.each(databases.eachSupportedId())(
  'CollectionRunner.runSource on %s',
  databaseId => {
    async function setup() {
      const knex = await databases.init(databaseId as TestDatabaseId);
      const store = await DatabaseMaturityStore.create({
        database: { getClient: async () => knex },
      });
      // Only the store and the logger take part in running one source.
      const runner = new CollectionRunner({
        store,
        logger: mockServices.logger.mock(),
      } as any);
      return { store, runner };
    }

    it('keeps what a source handed over before it failed, and refuses facts once the run is aborted', async () => {
      const { store, runner } = await setup();
      const controller = new AbortController();
      const source: MaturityFactSource = {
        id: 'test',
        async collect({ storeFacts }) {
          await storeFacts([
            { entityRef: 'Component:default/A', name: 'test.fact', value: 1 },
          ]);
          controller.abort(new Error('run timed out'));
          await storeFacts([
            { entityRef: 'component:default/b', name: 'test.fact', value: 2 },
          ]);
          return { facts: [], requests: 1, errors: [] };
        },
      };
      await runner.runSource(
        source,
        [entity('a'), entity('b')],
        controller.signal,
      );

      const facts = await store.readFacts([
        'component:default/a',
        'component:default/b',
      ]);
      expect(facts.get('component:default/a')?.get('test.fact')?.value).toBe(1);
      expect(facts.get('component:default/b')).toBeUndefined();
      const [run] = await store.listRuns({ source: 'test', limit: 1 });
      expect(run).toMatchObject({
        status: 'failed',
        entities: 1,
        error: 'run timed out',
      });
    });

    it('re-observes stored facts for a source, counts those entities, and answers the missing ones as the source spelt them', async () => {
      const { store, runner } = await setup();
      const entities = [entity('a'), entity('b'), entity('c')];
      const storing: MaturityFactSource = {
        id: 'test',
        async collect({ storeFacts }) {
          await storeFacts([
            { entityRef: 'component:default/a', name: 'test.fact', value: 1 },
            { entityRef: 'component:default/b', name: 'test.fact', value: 2 },
          ]);
          return { facts: [], requests: 1, errors: [] };
        },
      };
      await runner.runSource(storing, entities, new AbortController().signal);
      const observedBefore = (await store.readFacts(['component:default/a']))
        .get('component:default/a')
        ?.get('test.fact')?.observedAt;

      let missing: string[] = [];
      const reobserving: MaturityFactSource = {
        id: 'test',
        async collect({ reobserveFacts }) {
          missing = await reobserveFacts([
            'Component:default/A',
            'component:default/b',
            'Component:default/C',
          ]);
          return {
            facts: missing.map(entityRef => ({
              entityRef,
              name: 'test.fact',
              value: 3,
            })),
            requests: 0,
            errors: [],
          };
        },
      };
      await runner.runSource(
        reobserving,
        entities,
        new AbortController().signal,
      );
      expect(missing).toEqual(['Component:default/C']);
      const [second] = await store.listRuns({ source: 'test', limit: 1 });
      expect(second).toMatchObject({ status: 'ok', entities: 3 });
      const facts = await store.readFacts([
        'component:default/a',
        'component:default/b',
        'component:default/c',
      ]);
      // Observed by the second run, with the value the first one stored.
      const a = facts.get('component:default/a')?.get('test.fact');
      expect(a).toMatchObject({ value: 1, runId: second.id });
      expect(a!.observedAt >= observedBefore!).toBe(true);
      expect(facts.get('component:default/b')?.get('test.fact')).toMatchObject({
        value: 2,
        runId: second.id,
      });
      expect(facts.get('component:default/c')?.get('test.fact')).toMatchObject({
        value: 3,
        runId: second.id,
      });
    });

    it('refuses to re-observe once the run is aborted', async () => {
      const { store, runner } = await setup();
      await store.upsertFacts([
        {
          entityRef: 'component:default/a',
          name: 'test.fact',
          value: 1,
          source: 'test',
          observedAt: '2026-11-21T10:00:00.000Z',
          runId: 'r1',
        },
      ]);
      const controller = new AbortController();
      const source: MaturityFactSource = {
        id: 'test',
        async collect({ reobserveFacts }) {
          controller.abort(new Error('run timed out'));
          await reobserveFacts(['component:default/a']);
          return { facts: [], requests: 0, errors: [] };
        },
      };
      await runner.runSource(source, [entity('a')], controller.signal);
      const fact = (await store.readFacts(['component:default/a']))
        .get('component:default/a')
        ?.get('test.fact');
      expect(fact).toMatchObject({ runId: 'r1' });
      const [run] = await store.listRuns({ source: 'test', limit: 1 });
      expect(run).toMatchObject({ status: 'failed', entities: 0 });
    });
  },
);
