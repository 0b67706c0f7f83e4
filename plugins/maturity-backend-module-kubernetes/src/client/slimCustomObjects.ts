import type {
  CustomObjectTypes,
  KyvernoMatch,
  KyvernoResourceFilter,
} from './customObjects';
import type { CustomKind } from './customResourceTypes';
import {
  annotationsOf,
  conditionsOf,
  identity,
  PRESENT,
  selectorOf,
  targetOf,
} from './slimObjects';

// Custom kinds: the custom objects API answers untyped JSON, typed by the shape it is read as.

type KyvernoPolicy = CustomObjectTypes['ClusterPolicy'];
type Monitor = CustomObjectTypes['ServiceMonitor'];
type FluxObject = CustomObjectTypes['Kustomization'];

const resourcesOf = (resources: KyvernoResourceFilter['resources']) =>
  resources && {
    kinds: resources.kinds,
    names: resources.names,
    namespaces: resources.namespaces,
  };

const matchOf = (match: KyvernoMatch | undefined): KyvernoMatch | undefined =>
  match && {
    any: match.any?.map(f => ({ resources: resourcesOf(f.resources) })),
    all: match.all?.map(f => ({ resources: resourcesOf(f.resources) })),
    resources: resourcesOf(match.resources),
  };

const slimKyvernoPolicy = (policy: KyvernoPolicy): KyvernoPolicy => ({
  metadata: identity(policy.metadata),
  spec: policy.spec && {
    validationFailureAction: policy.spec.validationFailureAction,
    rules: policy.spec.rules?.map(rule => ({
      match: matchOf(rule.match),
      exclude: matchOf(rule.exclude),
      validate: rule.validate && {
        failureAction: rule.validate.failureAction,
      },
      verifyImages: rule.verifyImages?.map(v => ({
        failureAction: v.failureAction,
      })),
    })),
  },
});

const slimMonitor = (monitor: Monitor): Monitor => ({
  metadata: identity(monitor.metadata),
  spec: monitor.spec && {
    selector: selectorOf(monitor.spec.selector),
    namespaceSelector: monitor.spec.namespaceSelector && {
      any: monitor.spec.namespaceSelector.any,
      matchNames: monitor.spec.namespaceSelector.matchNames,
    },
  },
});

const slimFluxObject = (object: FluxObject): FluxObject => ({
  metadata: identity(object.metadata),
  status: object.status && {
    conditions: conditionsOf(object.status.conditions),
  },
});

export const SLIM_CUSTOM: {
  [K in CustomKind]: (object: CustomObjectTypes[K]) => CustomObjectTypes[K];
} = {
  PolicyReport: report => ({
    metadata: identity(report.metadata),
    scope: report.scope && {
      kind: report.scope.kind,
      name: report.scope.name,
    },
    summary: report.summary && {
      pass: report.summary.pass,
      fail: report.summary.fail,
      error: report.summary.error,
    },
  }),
  VulnerabilityReport: ({ metadata, report }) => ({
    metadata: {
      ...identity(metadata),
      labels: metadata.labels,
      creationTimestamp: metadata.creationTimestamp,
    },
    report: report && {
      updateTimestamp: report.updateTimestamp,
      vulnerabilities: report.vulnerabilities?.map(v => ({
        severity: v.severity,
        fixedVersion: v.fixedVersion,
      })),
    },
  }),
  ConfigAuditReport: ({ metadata, report }) => ({
    metadata: { ...identity(metadata), labels: metadata.labels },
    report: report && { updateTimestamp: report.updateTimestamp },
  }),
  Application: ({ metadata, status }) => ({
    metadata: identity(metadata),
    status: status && {
      sync: status.sync && { status: status.sync.status },
      health: status.health && { status: status.health.status },
      resources: status.resources?.map(r => ({
        kind: r.kind,
        namespace: r.namespace,
        name: r.name,
      })),
    },
  }),
  Kustomization: slimFluxObject,
  HelmRelease: slimFluxObject,
  ServiceMonitor: slimMonitor,
  PodMonitor: slimMonitor,
  PrometheusRule: ({ metadata, spec }) => ({
    metadata: { ...identity(metadata), labels: metadata.labels },
    spec: spec && {
      groups: spec.groups?.map(group => ({
        rules: group.rules?.map(rule => ({
          alert: rule.alert,
          record: rule.record,
          labels: rule.labels && { severity: rule.labels.severity },
          annotations: rule.annotations && {
            runbook_url: rule.annotations.runbook_url,
          },
        })),
      })),
    },
  }),
  ScaledObject: ({ metadata, spec }) => ({
    metadata: identity(metadata),
    spec: spec && {
      scaleTargetRef: spec.scaleTargetRef && targetOf(spec.scaleTargetRef),
      minReplicaCount: spec.minReplicaCount,
    },
  }),
  VerticalPodAutoscaler: ({ metadata, spec }) => ({
    metadata: identity(metadata),
    spec: spec && {
      targetRef: spec.targetRef && targetOf(spec.targetRef),
      updatePolicy: spec.updatePolicy && {
        updateMode: spec.updatePolicy.updateMode,
      },
    },
  }),
  Certificate: ({ metadata, spec, status }) => ({
    metadata: identity(metadata),
    spec: spec && { secretName: spec.secretName },
    status: status && {
      conditions: conditionsOf(status.conditions),
      notAfter: status.notAfter,
    },
  }),
  ClusterPolicy: slimKyvernoPolicy,
  Policy: slimKyvernoPolicy,
  PolicyException: ({ metadata, spec }) => ({
    metadata: {
      ...identity(metadata),
      labels: metadata.labels,
      annotations: annotationsOf(metadata.annotations),
      creationTimestamp: metadata.creationTimestamp,
    },
    spec: spec && { match: matchOf(spec.match) },
  }),
  ExternalSecret: ({ metadata, spec }) => ({
    metadata: identity(metadata),
    spec: spec && { target: spec.target && { name: spec.target.name } },
  }),
  SealedSecret: ({ metadata, spec }) => ({
    metadata: identity(metadata),
    spec: spec && {
      template: spec.template && {
        metadata: spec.template.metadata && {
          name: spec.template.metadata.name,
        },
      },
    },
  }),
  PeerAuthentication: ({ metadata, spec }) => ({
    metadata: identity(metadata),
    spec: spec && {
      selector: selectorOf(spec.selector),
      mtls: spec.mtls && { mode: spec.mtls.mode },
    },
  }),
  PrometheusServiceLevel: ({ metadata, spec }) => ({
    metadata: { ...identity(metadata), labels: metadata.labels },
    spec: spec && { slos: spec.slos?.map(() => PRESENT) },
  }),
};
