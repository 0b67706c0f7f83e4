import { createRandom, type Random } from '../random/createRandom';
import type { ServiceProfile } from '../scenario/types';
import { autoscalers, disruptionBudget } from './objects/scalingObjects';
import { release } from './objects/gitopsObjects';
import { monitors, prometheusRules } from './objects/observabilityObjects';
import {
  APP_NAMESPACE_ADMISSION,
  platformObjects,
  type NamespaceAdmission,
} from './objects/platformObjects';
import {
  networkPolicies,
  peerAuthentication,
  policyExceptions,
  policyReport,
  scanReports,
} from './objects/securityObjects';
import type { ServiceContext } from './objects/ServiceContext';
import {
  networkObjects,
  previewCopy,
  secretObjects,
  workloadObject,
} from './objects/workloadObjects';
import {
  SANDBOX_CLUSTERS,
  type SandboxClusterProfile,
} from './sandboxClusters';
import type { KubeObject, KubernetesWorld } from './types';

/** @public */
export interface BuildKubernetesWorldOptions {
  /** The time report ages and certificate expiries are counted from; defaults to now. */
  now?: Date;
  /** Seeds the choices the intents leave open (Argo or Flux, HPA or KEDA …). */
  seed?: number;
}

/** The admission mode a namespace needs for these intents. */
export function admissionFor(
  intents: Record<string, 'pass' | 'fail'>,
): NamespaceAdmission {
  if (intents['policy-enforced'] !== 'pass') return 'audit';
  return intents['supply-chain-verified'] === 'pass' ? 'verified' : 'strict';
}

/**
 * The clusters of a scenario, with objects such that every Kubernetes check of every
 * service comes out as its intent says. Services whose workload-linked intent fails get no
 * objects at all.
 * @public
 */
export function buildKubernetesWorld(
  services: readonly ServiceProfile[],
  options: BuildKubernetesWorldOptions = {},
): KubernetesWorld {
  const now = options.now ?? new Date();
  const random = createRandom(options.seed ?? 1);
  const clusters: SandboxClusterProfile[] = [
    SANDBOX_CLUSTERS.full,
    SANDBOX_CLUSTERS.partial,
  ];
  return {
    clusters: clusters.map(cluster => {
      const placed = services.filter(
        s =>
          s.kubernetes?.cluster === cluster.name &&
          s.intents['workload-linked'] !== 'fail',
      );
      const namespaces = new Map<string, NamespaceAdmission>(
        Object.entries(APP_NAMESPACE_ADMISSION),
      );
      for (const service of placed) {
        const namespace = service.kubernetes!.namespace;
        if (!namespaces.has(namespace))
          namespaces.set(namespace, admissionFor(service.intents));
      }
      const objects = platformObjects(cluster, namespaces, now);
      for (const service of placed) {
        objects.push(
          ...serviceObjects(contextFor(service, cluster, now, random)),
        );
      }
      return {
        name: cluster.name,
        token: cluster.token,
        notInstalled: [...cluster.notInstalled],
        objects,
      };
    }),
  };
}

function contextFor(
  profile: ServiceProfile,
  cluster: SandboxClusterProfile,
  now: Date,
  random: Random,
): ServiceContext {
  const k8s = profile.kubernetes!;
  const linkLabels = k8s.kubernetesId
    ? { 'backstage.io/kubernetes-id': k8s.kubernetesId }
    : equalityLabels(k8s.labelSelector ?? '');
  return {
    profile,
    cluster,
    namespace: k8s.namespace,
    name: profile.name,
    workloadKind: random.chance(0.15) ? 'StatefulSet' : 'Deployment',
    linkLabels,
    podSelector: { 'app.kubernetes.io/name': profile.name },
    mesh: meshFor(profile, random),
    secrets: secretsFor(profile, cluster, random),
    now,
    random,
  };
}

function meshFor(
  profile: ServiceProfile,
  random: Random,
): ServiceContext['mesh'] {
  const intent = profile.intents['mesh-mtls'];
  if (!intent || (intent === 'fail' && random.chance(0.5))) return 'none';
  return random.chance(0.7) ? 'istio' : 'linkerd';
}

function secretsFor(
  profile: ServiceProfile,
  cluster: SandboxClusterProfile,
  random: Random,
): ServiceContext['secrets'] {
  if (profile.intents['secrets-managed'] !== 'pass') return 'plain';
  const roll = random.next();
  if (roll < 0.15) return 'csi';
  if (roll < 0.3) return 'vault-agent';
  if (roll < 0.5 && !cluster.notInstalled.includes('SealedSecret'))
    return 'sealed-secrets';
  return 'external-secrets';
}

function serviceObjects(context: ServiceContext): KubeObject[] {
  const released = release(context);
  const objects = [
    workloadObject(
      context,
      released.workloadLabels,
      released.workloadAnnotations,
    ),
    ...released.objects,
    ...secretObjects(context),
    ...networkObjects(context),
    ...disruptionBudget(context),
    ...autoscalers(context),
    ...monitors(context),
    ...prometheusRules(context),
    ...networkPolicies(context),
    ...peerAuthentication(context),
    ...policyReport(context),
    ...scanReports(context),
    ...policyExceptions(context),
  ];
  if (
    context.profile.kubernetes?.restrictToNamespace &&
    context.random.chance(0.5)
  ) {
    objects.push(previewCopy(context));
  }
  return objects;
}

/** `a=b,c=d` → `{ a: 'b', c: 'd' }`; the generator only writes equality selectors. */
function equalityLabels(selector: string): Record<string, string> {
  return Object.fromEntries(
    selector
      .split(',')
      .map(part => part.split('=').map(s => s.trim()))
      .filter(pair => pair.length === 2 && pair[0] && pair[1]),
  );
}
