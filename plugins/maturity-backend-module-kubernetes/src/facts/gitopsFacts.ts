import type { K8sGitopsFact } from '@maturity/plugin-maturity-common';
import type { CustomObjectTypes } from '../client/customObjects';
import { lookup } from '../matching/lookupIndex';
import type { MatchedWorkload } from './matchedWorkload';

/** Applications filed by the resources they list (namespace blank when unset) and their name. */
const ARGO_APPS = {
  name: 'argocd-applications',
  keysOf: (app: CustomObjectTypes['Application']) => [
    ...(app.status?.resources ?? []).map(
      r => `resource|${r.kind}|${r.namespace ?? ''}|${r.name}`,
    ),
    `name|${app.metadata.name}`,
  ],
};

/** Flux objects filed by namespace and name. */
const FLUX_OBJECTS = {
  name: 'flux-objects',
  keysOf: (o: CustomObjectTypes['Kustomization']) => [
    `${o.metadata.namespace}|${o.metadata.name}`,
  ],
};

/**
 * Argo CD Applications that list a workload among their resources (or own its tracking
 * id), and the Flux Kustomizations and HelmReleases named by its Flux labels.
 */
export function gitops(workloads: readonly MatchedWorkload[]): K8sGitopsFact[] {
  const facts = new Map<string, K8sGitopsFact>();
  for (const w of workloads) {
    const trackingApp =
      w.labels['argocd.argoproj.io/instance'] ?? trackingIdApp(w);
    for (const app of lookup(w.snapshot.custom.Application, ARGO_APPS, [
      `resource|${w.kind}|${w.namespace}|${w.name}`,
      `resource|${w.kind}||${w.name}`,
      trackingApp && `name|${trackingApp}`,
    ])) {
      const listed = (app.status?.resources ?? []).some(
        r =>
          r.kind === w.kind &&
          r.name === w.name &&
          (r.namespace ?? w.namespace) === w.namespace,
      );
      if (!listed && app.metadata.name !== trackingApp) continue;
      facts.set(
        `${w.snapshot.cluster}/argocd/${app.metadata.namespace}/${app.metadata.name}`,
        {
          tool: 'argocd',
          name: app.metadata.name,
          synced: app.status?.sync?.status === 'Synced',
          healthy: app.status?.health?.status === 'Healthy',
        },
      );
    }
    const flux = (kind: 'Kustomization' | 'HelmRelease', prefix: string) => {
      const name = w.labels[`${prefix}/name`];
      const namespace = w.labels[`${prefix}/namespace`];
      const [object] = lookup(w.snapshot.custom[kind], FLUX_OBJECTS, [
        `${namespace}|${name}`,
      ]);
      if (!object) return;
      const ready = isReady(object);
      facts.set(`${w.snapshot.cluster}/flux/${kind}/${namespace}/${name}`, {
        tool: 'flux',
        name: object.metadata.name,
        synced: ready,
        healthy: ready,
      });
    };
    flux('Kustomization', 'kustomize.toolkit.fluxcd.io');
    flux('HelmRelease', 'helm.toolkit.fluxcd.io');
  }
  return [...facts.values()];
}

/** Argo CD's annotation tracking: `<app>:<group>/<kind>:<namespace>/<name>`. */
function trackingIdApp(w: MatchedWorkload): string | undefined {
  return w.annotations['argocd.argoproj.io/tracking-id']?.split(':')[0];
}

function isReady(object: CustomObjectTypes['Kustomization']): boolean {
  return (object.status?.conditions ?? []).some(
    c => c.type === 'Ready' && c.status === 'True',
  );
}
