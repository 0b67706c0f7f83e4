import { resolve } from 'node:path';
import {
  KUBERNETES_FACTS,
  type K8sWorkloadFact,
} from '@maturity/plugin-maturity-common';
import {
  buildKubernetesWorld,
  profilesFromCatalog,
  readCatalogFile,
  startKubernetesSandbox,
} from '@maturity/sandbox';
import { intentMismatches } from './__testUtils__/intentMismatches';
import {
  NOW,
  TEST_REQUEST_SETTINGS,
  factsOf,
  startHarness,
  type Harness,
} from './__testUtils__/sandboxHarness';
import { KubernetesFactSource } from './KubernetesFactSource';
import { collectAll } from './__testUtils__/collectAll';

describe('KubernetesFactSource against the sandbox', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness({ seed: 7, size: 80 });
  });

  afterAll(async () => {
    await harness.close();
  });

  it('collects facts under which every Kubernetes check comes out as the scenario intends', async () => {
    const outcome = await harness.collect();
    expect(outcome.errors).toEqual([]);

    const { mismatches, compared } = intentMismatches(
      harness.scenario.services,
      outcome.facts,
    );
    expect(mismatches).toEqual([]);
    expect(compared).toBeGreaterThan(500);
  });

  it('writes only an empty workload list for entities without a Kubernetes annotation', async () => {
    const outcome = await harness.collect();
    const unlinked = harness.scenario.services.filter(s => !s.kubernetes);
    expect(unlinked.length).toBeGreaterThan(0);
    for (const service of unlinked) {
      const facts = outcome.facts.filter(
        f => f.entityRef === service.entityRef,
      );
      expect(facts).toEqual([
        {
          entityRef: service.entityRef,
          name: KUBERNETES_FACTS.workloads,
          value: [],
        },
      ]);
    }
  });

  it('writes every fact, with no workloads, for linked entities that match nothing', async () => {
    const outcome = await harness.collect();
    const empty = harness.scenario.services.filter(
      s => s.kubernetes && s.intents['workload-linked'] === 'fail',
    );
    expect(empty.length).toBeGreaterThan(0);
    for (const service of empty) {
      const facts = factsOf(outcome.facts, service.entityRef);
      expect(facts.get(KUBERNETES_FACTS.workloads)?.value).toEqual([]);
      expect([...facts.keys()].sort()).toEqual(
        Object.values(KUBERNETES_FACTS).sort(),
      );
    }
  });

  it('keeps entities restricted to a namespace away from copies in other namespaces', async () => {
    const outcome = await harness.collect();
    const restricted = harness.scenario.services.filter(
      s =>
        s.kubernetes?.restrictToNamespace &&
        s.intents['workload-linked'] === 'pass',
    );
    // The sandbox puts same-labelled copies of some of them in the preview namespace.
    const copies = harness.world.clusters.flatMap(c =>
      c.objects.filter(
        o => o.kind === 'Deployment' && o.metadata.namespace === 'preview',
      ),
    );
    expect(copies.length).toBeGreaterThan(0);
    for (const service of restricted) {
      const workloads = factsOf(outcome.facts, service.entityRef).get(
        KUBERNETES_FACTS.workloads,
      )?.value as K8sWorkloadFact[];
      expect(
        workloads.map(w => `${w.cluster}/${w.namespace}/${w.name}`),
      ).toEqual([
        `${service.kubernetes!.cluster}/${service.kubernetes!.namespace}/${
          service.name
        }`,
      ]);
    }
  });

  it('shows an unusable label selector on the entity instead of failing the run', async () => {
    const broken = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'broken-selector',
        annotations: { 'backstage.io/kubernetes-label-selector': 'app in (a' },
      },
      spec: {
        type: 'service',
        lifecycle: 'production',
        owner: 'group:default/x',
      },
    };
    const outcome = await collectAll(harness.source(), {
      entities: [broken],
      now: NOW,
    });
    expect(outcome.errors).toEqual([]);
    expect(outcome.facts).toEqual([
      {
        entityRef: 'component:default/broken-selector',
        name: KUBERNETES_FACTS.workloads,
        value: null,
        problem:
          'The Kubernetes annotations cannot be used: Unsupported label selector requirement "app in (a"',
      },
    ]);
  });

  it('marks facts whose CRD is missing with "<Kind> is not installed on cluster <name>"', async () => {
    const outcome = await harness.collect();
    const onPartial = harness.scenario.services.find(
      s =>
        s.kubernetes?.cluster === 'prod-us' &&
        s.intents['workload-linked'] === 'pass',
    )!;
    const facts = factsOf(outcome.facts, onPartial.entityRef);
    expect(facts.get(KUBERNETES_FACTS.policyReports)).toMatchObject({
      value: null,
      problem: 'PolicyReport is not installed on cluster prod-us',
    });
    expect(facts.get(KUBERNETES_FACTS.scanReports)?.problem).toBe(
      'VulnerabilityReport is not installed on cluster prod-us',
    );
    // Argo CD is installed there, so GitOps stays observable without Flux.
    expect(facts.get(KUBERNETES_FACTS.gitops)?.problem).toBeUndefined();
  });
});

describe('KubernetesFactSource against the sandbox for examples/entities.yaml', () => {
  it('collects facts that agree with the example catalog’s annotations and profiles', async () => {
    const entities = readCatalogFile(
      resolve(__dirname, '../../../examples/entities.yaml'),
    );
    const profiles = profilesFromCatalog(entities);
    const sandbox = await startKubernetesSandbox({
      world: buildKubernetesWorld(profiles, { now: NOW }),
    });
    try {
      const source = new KubernetesFactSource({
        clusters: sandbox.clusters.map(c => ({ ...c, skipTLSVerify: true })),
        requests: TEST_REQUEST_SETTINGS,
      });
      const outcome = await collectAll(source, {
        entities: entities.filter(e => e.kind === 'Component'),
        now: NOW,
      });
      expect(outcome.errors).toEqual([]);
      const { mismatches, compared } = intentMismatches(
        profiles,
        outcome.facts,
      );
      expect(mismatches).toEqual([]);
      expect(compared).toBeGreaterThan(100);
    } finally {
      await sandbox.close();
    }
  });
});
