import { generateScenario } from '../scenario/generateScenario';
import { buildKubernetesWorld } from './buildKubernetesWorld';
import { SANDBOX_CLUSTERS } from './sandboxClusters';

const NOW = new Date('2026-11-21T12:00:00Z');

describe('buildKubernetesWorld', () => {
  const scenario = generateScenario({ seed: 8, size: 80 });
  const world = buildKubernetesWorld(scenario.services, { now: NOW, seed: 8 });
  const cluster = (name: string) => world.clusters.find(c => c.name === name)!;

  it('is deterministic for the same services, time and seed', () => {
    expect(
      buildKubernetesWorld(scenario.services, { now: NOW, seed: 8 }),
    ).toEqual(world);
  });

  it('runs a log agent on one cluster only and leaves CRDs out of the other', () => {
    const agents = (name: string) =>
      cluster(name)
        .objects.filter(o => o.kind === 'DaemonSet')
        .map(o => o.metadata.name);
    expect(agents(SANDBOX_CLUSTERS.full.name)).toContain('fluent-bit');
    expect(agents(SANDBOX_CLUSTERS.partial.name)).toEqual(['kube-proxy']);
    expect(cluster(SANDBOX_CLUSTERS.full.name).notInstalled).toEqual([]);
    expect(cluster(SANDBOX_CLUSTERS.partial.name).notInstalled).toContain(
      'PolicyReport',
    );
    const kinds = new Set(
      cluster(SANDBOX_CLUSTERS.partial.name).objects.map(o => o.kind),
    );
    for (const missing of SANDBOX_CLUSTERS.partial.notInstalled)
      expect(kinds.has(missing)).toBe(false);
  });

  it('places each linked service’s workload on its cluster and namespace, and none for the unmatched', () => {
    for (const service of scenario.services.filter(s => s.kubernetes)) {
      const workloads = world.clusters.flatMap(c =>
        c.objects
          .filter(
            o =>
              (o.kind === 'Deployment' || o.kind === 'StatefulSet') &&
              o.metadata.name === service.name,
          )
          .map(o => `${c.name}/${o.metadata.namespace}`),
      );
      const expected =
        service.intents['workload-linked'] === 'fail'
          ? []
          : [`${service.kubernetes!.cluster}/${service.kubernetes!.namespace}`];
      expect(workloads).toEqual(expected);
    }
  });
});
