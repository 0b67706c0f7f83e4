import { resolve } from 'node:path';
import { buildKubernetesWorld } from '../kubernetes/buildKubernetesWorld';
import { matchesLabels, parseLabelSelector } from '../kubernetes/labelSelector';
import { profilesFromCatalog } from './profilesFromCatalog';
import { readCatalogFile } from './readCatalogFile';

const examples = readCatalogFile(
  resolve(__dirname, '../../../../examples/entities.yaml'),
);

describe('profilesFromCatalog on examples/entities.yaml', () => {
  const profiles = profilesFromCatalog(examples);
  const world = buildKubernetesWorld(profiles, {
    now: new Date('2026-11-21T12:00:00Z'),
  });

  it('has one profile per Component, linked exactly as its annotations say', () => {
    const components = examples.filter(e => e.kind === 'Component');
    expect(profiles.map(p => p.name)).toEqual(
      components.map(c => c.metadata.name),
    );
    for (const component of components) {
      const annotations = component.metadata.annotations ?? {};
      const profile = profiles.find(p => p.name === component.metadata.name)!;
      expect(profile.githubSlug).toBe(annotations['github.com/project-slug']);
      expect(Boolean(profile.kubernetes)).toBe(
        Boolean(
          annotations['backstage.io/kubernetes-id'] ||
            annotations['backstage.io/kubernetes-label-selector'],
        ),
      );
    }
  });

  it('serves a workload that each linked example component’s annotations select', () => {
    const workloads = world.clusters.flatMap(c =>
      c.objects.filter(
        o => o.kind === 'Deployment' || o.kind === 'StatefulSet',
      ),
    );
    for (const component of examples.filter(e => e.kind === 'Component')) {
      const annotations = component.metadata.annotations ?? {};
      const selector =
        annotations['backstage.io/kubernetes-label-selector'] ??
        (annotations['backstage.io/kubernetes-id']
          ? `backstage.io/kubernetes-id=${annotations['backstage.io/kubernetes-id']}`
          : undefined);
      if (!selector) continue;
      const namespace = annotations['backstage.io/kubernetes-namespace'];
      const matched = workloads.filter(
        w =>
          matchesLabels(parseLabelSelector(selector), w.metadata.labels) &&
          (!namespace || w.metadata.namespace === namespace),
      );
      expect({
        component: component.metadata.name,
        matched: matched.length,
      }).toEqual({
        component: component.metadata.name,
        matched: 1,
      });
    }
  });
});
