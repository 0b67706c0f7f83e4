import type { Entity } from '@backstage/catalog-model';
import {
  DEFAULT_SCORING,
  defaultChecks,
  placeEntity,
  type CheckState,
} from '@maturity/plugin-maturity-common';
import { generateScenario } from './generateScenario';
import type { ServiceProfile } from './types';
import { checksInScope } from './checkScope';

const componentOf = (entities: Entity[], profile: ServiceProfile) =>
  entities.find(
    e => e.kind === 'Component' && e.metadata.name === profile.name,
  )!;

/** The state each default check would have if the evidence follows the intents. */
function intendedStates(profile: ServiceProfile) {
  return defaultChecks.map(check => {
    let state: CheckState = 'unknown';
    if (profile.intents[check.id]) state = profile.intents[check.id];
    // Entities without a Kubernetes annotation get an empty workload list, so this one fails.
    else if (check.id === 'workload-linked' && !profile.kubernetes)
      state = 'fail';
    return {
      checkId: check.id,
      level: check.level,
      dimension: check.dimension,
      required: check.required,
      weight: check.weight,
      state,
    };
  });
}

describe('generateScenario', () => {
  it('is a pure function of seed and size', () => {
    expect(generateScenario({ seed: 9, size: 30 })).toEqual(
      generateScenario({ seed: 9, size: 30 }),
    );
    expect(generateScenario({ seed: 9, size: 30 })).not.toEqual(
      generateScenario({ seed: 10, size: 30 }),
    );
  });

  it.each([12, 300])(
    'spreads %i services over every level, with unlinked ones among them',
    size => {
      const { services } = generateScenario({ seed: 1, size });
      expect(services).toHaveLength(size);
      expect(new Set(services.map(s => s.targetLevel))).toEqual(
        new Set([0, 1, 2, 3, 4, 5]),
      );
      expect(services.some(s => !s.githubSlug && !s.kubernetes)).toBe(true);
      expect(services.some(s => s.githubSlug && !s.kubernetes)).toBe(true);
      expect(services.some(s => !s.githubSlug && s.kubernetes)).toBe(true);
    },
  );

  it('places every service at its target level when its checks come out as intended', () => {
    const { services, entities } = generateScenario({ seed: 3, size: 300 });
    const misplaced = services.filter(profile => {
      const lifecycle = componentOf(entities, profile).spec
        ?.lifecycle as string;
      return (
        placeEntity(intendedStates(profile), DEFAULT_SCORING, lifecycle)
          .level !== profile.targetLevel
      );
    });
    expect(misplaced.map(s => `${s.name}: target ${s.targetLevel}`)).toEqual(
      [],
    );
  });

  it('fills an intent for every check the service is linked for', () => {
    const { services } = generateScenario({ seed: 4, size: 100 });
    for (const profile of services) {
      const linkage = {
        github: Boolean(profile.githubSlug),
        kubernetes: Boolean(profile.kubernetes),
      };
      const expected = checksInScope(linkage)
        .map(c => c.id)
        .filter(id => !profile.unobservable?.[id]);
      if (profile.intents['workload-linked'] === 'fail') continue; // the rest of Kubernetes is unobservable
      expect(Object.keys(profile.intents).sort()).toEqual(expected.sort());
    }
  });

  it('writes annotations and catalog data that agree with the profiles', () => {
    const { services, entities } = generateScenario({ seed: 5, size: 120 });
    const groups = new Map(
      entities
        .filter(e => e.kind === 'Group')
        .map(g => [`group:default/${g.metadata.name}`, g]),
    );
    const apis = new Map(
      entities.filter(e => e.kind === 'API').map(a => [a.metadata.name, a]),
    );
    for (const profile of services) {
      const component = componentOf(entities, profile);
      const annotations = component.metadata.annotations ?? {};
      const spec = component.spec as Record<string, unknown>;
      expect(annotations['github.com/project-slug']).toBe(profile.githubSlug);
      expect(annotations['backstage.io/kubernetes-id']).toBe(
        profile.kubernetes?.kubernetesId,
      );
      expect(annotations['backstage.io/kubernetes-label-selector']).toBe(
        profile.kubernetes?.labelSelector,
      );
      expect(annotations['backstage.io/kubernetes-namespace']).toBe(
        profile.kubernetes?.restrictToNamespace
          ? profile.kubernetes.namespace
          : undefined,
      );
      const owner = groups.get(spec.owner as string)!;
      const members = (owner.relations ?? []).filter(
        r => r.type === 'hasMember',
      ).length;
      expect(members >= 2).toBe(profile.intents['owner-is-team'] === 'pass');
      expect(Boolean(spec.system)).toBe(
        profile.intents['owner-defined'] === 'pass',
      );
      const provided = (spec.providesApis as string[] | undefined) ?? [];
      expect(
        provided.every(name => Boolean(apis.get(name)?.spec?.definition)),
      ).toBe(true);
      expect(provided.length > 0).toBe(
        profile.intents['apis-declared'] === 'pass',
      );
      expect(Boolean(annotations['backstage.io/source-template'])).toBe(
        profile.intents['self-service-created'] === 'pass',
      );
      const dashboard =
        Boolean(annotations['grafana/dashboard-selector']) ||
        (component.metadata.links ?? []).some(l => l.type === 'dashboard');
      expect(dashboard).toBe(profile.intents['dashboards-linked'] === 'pass');
      // docs-with-code fails on the catalog side, so a failing intent means no techdocs-ref.
      const techdocs = Boolean(annotations['backstage.io/techdocs-ref']);
      expect(profile.intents['docs-with-code'] === 'fail' && techdocs).toBe(
        false,
      );
    }
  });
});
