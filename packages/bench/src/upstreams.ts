import {
  buildGithubWorld,
  buildKubernetesWorld,
  clusterLocatorConfig,
  pushCommit,
  startGithubSandbox,
  startKubernetesSandbox,
  type Scenario,
} from '@maturity/sandbox';
import type { LatencyProfile } from './latencyProfiles';

/** Requests the upstreams received during one phase. */
export interface UpstreamCounts {
  githubRequests: number;
  githubGraphql: number;
  githubRest: number;
  githubNotModified: number;
  githubGraphqlPoints: number;
  kubernetesRequests: number;
  /**
   * CPU the sandboxes spent answering (this process does little else during a phase):
   * at zero latency the sandbox's GraphQL engine, not the backend, is most of a cold run.
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
  let kubernetes = await startKubernetesSandbox({
    world: buildKubernetesWorld(scenario.services, { seed: scenario.seed }),
    latencyMs: latency.kubernetesMs,
  });
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
    resetCounts() {
      github.resetRequests();
      kubernetes.resetRequests();
      cpuAtReset = process.cpuUsage();
    },
    counts(): UpstreamCounts {
      const c = github.counts();
      const cpu = process.cpuUsage(cpuAtReset);
      return {
        upstreamCpuMs: Math.round((cpu.user + cpu.system) / 1000),
        githubRequests: c.total,
        githubGraphql: c.graphql,
        githubRest: c.rest,
        githubNotModified: c.notModified,
        githubGraphqlPoints: c.graphqlPoints,
        kubernetesRequests: kubernetes.requestCount(),
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
      await Promise.all([github.close(), kubernetes.close()]);
      githubWorld = undefined as never;
      github = undefined as never;
      kubernetes = undefined as never;
    },
  };
}

export type Upstreams = Awaited<ReturnType<typeof startUpstreams>>;
