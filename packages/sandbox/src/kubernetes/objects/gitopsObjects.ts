import {
  installed,
  object,
  refuses,
  wants,
  type ServiceContext,
} from './ServiceContext';
import type { KubeObject } from '../types';

/** How the workload is released, and the objects and workload labels that show it. */
export interface Release {
  objects: KubeObject[];
  workloadLabels: Record<string, string>;
  workloadAnnotations: Record<string, string>;
}

/**
 * Argo CD or Flux (in sync or drifted) or plain Helm labels, agreeing with helm-or-gitops
 * and gitops-synced.
 */
export function release(context: ServiceContext): Release {
  const none: Release = {
    objects: [],
    workloadLabels: {},
    workloadAnnotations: {},
  };
  if (!wants(context, 'helm-or-gitops')) return none;
  const helmLabels = {
    'app.kubernetes.io/managed-by': 'Helm',
    'helm.sh/chart': `${context.name}-1.0.0`,
  };
  if (refuses(context, 'gitops-synced') && context.random.chance(0.5)) {
    return { ...none, workloadLabels: helmLabels };
  }
  const synced = !refuses(context, 'gitops-synced');
  if (
    synced &&
    installed(context, 'Kustomization') &&
    context.random.chance(0.3)
  ) {
    return fluxRelease(
      context,
      context.random.chance(0.5) ? 'HelmRelease' : 'Kustomization',
    );
  }
  const { name, namespace, workloadKind } = context;
  return {
    objects: [
      object(
        context,
        'argoproj.io/v1alpha1',
        'Application',
        name,
        {
          spec: {
            project: 'default',
            destination: {
              namespace,
              server: 'https://kubernetes.default.svc',
            },
          },
          status: {
            sync: { status: synced ? 'Synced' : 'OutOfSync' },
            health: { status: synced ? 'Healthy' : 'Progressing' },
            resources: [
              {
                group: 'apps',
                version: 'v1',
                kind: workloadKind,
                namespace,
                name,
              },
            ],
          },
        },
        { namespace: 'argocd' },
      ),
    ],
    workloadLabels: { 'app.kubernetes.io/instance': name },
    workloadAnnotations: {
      'argocd.argoproj.io/tracking-id': `${name}:apps/${workloadKind}:${namespace}/${name}`,
    },
  };
}

/** A Ready Flux Kustomization or HelmRelease, and the labels its controller puts on what it applies. */
function fluxRelease(
  context: ServiceContext,
  kind: 'Kustomization' | 'HelmRelease',
): Release {
  const helm = kind === 'HelmRelease';
  const prefix = helm
    ? 'helm.toolkit.fluxcd.io'
    : 'kustomize.toolkit.fluxcd.io';
  const spec = helm
    ? {
        interval: '5m',
        chart: {
          spec: {
            chart: context.name,
            sourceRef: { kind: 'HelmRepository', name: 'charts' },
          },
        },
      }
    : {
        interval: '5m',
        path: `./deploy/${context.name}`,
        sourceRef: { kind: 'GitRepository', name: 'apps' },
      };
  return {
    objects: [
      object(
        context,
        helm ? 'helm.toolkit.fluxcd.io/v2' : 'kustomize.toolkit.fluxcd.io/v1',
        kind,
        context.name,
        {
          spec,
          status: {
            conditions: [
              {
                type: 'Ready',
                status: 'True',
                reason: 'ReconciliationSucceeded',
              },
            ],
          },
        },
        { namespace: 'flux-system' },
      ),
    ],
    workloadLabels: {
      [`${prefix}/name`]: context.name,
      [`${prefix}/namespace`]: 'flux-system',
      // helm-controller installs charts, which carry Helm's own labels too.
      ...(helm
        ? {
            'app.kubernetes.io/managed-by': 'Helm',
            'helm.sh/chart': `${context.name}-1.0.0`,
          }
        : {}),
    },
    workloadAnnotations: {},
  };
}
