import { createBackendPlugin } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  maturitySourcesExtensionPoint,
  type MaturityFactSource,
} from '@maturity/plugin-maturity-node';
import {
  buildKubernetesWorld,
  clusterLocatorConfig,
  generateScenario,
  startKubernetesSandbox,
} from '@maturity/sandbox';
import { maturityModuleKubernetes } from './module';
import { NOW } from './__testUtils__/sandboxHarness';
import { collectAll } from './__testUtils__/collectAll';

describe('maturityModuleKubernetes', () => {
  it('adds a Kubernetes source for the clusters of kubernetes.clusterLocatorMethods', async () => {
    const scenario = generateScenario({ seed: 3, size: 12 });
    const sandbox = await startKubernetesSandbox({
      world: buildKubernetesWorld(scenario.services, { now: NOW }),
    });
    const added: MaturityFactSource[] = [];
    // Stands in for the maturity backend: only its extension point matters here.
    const maturityStandIn = createBackendPlugin({
      pluginId: 'maturity',
      register(env) {
        env.registerExtensionPoint(maturitySourcesExtensionPoint, {
          addSource: (...sources) => added.push(...sources),
        });
        env.registerInit({ deps: {}, async init() {} });
      },
    });
    try {
      await startTestBackend({
        features: [
          maturityStandIn,
          maturityModuleKubernetes,
          mockServices.rootConfig.factory({
            data: clusterLocatorConfig(sandbox.clusters),
          }),
        ],
      });
      expect(added.map(s => s.id)).toEqual(['kubernetes']);
      const outcome = await collectAll(added[0], {
        entities: scenario.entities.filter(e => e.kind === 'Component'),
        now: NOW,
      });
      expect(outcome.errors).toEqual([]);
      expect(outcome.requests).toBe(sandbox.requestCount());
      expect(new Set(outcome.facts.map(f => f.entityRef)).size).toBe(12);
    } finally {
      await sandbox.close();
    }
  });
});
