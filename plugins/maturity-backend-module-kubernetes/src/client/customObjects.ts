import type { CustomKind } from './customResourceTypes';

/** Metadata of a custom object as JSON (timestamps stay strings). */
export interface CustomObjectMeta {
  name: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  creationTimestamp?: string;
}

/** A label selector as written in specs (`matchLabels` / `matchExpressions`). */
export interface SelectorSpec {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

interface Condition {
  type?: string;
  status?: string;
}

/** Kyverno `match`/`exclude` blocks, reduced to what decides the namespaces and names. */
export interface KyvernoResourceFilter {
  resources?: { kinds?: string[]; names?: string[]; namespaces?: string[] };
}
export interface KyvernoMatch {
  any?: KyvernoResourceFilter[];
  all?: KyvernoResourceFilter[];
  resources?: KyvernoResourceFilter['resources'];
}

interface KyvernoPolicy {
  metadata: CustomObjectMeta;
  spec?: {
    validationFailureAction?: string;
    rules?: {
      name?: string;
      match?: KyvernoMatch;
      exclude?: KyvernoMatch;
      validate?: { failureAction?: string };
      verifyImages?: { failureAction?: string }[];
    }[];
  };
}

interface TrivyReport {
  metadata: CustomObjectMeta;
  report?: {
    updateTimestamp?: string;
    vulnerabilities?: { severity?: string; fixedVersion?: string }[];
  };
}

interface Monitor {
  metadata: CustomObjectMeta;
  spec?: {
    selector?: SelectorSpec;
    namespaceSelector?: { any?: boolean; matchNames?: string[] };
  };
}

interface FluxObject {
  metadata: CustomObjectMeta;
  status?: { conditions?: Condition[] };
}

/** The fields the source reads, per custom kind. */
export interface CustomObjectTypes {
  PolicyReport: {
    metadata: CustomObjectMeta;
    scope?: { kind?: string; name?: string; namespace?: string };
    summary?: { pass?: number; fail?: number; error?: number };
  };
  VulnerabilityReport: TrivyReport;
  ConfigAuditReport: TrivyReport;
  Application: {
    metadata: CustomObjectMeta;
    status?: {
      sync?: { status?: string };
      health?: { status?: string };
      resources?: { kind?: string; namespace?: string; name?: string }[];
    };
  };
  Kustomization: FluxObject;
  HelmRelease: FluxObject;
  ServiceMonitor: Monitor;
  PodMonitor: Monitor;
  PrometheusRule: {
    metadata: CustomObjectMeta;
    spec?: {
      groups?: {
        name?: string;
        rules?: {
          alert?: string;
          record?: string;
          labels?: Record<string, string>;
          annotations?: Record<string, string>;
        }[];
      }[];
    };
  };
  ScaledObject: {
    metadata: CustomObjectMeta;
    spec?: {
      scaleTargetRef?: { kind?: string; name?: string };
      minReplicaCount?: number;
    };
  };
  VerticalPodAutoscaler: {
    metadata: CustomObjectMeta;
    spec?: {
      targetRef?: { kind?: string; name?: string };
      updatePolicy?: { updateMode?: string };
    };
  };
  Certificate: {
    metadata: CustomObjectMeta;
    spec?: { secretName?: string };
    status?: { conditions?: Condition[]; notAfter?: string };
  };
  ClusterPolicy: KyvernoPolicy;
  Policy: KyvernoPolicy;
  PolicyException: {
    metadata: CustomObjectMeta;
    spec?: { match?: KyvernoMatch };
  };
  ExternalSecret: {
    metadata: CustomObjectMeta;
    spec?: { target?: { name?: string } };
  };
  SealedSecret: {
    metadata: CustomObjectMeta;
    spec?: { template?: { metadata?: { name?: string } } };
  };
  PeerAuthentication: {
    metadata: CustomObjectMeta;
    spec?: { selector?: SelectorSpec; mtls?: { mode?: string } };
  };
  PrometheusServiceLevel: {
    metadata: CustomObjectMeta;
    spec?: { slos?: unknown[] };
  };
}

/** Every custom kind's objects on one cluster; empty for kinds not installed. */
export type CustomObjects = { [K in CustomKind]: CustomObjectTypes[K][] };
