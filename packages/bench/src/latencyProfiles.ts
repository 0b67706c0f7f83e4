/** Milliseconds before each answer, per kind of upstream call. */
export interface LatencyProfile {
  name: LatencyProfileName;
  githubRestMs: number;
  githubGraphqlMs: number;
  kubernetesMs: number;
  catalogMs: number;
}

export type LatencyProfileName = 'zero' | 'realistic';

/**
 * `zero` measures our own work; `realistic` adds the medians we expect from hosted
 * GitHub (REST ~80 ms, a 50-repository GraphQL query ~600 ms), a cluster API server in
 * the same region (~20 ms) and a busy catalog (~30 ms).
 */
export const LATENCY_PROFILES: Record<LatencyProfileName, LatencyProfile> = {
  zero: {
    name: 'zero',
    githubRestMs: 0,
    githubGraphqlMs: 0,
    kubernetesMs: 0,
    catalogMs: 0,
  },
  realistic: {
    name: 'realistic',
    githubRestMs: 80,
    githubGraphqlMs: 600,
    kubernetesMs: 20,
    catalogMs: 30,
  },
};
