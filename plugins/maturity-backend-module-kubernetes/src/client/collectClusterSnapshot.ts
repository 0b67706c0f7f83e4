import type {
  V1DaemonSet,
  V1Deployment,
  V1Ingress,
  V1Namespace,
  V1NetworkPolicy,
  V1PodDisruptionBudget,
  V1Service,
  V1StatefulSet,
  V2HorizontalPodAutoscaler,
} from '@kubernetes/client-node';
import type { ClusterClient } from './ClusterClient';
import type { CustomObjects, CustomObjectTypes } from './customObjects';
import { CUSTOM_KINDS, type CustomKind } from './customResourceTypes';

/** Everything the source read from one cluster in one run: one paged LIST per type. */
export interface ClusterSnapshot {
  cluster: string;
  /** Custom kinds discovery did not find; facts that need them carry a problem. */
  notInstalled: ReadonlySet<CustomKind>;
  deployments: V1Deployment[];
  statefulSets: V1StatefulSet[];
  daemonSets: V1DaemonSet[];
  horizontalPodAutoscalers: V2HorizontalPodAutoscaler[];
  podDisruptionBudgets: V1PodDisruptionBudget[];
  networkPolicies: V1NetworkPolicy[];
  services: V1Service[];
  ingresses: V1Ingress[];
  namespaces: V1Namespace[];
  custom: CustomObjects;
}

/** Lists in flight per cluster: enough to hide latency, few enough to be a polite client. */
const CONCURRENT_LISTS = 4;

/**
 * Discovers the cluster's custom kinds, then lists every built-in and every installed
 * custom type once, cluster-wide. Throws (a `ClusterRequestError`) when any of it fails:
 * a half-read cluster would make absent objects look like failing checks.
 */
export async function collectClusterSnapshot(
  client: ClusterClient,
): Promise<ClusterSnapshot> {
  const discovered = await client.discover(CUSTOM_KINDS);
  const { core, apps, autoscaling, policy, networking } = client.apis;
  const tasks: (() => Promise<void>)[] = [];
  const snapshot: ClusterSnapshot = {
    cluster: client.connection.name,
    notInstalled: new Set(CUSTOM_KINDS.filter(kind => !discovered.has(kind))),
    deployments: [],
    statefulSets: [],
    daemonSets: [],
    horizontalPodAutoscalers: [],
    podDisruptionBudgets: [],
    networkPolicies: [],
    services: [],
    ingresses: [],
    namespaces: [],
    custom: emptyCustomObjects(),
  };
  const s = snapshot;
  const list = client.listBuiltIn.bind(client);
  tasks.push(
    async () => {
      s.deployments = await list('list Deployments', p =>
        apps.listDeploymentForAllNamespaces(p),
      );
    },
    async () => {
      s.statefulSets = await list('list StatefulSets', p =>
        apps.listStatefulSetForAllNamespaces(p),
      );
    },
    async () => {
      s.daemonSets = await list('list DaemonSets', p =>
        apps.listDaemonSetForAllNamespaces(p),
      );
    },
    async () => {
      s.horizontalPodAutoscalers = await list(
        'list HorizontalPodAutoscalers',
        p => autoscaling.listHorizontalPodAutoscalerForAllNamespaces(p),
      );
    },
    async () => {
      s.podDisruptionBudgets = await list('list PodDisruptionBudgets', p =>
        policy.listPodDisruptionBudgetForAllNamespaces(p),
      );
    },
    async () => {
      s.networkPolicies = await list('list NetworkPolicies', p =>
        networking.listNetworkPolicyForAllNamespaces(p),
      );
    },
    async () => {
      s.services = await list('list Services', p =>
        core.listServiceForAllNamespaces(p),
      );
    },
    async () => {
      s.ingresses = await list('list Ingresses', p =>
        networking.listIngressForAllNamespaces(p),
      );
    },
    async () => {
      s.namespaces = await list('list Namespaces', p => core.listNamespace(p));
    },
  );
  for (const [kind, type] of discovered) {
    tasks.push(async () => {
      setCustom(snapshot.custom, kind, await client.listCustom(kind, type));
    });
  }
  await runWithConcurrency(tasks, CONCURRENT_LISTS);
  return snapshot;
}

function setCustom<K extends CustomKind>(
  custom: CustomObjects,
  kind: K,
  items: CustomObjectTypes[K][],
): void {
  custom[kind] = items;
}

function emptyCustomObjects(): CustomObjects {
  return {
    PolicyReport: [],
    VulnerabilityReport: [],
    ConfigAuditReport: [],
    Application: [],
    Kustomization: [],
    HelmRelease: [],
    ServiceMonitor: [],
    PodMonitor: [],
    PrometheusRule: [],
    ScaledObject: [],
    VerticalPodAutoscaler: [],
    Certificate: [],
    ClusterPolicy: [],
    Policy: [],
    PolicyException: [],
    ExternalSecret: [],
    SealedSecret: [],
    PeerAuthentication: [],
    PrometheusServiceLevel: [],
  };
}

/** Runs the tasks, at most `limit` at a time; the first failure rejects (the rest still settle). */
async function runWithConcurrency(
  tasks: (() => Promise<void>)[],
  limit: number,
): Promise<void> {
  let next = 0;
  let failure: unknown;
  const worker = async () => {
    while (next < tasks.length && failure === undefined) {
      const task = tasks[next];
      next += 1;
      try {
        await task();
      } catch (error) {
        failure ??= error;
      }
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(limit, tasks.length) }, worker),
  );
  if (failure !== undefined) throw failure;
}
