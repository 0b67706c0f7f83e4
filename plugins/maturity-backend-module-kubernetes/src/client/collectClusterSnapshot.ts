import type { BuiltInObjectTypes } from './builtInObjects';
import type { ClusterClient } from './ClusterClient';
import type { CustomObjects } from './customObjects';
import {
  CUSTOM_KINDS,
  type CustomKind,
  type DiscoveredType,
} from './customResourceTypes';
import { SLIM_CUSTOM } from './slimCustomObjects';
import {
  slimDaemonSet,
  slimHorizontalPodAutoscaler,
  slimIngress,
  slimNamespace,
  slimNetworkPolicy,
  slimPodDisruptionBudget,
  slimService,
  slimWorkload,
} from './slimBuiltInObjects';

/**
 * Everything the source read from one cluster in one run: one paged LIST per type, each
 * object reduced to what the facts read (slimObjects.ts).
 */
export interface ClusterSnapshot {
  cluster: string;
  /** Custom kinds discovery did not find; facts that need them carry a problem. */
  notInstalled: ReadonlySet<CustomKind>;
  deployments: BuiltInObjectTypes['Deployment'][];
  statefulSets: BuiltInObjectTypes['StatefulSet'][];
  daemonSets: BuiltInObjectTypes['DaemonSet'][];
  horizontalPodAutoscalers: BuiltInObjectTypes['HorizontalPodAutoscaler'][];
  podDisruptionBudgets: BuiltInObjectTypes['PodDisruptionBudget'][];
  networkPolicies: BuiltInObjectTypes['NetworkPolicy'][];
  services: BuiltInObjectTypes['Service'][];
  ingresses: BuiltInObjectTypes['Ingress'][];
  namespaces: BuiltInObjectTypes['Namespace'][];
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
  const list = client.list.bind(client);
  tasks.push(
    async () => {
      s.deployments = await list(
        'list Deployments',
        '/apis/apps/v1/deployments',
        slimWorkload,
      );
    },
    async () => {
      s.statefulSets = await list(
        'list StatefulSets',
        '/apis/apps/v1/statefulsets',
        slimWorkload,
      );
    },
    async () => {
      s.daemonSets = await list(
        'list DaemonSets',
        '/apis/apps/v1/daemonsets',
        slimDaemonSet,
      );
    },
    async () => {
      s.horizontalPodAutoscalers = await list(
        'list HorizontalPodAutoscalers',
        '/apis/autoscaling/v2/horizontalpodautoscalers',
        slimHorizontalPodAutoscaler,
      );
    },
    async () => {
      s.podDisruptionBudgets = await list(
        'list PodDisruptionBudgets',
        '/apis/policy/v1/poddisruptionbudgets',
        slimPodDisruptionBudget,
      );
    },
    async () => {
      s.networkPolicies = await list(
        'list NetworkPolicies',
        '/apis/networking.k8s.io/v1/networkpolicies',
        slimNetworkPolicy,
      );
    },
    async () => {
      s.services = await list('list Services', '/api/v1/services', slimService);
    },
    async () => {
      s.ingresses = await list(
        'list Ingresses',
        '/apis/networking.k8s.io/v1/ingresses',
        slimIngress,
      );
    },
    async () => {
      s.namespaces = await list(
        'list Namespaces',
        '/api/v1/namespaces',
        slimNamespace,
      );
    },
  );
  for (const [kind, type] of discovered) {
    tasks.push(() => listCustom(client, snapshot.custom, kind, type));
  }
  await runWithConcurrency(tasks, CONCURRENT_LISTS);
  return snapshot;
}

async function listCustom<K extends CustomKind>(
  client: ClusterClient,
  custom: CustomObjects,
  kind: K,
  type: DiscoveredType,
): Promise<void> {
  const { group, version, plural } = type;
  // Namespaced or not, `/apis/{group}/{version}/{plural}` lists the type cluster-wide.
  custom[kind] = await client.list(
    `list ${kind}`,
    `/apis/${group}/${version}/${plural}`,
    SLIM_CUSTOM[kind],
  );
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
