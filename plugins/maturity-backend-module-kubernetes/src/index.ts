/**
 * Kubernetes fact source for the Maturity backend: workloads and the policy, security and
 * operations objects around them, collected with one paged LIST per type per cluster.
 *
 * @packageDocumentation
 */

export { maturityModuleKubernetes as default } from './module';
export { KubernetesFactSource } from './KubernetesFactSource';
export type { KubernetesFactSourceOptions } from './KubernetesFactSource';
export type {
  ClusterConnection,
  RequestSettings,
} from './config/readKubernetesSourceConfig';
