import {
  ClusterApiServer,
  type RecordedRequest,
  type ServerSettings,
} from './ClusterApiServer';
import { FaultInjector } from './faults';
import type { KubernetesWorld } from './types';

/** How to reach one sandbox cluster, in the terms of `kubernetes.clusterLocatorMethods`. */
export interface SandboxClusterEndpoint {
  name: string;
  url: string;
  token: string;
}

/** A running sandbox: one loopback API server per cluster of the world. */
export interface KubernetesSandbox {
  clusters: SandboxClusterEndpoint[];
  faults: FaultInjector;
  /** Delay before every answer, to make timeouts and concurrency visible. */
  setLatency(ms: number): void;
  /** Every request received so far, answered or not. */
  readonly requests: readonly RecordedRequest[];
  requestCount(cluster?: string): number;
  resetRequests(): void;
  /** Makes every continue token issued so far stale (410 Gone), on one or every cluster. */
  compact(cluster?: string): void;
  close(): Promise<void>;
}

/** @public */
export interface StartKubernetesSandboxOptions {
  world: KubernetesWorld;
  latencyMs?: number;
  /** Loopback only by default; the sandbox is test data, never to be exposed. */
  host?: string;
  /** Fixed ports per cluster in world order (for `yarn start`); random free ports when absent. */
  ports?: number[];
}

/** Starts the API servers of every cluster in `world`. */
export async function startKubernetesSandbox(
  options: StartKubernetesSandboxOptions,
): Promise<KubernetesSandbox> {
  const faults = new FaultInjector();
  const settings: ServerSettings = { latencyMs: options.latencyMs ?? 0 };
  const requests: RecordedRequest[] = [];
  const servers: ClusterApiServer[] = [];
  try {
    for (const [index, spec] of options.world.clusters.entries()) {
      servers.push(
        await ClusterApiServer.start({
          spec,
          faults,
          settings,
          record: request => requests.push(request),
          host: options.host ?? '127.0.0.1',
          port: options.ports?.[index] ?? 0,
        }),
      );
    }
  } catch (error) {
    await Promise.all(servers.map(s => s.close()));
    throw error;
  }
  return {
    clusters: servers.map((server, index) => ({
      name: server.name,
      url: server.url,
      token: options.world.clusters[index].token,
    })),
    faults,
    setLatency: ms => {
      settings.latencyMs = ms;
    },
    requests,
    requestCount: cluster =>
      cluster === undefined
        ? requests.length
        : requests.filter(r => r.cluster === cluster).length,
    resetRequests: () => {
      requests.length = 0;
    },
    compact: cluster =>
      servers
        .filter(s => cluster === undefined || s.name === cluster)
        .forEach(s => s.compact()),
    close: async () => {
      await Promise.all(servers.map(s => s.close()));
    },
  };
}
