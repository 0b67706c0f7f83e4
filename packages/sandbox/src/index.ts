/**
 * Local stand-ins for the GitHub and Kubernetes APIs, and a deterministic scenario
 * generator whose catalog, repositories and clusters agree with each other.
 *
 * @packageDocumentation
 */

export { generateScenario } from './scenario/generateScenario';
export type { GenerateScenarioOptions } from './scenario/generateScenario';
export type { Scenario, ServiceProfile } from './scenario/types';
export { createRandom } from './random/createRandom';
export type { Random } from './random/createRandom';
export { profilesFromCatalog } from './examples/profilesFromCatalog';
export { readCatalogFile } from './examples/readCatalogFile';

export { buildKubernetesWorld } from './kubernetes/buildKubernetesWorld';
export type { BuildKubernetesWorldOptions } from './kubernetes/buildKubernetesWorld';
export { startKubernetesSandbox } from './kubernetes/startKubernetesSandbox';
export type {
  KubernetesSandbox,
  SandboxClusterEndpoint,
  StartKubernetesSandboxOptions,
} from './kubernetes/startKubernetesSandbox';
export { clusterLocatorConfig } from './kubernetes/clusterLocatorConfig';
export { SANDBOX_CLUSTERS } from './kubernetes/sandboxClusters';
export { FaultInjector } from './kubernetes/faults';
export type { FaultRule, KubernetesFault } from './kubernetes/faults';
export type { RecordedRequest } from './kubernetes/ClusterApiServer';
export type {
  KubeObject,
  KubernetesWorld,
  SandboxClusterSpec,
} from './kubernetes/types';

export * from './github';
