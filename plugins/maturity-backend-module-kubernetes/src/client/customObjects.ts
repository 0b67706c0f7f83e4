import type { CustomKind } from './customResourceTypes';

/** Metadata of a custom object as JSON (timestamps stay strings). */
export interface CustomObjectMeta {
  name: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  creationTimestamp?: string;
}

/** Metadata as kept: the object's name and namespace, and whatever else its kind's facts read. */
type Meta<K extends 'labels' | 'annotations' | 'creationTimestamp' = never> =
  Pick<CustomObjectMeta, 'name' | 'namespace' | K>;

/** A label selector as written in specs (`matchLabels` / `matchExpressions`). */
export interface SelectorSpec {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

/**
 * Stands in for a field of which the facts only read whether it is set (or how many there
 * are): its content is not kept.
 */
export type Present = Readonly<Record<string, never>>;

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
  metadata: Meta;
  spec?: {
    validationFailureAction?: string;
    rules?: {
      match?: KyvernoMatch;
      exclude?: KyvernoMatch;
      validate?: { failureAction?: string };
      verifyImages?: { failureAction?: string }[];
    }[];
  };
}

interface VulnerabilityReport {
  metadata: Meta<'labels' | 'creationTimestamp'>;
  report?: {
    updateTimestamp?: string;
    vulnerabilities?: { severity?: string; fixedVersion?: string }[];
  };
}

interface Monitor {
  metadata: Meta;
  spec?: {
    selector?: SelectorSpec;
    namespaceSelector?: { any?: boolean; matchNames?: string[] };
  };
}

interface FluxObject {
  metadata: Meta;
  status?: { conditions?: Condition[] };
}

/** The fields the source keeps, and its facts read, per custom kind. */
export interface CustomObjectTypes {
  PolicyReport: {
    metadata: Meta;
    scope?: { kind?: string; name?: string };
    summary?: { pass?: number; fail?: number; error?: number };
  };
  VulnerabilityReport: VulnerabilityReport;
  ConfigAuditReport: {
    metadata: Meta<'labels'>;
    report?: { updateTimestamp?: string };
  };
  Application: {
    metadata: Meta;
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
    metadata: Meta<'labels'>;
    spec?: {
      groups?: {
        rules?: {
          alert?: string;
          record?: string;
          labels?: { severity?: string };
          annotations?: { runbook_url?: string };
        }[];
      }[];
    };
  };
  ScaledObject: {
    metadata: Meta;
    spec?: {
      scaleTargetRef?: { kind?: string; name?: string };
      minReplicaCount?: number;
    };
  };
  VerticalPodAutoscaler: {
    metadata: Meta;
    spec?: {
      targetRef?: { kind?: string; name?: string };
      updatePolicy?: { updateMode?: string };
    };
  };
  Certificate: {
    metadata: Meta;
    spec?: { secretName?: string };
    status?: { conditions?: Condition[]; notAfter?: string };
  };
  ClusterPolicy: KyvernoPolicy;
  Policy: KyvernoPolicy;
  PolicyException: {
    metadata: Meta<'labels' | 'annotations' | 'creationTimestamp'>;
    spec?: { match?: KyvernoMatch };
  };
  ExternalSecret: {
    metadata: Meta;
    spec?: { target?: { name?: string } };
  };
  SealedSecret: {
    metadata: Meta;
    spec?: { template?: { metadata?: { name?: string } } };
  };
  PeerAuthentication: {
    metadata: Meta;
    spec?: { selector?: SelectorSpec; mtls?: { mode?: string } };
  };
  PrometheusServiceLevel: {
    metadata: Meta<'labels'>;
    spec?: { slos?: Present[] };
  };
}

/** Every custom kind's objects on one cluster; empty for kinds not installed. */
export type CustomObjects = { [K in CustomKind]: CustomObjectTypes[K][] };
