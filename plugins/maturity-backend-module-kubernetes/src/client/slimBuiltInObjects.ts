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
import {
  annotationsOf,
  identity,
  PRESENT,
  present,
  selectorOf,
  targetOf,
} from './slimObjects';

// Built-in kinds, as client-node's typed lists answer them, reduced to what facts read
// (see slimObjects.ts).

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
      scaleTargetRef: targetOf(spec.scaleTargetRef),
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
