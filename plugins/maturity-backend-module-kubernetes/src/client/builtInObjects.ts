import type { IntOrString, V1ObjectMeta } from '@kubernetes/client-node';
import type { Present, SelectorSpec } from './customObjects';

// Built-in objects as the snapshot keeps them (slimObjects.ts): plain objects along the API's
// field paths, holding only the fields the facts read.

/** Metadata as kept: the object's name and namespace, and whatever else its kind's facts read. */
type Meta<K extends 'labels' | 'annotations' = never> = Pick<
  V1ObjectMeta,
  'name' | 'namespace' | K
>;

/** A container of a workload's pod template, reduced to what the workload facts read. */
export interface Container {
  name: string;
  image?: string;
  readinessProbe?: Present;
  livenessProbe?: Present;
  resources?: {
    requests?: { cpu?: string; memory?: string };
    limits?: { memory?: string };
  };
  env?: {
    name: string;
    value?: string;
    valueFrom?: { secretKeyRef?: { name?: string } };
  }[];
  envFrom?: { secretRef?: { name?: string } }[];
}

export interface PodSpec {
  containers: Container[];
  initContainers?: Container[];
  topologySpreadConstraints?: Present[];
  affinity?: { podAntiAffinity?: Present };
  volumes?: {
    csi?: { driver?: string };
    secret?: { secretName?: string };
    projected?: { sources?: { secret?: { name?: string } }[] };
  }[];
}

/** A Deployment or StatefulSet. */
interface Workload {
  metadata?: Meta<'labels' | 'annotations'>;
  spec?: {
    replicas?: number;
    template: {
      metadata?: Pick<V1ObjectMeta, 'labels' | 'annotations'>;
      spec?: PodSpec;
    };
  };
}

/** The fields the source keeps, and its facts read, per built-in kind. */
export interface BuiltInObjectTypes {
  Deployment: Workload;
  StatefulSet: Workload;
  DaemonSet: {
    metadata?: Meta;
    spec?: {
      template: { spec?: { containers: { image?: string }[] } };
    };
  };
  HorizontalPodAutoscaler: {
    metadata?: Meta;
    spec?: {
      scaleTargetRef: { kind?: string; name?: string };
      minReplicas?: number;
    };
  };
  PodDisruptionBudget: {
    metadata?: Meta;
    spec?: {
      selector?: SelectorSpec;
      maxUnavailable?: IntOrString;
      minAvailable?: IntOrString;
    };
    status?: { disruptionsAllowed?: number };
  };
  NetworkPolicy: {
    metadata?: Meta;
    spec?: {
      podSelector?: SelectorSpec;
      policyTypes?: string[];
      ingress?: Present[];
    };
  };
  Service: {
    metadata?: Meta<'labels'>;
    spec?: { selector?: Record<string, string> };
  };
  Ingress: {
    metadata?: Meta;
    spec?: {
      tls?: { secretName?: string }[];
      rules?: {
        http?: { paths: { backend: { service?: { name?: string } } }[] };
      }[];
      defaultBackend?: { service?: { name?: string } };
    };
  };
  Namespace: { metadata?: Meta<'labels' | 'annotations'> };
}
