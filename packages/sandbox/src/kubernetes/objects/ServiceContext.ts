import type { Random } from '../../random/createRandom';
import type { ServiceProfile } from '../../scenario/types';
import type { SandboxClusterProfile } from '../sandboxClusters';
import type { KubeObject } from '../types';

/** What every object builder of one service needs to know. */
export interface ServiceContext {
  profile: ServiceProfile;
  cluster: SandboxClusterProfile;
  namespace: string;
  name: string;
  workloadKind: 'Deployment' | 'StatefulSet';
  /** Labels that link an object to the entity (its kubernetes-id or label-selector label). */
  linkLabels: Record<string, string>;
  /** Labels of the pods; Services, monitors and policies select on them. */
  podSelector: Record<string, string>;
  /**
   * The mesh the pods are in: strict when mesh-mtls should pass; half of the failing
   * services are in a mesh with permissive mTLS, the other half in none.
   */
  mesh: 'istio' | 'linkerd' | 'none';
  /** What delivers the workload's secrets; anything but `plain` when secrets-managed should pass. */
  secrets:
    | 'external-secrets'
    | 'sealed-secrets'
    | 'csi'
    | 'vault-agent'
    | 'plain';
  now: Date;
  random: Random;
}

/** True when the intent for `checkId` is pass. */
export function wants(context: ServiceContext, checkId: string): boolean {
  return context.profile.intents[checkId] === 'pass';
}

/** True when the intent for `checkId` is fail. */
export function refuses(context: ServiceContext, checkId: string): boolean {
  return context.profile.intents[checkId] === 'fail';
}

export function installed(context: ServiceContext, kind: string): boolean {
  return !context.cluster.notInstalled.includes(kind);
}

export function daysFrom(now: Date, days: number): string {
  return new Date(now.getTime() + days * 86_400_000).toISOString();
}

/** A namespaced object of the service. */
export function object(
  context: ServiceContext,
  apiVersion: string,
  kind: string,
  name: string,
  body: Record<string, unknown>,
  metadata: Partial<KubeObject['metadata']> = {},
): KubeObject {
  return {
    apiVersion,
    kind,
    metadata: {
      name,
      namespace: context.namespace,
      creationTimestamp: daysFrom(context.now, -90),
      ...metadata,
    },
    ...body,
  };
}
