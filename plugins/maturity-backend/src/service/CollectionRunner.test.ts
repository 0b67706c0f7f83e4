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
  },
);
