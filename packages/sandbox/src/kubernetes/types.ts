/** Object metadata, as much of it as the sandbox serves. */
export interface KubeMetadata {
  name: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  creationTimestamp?: string;
  uid?: string;
}

/** A Kubernetes object as JSON, with `apiVersion` and `kind` always set. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: KubeMetadata;
  [field: string]: unknown;
}

/** One cluster of a sandbox world. */
export interface SandboxClusterSpec {
  name: string;
  /** Bearer token the cluster's API server accepts. */
  token: string;
  /** Kinds whose CRDs are not installed: absent from discovery, 404 when listed. */
  notInstalled: string[];
  objects: KubeObject[];
}

/** The Kubernetes side of a scenario: every cluster and what runs on it. */
export interface KubernetesWorld {
  clusters: SandboxClusterSpec[];
}
