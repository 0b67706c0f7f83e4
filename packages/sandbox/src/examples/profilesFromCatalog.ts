import type { Entity } from '@backstage/catalog-model';
import { defaultChecks } from '@maturity/plugin-maturity-common';
import { admissionFor } from '../kubernetes/buildKubernetesWorld';
import { SANDBOX_CLUSTERS, namespaceFor } from '../kubernetes/sandboxClusters';
import { createRandom } from '../random/createRandom';
import { adjustForPartialCluster } from '../scenario/adjustForPartialCluster';
import { checksInScope } from '../scenario/checkScope';
import { drawIntents } from '../scenario/drawIntents';
import type { ServiceProfile } from '../scenario/types';

const CATALOG_ONLY = new Set(
  defaultChecks
    .filter(c => c.sources.every(s => s === 'catalog'))
    .map(c => c.id),
);

/**
 * Service profiles for a hand-written catalog (such as `examples/entities.yaml`), so the
 * sandbox can serve Kubernetes (and GitHub) data that agrees with its annotations. The
 * target level follows how well kept the entry is (template, dashboard, TechDocs, API,
 * system); intents of catalog-only checks are left out, as the YAML itself decides them.
 * @public
 */
export function profilesFromCatalog(
  entities: readonly Entity[],
  options: { seed?: number } = {},
): ServiceProfile[] {
  const random = createRandom(options.seed ?? 7);
  const profiles: ServiceProfile[] = [];
  for (const entity of entities.filter(e => e.kind === 'Component')) {
    const annotations = entity.metadata.annotations ?? {};
    const name = entity.metadata.name;
    const slug = annotations['github.com/project-slug'];
    const kubernetesId = annotations['backstage.io/kubernetes-id'];
    const labelSelector = annotations['backstage.io/kubernetes-label-selector'];
    const namespace = annotations['backstage.io/kubernetes-namespace'];
    const linkage = {
      github: Boolean(slug),
      kubernetes: Boolean(kubernetesId || labelSelector),
    };
    const targetLevel =
      linkage.github && linkage.kubernetes ? keptness(entity) : 0;
    const drawn = drawIntents(random, checksInScope(linkage), targetLevel, {
      'repo-linked': linkage.github ? 'pass' : 'fail',
      ...(linkage.kubernetes ? { 'workload-linked': 'pass' as const } : {}),
    });
    const intents = Object.fromEntries(
      Object.entries(drawn).filter(([id]) => !CATALOG_ONLY.has(id)),
    );
    const profile: ServiceProfile = {
      entityRef: `component:${entity.metadata.namespace ?? 'default'}/${name}`,
      name,
      githubSlug: slug,
      targetLevel,
      intents,
    };
    if (linkage.kubernetes) {
      const cluster =
        intents['log-shipping'] === 'fail'
          ? SANDBOX_CLUSTERS.partial
          : SANDBOX_CLUSTERS.full;
      profile.kubernetes = {
        cluster: cluster.name,
        namespace: namespace ?? namespaceFor(intents),
        ...(kubernetesId ? { kubernetesId } : { labelSelector }),
        restrictToNamespace: Boolean(namespace),
      };
      adjustForPartialCluster(profile);
    }
    profiles.push(profile);
  }
  alignNamespaceAdmission(profiles);
  return profiles;
}

/** Template, dashboard, TechDocs, a provided API and a system: one level each, at most 5. */
function keptness(entity: Entity): number {
  const annotations = entity.metadata.annotations ?? {};
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  const signals = [
    annotations['backstage.io/source-template'],
    annotations['grafana/dashboard-selector'] ||
      (entity.metadata.links ?? []).some(l => l.type === 'dashboard'),
    annotations['backstage.io/techdocs-ref'],
    Array.isArray(spec.providesApis) && spec.providesApis.length > 0,
    spec.system,
  ];
  return Math.min(5, signals.filter(Boolean).length);
}

/**
 * Admission policies are per namespace, and the hand-written catalog puts several services
 * in one namespace: the first service decides its namespace's mode, the others' admission
 * intents follow it.
 */
function alignNamespaceAdmission(profiles: ServiceProfile[]): void {
  const modes = new Map<string, ReturnType<typeof admissionFor>>();
  for (const profile of profiles) {
    if (!profile.kubernetes || profile.intents['workload-linked'] === 'fail')
      continue;
    const key = `${profile.kubernetes.cluster}/${profile.kubernetes.namespace}`;
    const mode = modes.get(key) ?? admissionFor(profile.intents);
    modes.set(key, mode);
    if (profile.intents['policy-enforced']) {
      profile.intents['policy-enforced'] = mode === 'audit' ? 'fail' : 'pass';
    }
    if (
      profile.intents['supply-chain-verified'] === 'pass' &&
      mode !== 'verified'
    ) {
      profile.intents['supply-chain-verified'] = 'fail';
    }
  }
}
