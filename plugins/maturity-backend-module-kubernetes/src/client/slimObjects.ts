import type {
  V1Container,
  V1DaemonSet,
  V1Deployment,
  V1Ingress,
  V1IngressServiceBackend,
  V1Namespace,
  V1NetworkPolicy,
  V1PodDisruptionBudget,
  V1PodSpec,
  V1Service,
  V1StatefulSet,
  V2HorizontalPodAutoscaler,
} from '@kubernetes/client-node';
import type { BuiltInObjectTypes, Container, PodSpec } from './builtInObjects';
import type {
  CustomObjectTypes,
  KyvernoMatch,
  KyvernoResourceFilter,
  Present,
  SelectorSpec,
} from './customObjects';
import type { CustomKind } from './customResourceTypes';

// Memory: a cluster's objects are kept from their LIST until every entity's facts are
// built. Kept whole (built-in kinds as client-node class instances with every declared
// property, custom kinds with their reports, rules and managedFields) they were the
// largest part of the backend's heap during a collection. Each object is reduced, as its
// page arrives, to plain objects holding only what the fact builders read; the types in
// builtInObjects.ts and customObjects.ts say what that is, so reading a field that is not
// kept does not compile. A fact that needs another field adds it there and here.

const PRESENT: Present = Object.freeze({});

const present = (value: object | undefined): Present | undefined =>
  value ? PRESENT : undefined;

/** Every object keeps its name and namespace, for messages and keys. */
const identity = <M extends { name?: string; namespace?: string }>(
  metadata: M,
): Pick<M, 'name' | 'namespace'> => ({
  name: metadata.name,
  namespace: metadata.namespace,
});

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** Annotations without kubectl's copy of the whole applied object, often the largest field. */
function annotationsOf(
  annotations: Record<string, string> | undefined,
): Record<string, string> | undefined {
  if (annotations?.[LAST_APPLIED] === undefined) return annotations;
  return Object.fromEntries(
    Object.entries(annotations).filter(([key]) => key !== LAST_APPLIED),
  );
}

function selectorOf(selector: SelectorSpec | undefined) {
  return (
    selector && {
      matchLabels: selector.matchLabels,
      matchExpressions: selector.matchExpressions?.map(e => ({
        key: e.key,
        operator: e.operator,
        values: e.values,
      })),
    }
  );
}

const conditionsOf = (conditions?: { type?: string; status?: string }[]) =>
  conditions?.map(c => ({ type: c.type, status: c.status }));

// Built-in kinds.

export function slimWorkload(
  workload: V1Deployment | V1StatefulSet,
): BuiltInObjectTypes['Deployment'] {
  const { metadata, spec } = workload;
  return {
    metadata: metadata && {
      ...identity(metadata),
      labels: metadata.labels,
      annotations: annotationsOf(metadata.annotations),
    },
    spec: spec && {
      replicas: spec.replicas,
      template: {
        metadata: spec.template.metadata && {
          labels: spec.template.metadata.labels,
          annotations: spec.template.metadata.annotations,
        },
        spec: spec.template.spec && slimPodSpec(spec.template.spec),
      },
    },
  };
}

function slimPodSpec(spec: V1PodSpec): PodSpec {
  return {
    containers: spec.containers.map(slimContainer),
    initContainers: spec.initContainers?.map(slimContainer),
    topologySpreadConstraints: spec.topologySpreadConstraints?.map(
      () => PRESENT,
    ),
    affinity: spec.affinity && {
      podAntiAffinity: present(spec.affinity.podAntiAffinity),
    },
    volumes: spec.volumes?.map(v => ({
      csi: v.csi && { driver: v.csi.driver },
      secret: v.secret && { secretName: v.secret.secretName },
      projected: v.projected && {
        sources: v.projected.sources?.map(s => ({
          secret: s.secret && { name: s.secret.name },
        })),
      },
    })),
  };
}

function slimContainer(container: V1Container): Container {
  const { resources } = container;
  return {
    name: container.name,
    image: container.image,
    readinessProbe: present(container.readinessProbe),
    livenessProbe: present(container.livenessProbe),
    resources: resources && {
      requests: resources.requests && {
        cpu: resources.requests.cpu,
        memory: resources.requests.memory,
      },
      limits: resources.limits && { memory: resources.limits.memory },
    },
    env: container.env?.map(e => ({
      name: e.name,
      value: e.value,
      valueFrom: e.valueFrom && {
        secretKeyRef: e.valueFrom.secretKeyRef && {
          name: e.valueFrom.secretKeyRef.name,
        },
      },
    })),
    envFrom: container.envFrom?.map(source => ({
      secretRef: source.secretRef && { name: source.secretRef.name },
    })),
  };
}

export function slimDaemonSet(
  daemonSet: V1DaemonSet,
): BuiltInObjectTypes['DaemonSet'] {
  const { metadata, spec } = daemonSet;
  const podSpec = spec?.template.spec;
  return {
    metadata: metadata && identity(metadata),
    spec: spec && {
      template: {
        spec: podSpec && {
          containers: podSpec.containers.map(c => ({ image: c.image })),
        },
      },
    },
  };
}

export function slimHorizontalPodAutoscaler(
  hpa: V2HorizontalPodAutoscaler,
): BuiltInObjectTypes['HorizontalPodAutoscaler'] {
  const { metadata, spec } = hpa;
  return {
    metadata: metadata && identity(metadata),
    spec: spec && {
      scaleTargetRef: {
        kind: spec.scaleTargetRef.kind,
        name: spec.scaleTargetRef.name,
      },
      minReplicas: spec.minReplicas,
    },
  };
}

export function slimPodDisruptionBudget(
  pdb: V1PodDisruptionBudget,
): BuiltInObjectTypes['PodDisruptionBudget'] {
  const { metadata, spec, status } = pdb;
  return {
    metadata: metadata && identity(metadata),
    spec: spec && {
      selector: selectorOf(spec.selector),
      maxUnavailable: spec.maxUnavailable,
      minAvailable: spec.minAvailable,
    },
    status: status && { disruptionsAllowed: status.disruptionsAllowed },
  };
}

export function slimNetworkPolicy(
  policy: V1NetworkPolicy,
): BuiltInObjectTypes['NetworkPolicy'] {
  const { metadata, spec } = policy;
  return {
    metadata: metadata && identity(metadata),
    spec: spec && {
      podSelector: selectorOf(spec.podSelector),
      policyTypes: spec.policyTypes,
      ingress: spec.ingress?.map(() => PRESENT),
    },
  };
}

export function slimService(service: V1Service): BuiltInObjectTypes['Service'] {
  const { metadata, spec } = service;
  return {
    metadata: metadata && { ...identity(metadata), labels: metadata.labels },
    spec: spec && { selector: spec.selector },
  };
}

export function slimIngress(ingress: V1Ingress): BuiltInObjectTypes['Ingress'] {
  const { metadata, spec } = ingress;
  const backend = (service: V1IngressServiceBackend | undefined) =>
    service && { name: service.name };
  return {
    metadata: metadata && identity(metadata),
    spec: spec && {
      tls: spec.tls?.map(t => ({ secretName: t.secretName })),
      rules: spec.rules?.map(rule => ({
        http: rule.http && {
          paths: rule.http.paths.map(path => ({
            backend: { service: backend(path.backend.service) },
          })),
        },
      })),
      defaultBackend: spec.defaultBackend && {
        service: backend(spec.defaultBackend.service),
      },
    },
  };
}

export function slimNamespace(
  namespace: V1Namespace,
): BuiltInObjectTypes['Namespace'] {
  const { metadata } = namespace;
  return {
    metadata: metadata && {
      ...identity(metadata),
      labels: metadata.labels,
      annotations: annotationsOf(metadata.annotations),
    },
  };
}

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
      scaleTargetRef: spec.scaleTargetRef && {
        kind: spec.scaleTargetRef.kind,
        name: spec.scaleTargetRef.name,
      },
      minReplicaCount: spec.minReplicaCount,
    },
  }),
  VerticalPodAutoscaler: ({ metadata, spec }) => ({
    metadata: identity(metadata),
    spec: spec && {
      targetRef: spec.targetRef && {
        kind: spec.targetRef.kind,
        name: spec.targetRef.name,
      },
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
