import { resolvePackagePath } from '@backstage/backend-plugin-api';
import {
  buildGithubWorld,
  clusterLocatorConfig,
  pushCommit,
  startGithubSandbox,
  type Scenario,
} from '@maturity/sandbox';
import { forkTypeScript, request, stopChild } from './ipc';
import type { LatencyProfile } from './latencyProfiles';
import type {
  KubernetesUpstreamCommand,
  KubernetesUpstreamReply,
} from './upstreams/kubernetesUpstream';

/** Requests the upstreams received during one phase. */
export interface UpstreamCounts {
  githubRequests: number;
  githubGraphql: number;
  githubRest: number;
  githubNotModified: number;
  githubGraphqlPoints: number;
  kubernetesRequests: number;
  /**
   * CPU the sandboxes spent answering (this process does little else during a phase, the
   * Kubernetes sandbox has its own): it shares the machine's cores with the backend.
   */
  upstreamCpuMs: number;
}

/**
 * The GitHub and Kubernetes sandboxes serving the scenario's repositories and clusters
 * on loopback, with the latency profile's delays; they count what they are asked.
 */
export async function startUpstreams(
  scenario: Scenario,
  latency: LatencyProfile,
) {
  let githubWorld = buildGithubWorld(scenario.services, scenario.seed);
  let github = await startGithubSandbox({
    world: githubWorld,
    latency: { rest: latency.githubRestMs, graphql: latency.githubGraphqlMs },
    // The benchmark measures our requests, not GitHub's hourly budget.
    rateLimit: 10_000_000,
  });
  const kubernetes = await startKubernetesUpstream(scenario, latency);
  let cpuAtReset = process.cpuUsage();
  const slugs = scenario.services.flatMap(s =>
    s.githubSlug ? [s.githubSlug] : [],
  );

  return {
    repositories: slugs.length,
    config: {
      integrations: {
        github: [
          {
            host: 'github.com',
            apiBaseUrl: github.apiBaseUrl,
            token: github.token,
          },
        ],
      },
      ...clusterLocatorConfig(kubernetes.clusters),
    },
    async resetCounts() {
      github.resetRequests();
      await kubernetes.reset();
      cpuAtReset = process.cpuUsage();
    },
    async counts(): Promise<UpstreamCounts> {
      const c = github.counts();
      const cpu = process.cpuUsage(cpuAtReset);
      const k8s = await kubernetes.counts();
      return {
        upstreamCpuMs: Math.round((cpu.user + cpu.system) / 1000) + k8s.cpuMs,
        githubRequests: c.total,
        githubGraphql: c.graphql,
        githubRest: c.rest,
        githubNotModified: c.notModified,
        githubGraphqlPoints: c.graphqlPoints,
        kubernetesRequests: k8s.requests,
      };
    },
    /** New commits on `share` of the linked repositories, spread evenly. */
    pushToShare(share: number): number {
      const step = Math.max(1, Math.round(1 / share));
      let pushed = 0;
      for (let i = 0; i < slugs.length; i += step) {
        pushCommit(githubWorld, slugs[i]);
        pushed += 1;
      }
      return pushed;
    },
    /** Stops both servers and lets go of their worlds (gigabytes at 50,000 services). */
    async close() {
      await Promise.all([github.close(), kubernetes.stop()]);
      githubWorld = undefined as never;
      github = undefined as never;
    },
  };
}

export type Upstreams = Awaited<ReturnType<typeof startUpstreams>>;

/** The Kubernetes sandbox for the scenario, in its own process. */
async function startKubernetesUpstream(
  scenario: Scenario,
  latency: LatencyProfile,
) {
  // The benchmark runs from source (it is never built).
  const child = forkTypeScript(
    resolvePackagePath(
      '@maturity/bench',
      'src/upstreams/kubernetesUpstream.ts',
    ),
  );
  const ask = <T extends KubernetesUpstreamReply['type']>(
    command: KubernetesUpstreamCommand,
    expected: T,
  ) =>
    request<KubernetesUpstreamReply, T>(
      child,
      command,
      expected,
      'the Kubernetes sandbox',
    );
  const { clusters } = await ask(
    {
      type: 'start',
      seed: scenario.seed,
      size: scenario.size,
      latencyMs: latency.kubernetesMs,
    },
    'started',
  );
  return {
    clusters,
    reset: () => ask({ type: 'reset' }, 'done'),
    counts: () => ask({ type: 'counts' }, 'counts'),
    stop: () => stopChild(child),
  };
}
