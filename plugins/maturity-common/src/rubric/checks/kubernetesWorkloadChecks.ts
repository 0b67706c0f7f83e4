// Checks on how the workloads themselves run: linked, replicated, probed, sized, spread, scaled.
import { type CheckDefinition, fail, pass } from '../CheckDefinition';
import {
  KUBERNETES_FACTS,
  type K8sAutoscalerFact,
  type K8sPodDisruptionBudgetFact,
  type K8sWorkloadFact,
} from '../kubernetesFacts';
import { MODEL_LINKS } from '../links';
import { listBriefly, numberParam, workloadName } from './ruleHelpers';
import {
  K8S_ANNOTATIONS_DOC,
  everyContainer,
  workloadCheck,
} from './workloadCheck';

export const workloadLinked: CheckDefinition = {
  id: 'workload-linked',
  title: 'Running workloads linked',
  level: 1,
  dimension: 'technology',
  lens: 'reliability',
  required: false,
  weight: 1,
  sources: ['kubernetes'],
  facts: [KUBERNETES_FACTS.workloads],
  hint: 'Add backstage.io/kubernetes-id (and label the workloads with it) or backstage.io/kubernetes-label-selector, so the service can be found on the clusters.',
  link: K8S_ANNOTATIONS_DOC,
  params: {},
  rule: ({ facts }) => {
    const workloads = facts.get<K8sWorkloadFact[]>(KUBERNETES_FACTS.workloads);
    return workloads.length > 0
      ? pass(`Matched ${listBriefly(workloads.map(workloadName), 2)}`)
      : fail('No Deployment or StatefulSet on any cluster matches this entity');
  },
};

export const replicasHa = workloadCheck(
  {
    id: 'replicas-ha',
    title: 'No single replica',
    level: 2,
    dimension: 'technology',
    lens: 'reliability',
    required: false,
    weight: 1,
    facts: [KUBERNETES_FACTS.autoscalers],
    hint: 'Run at least two replicas (spec.replicas, or an HPA with minReplicas ≥ 2) so one pod can fail without an outage.',
    link: MODEL_LINKS.level3,
    params: { minReplicas: 2 },
  },
  (workloads, { facts, params }) => {
    const min = numberParam(params, 'minReplicas', 2);
    const hpaMin = Math.max(
      0,
      ...(facts.find<K8sAutoscalerFact[]>(KUBERNETES_FACTS.autoscalers) ?? [])
        .filter(a => a.kind !== 'VerticalPodAutoscaler')
        .map(a => a.minReplicas ?? 1),
    );
    const single = workloads.filter(w => Math.max(w.replicas, hpaMin) < min);
    return single.length === 0
      ? pass(`Every workload runs ≥ ${min} replicas`)
      : fail(
          `Fewer than ${min} replicas: ${listBriefly(
            single.map(w => `${w.name} (${w.replicas})`),
          )}`,
        );
  },
);

export const probes = workloadCheck(
  {
    id: 'probes',
    title: 'Readiness and liveness probes',
    level: 2,
    dimension: 'technology',
    lens: 'reliability',
    required: false,
    weight: 1,
    hint: 'Give every container a readiness and a liveness probe so Kubernetes routes around and replaces unhealthy pods.',
    link: 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/',
  },
  workloads =>
    everyContainer(
      workloads,
      c => c.readinessProbe && c.livenessProbe,
      'Every container has readiness and liveness probes',
      'Missing probes',
    ),
);

export const resourcesSet = workloadCheck(
  {
    id: 'resources-set',
    title: 'CPU and memory requests and limits',
    level: 2,
    dimension: 'technology',
    lens: 'cost',
    required: false,
    weight: 1,
    hint: 'Set CPU and memory requests and a memory limit on every container, so capacity can be planned and measured.',
    link: 'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/',
  },
  workloads =>
    everyContainer(
      workloads,
      c => c.cpuRequest && c.memoryRequest && c.memoryLimit,
      'Every container sets CPU and memory requests and a memory limit',
      'Missing requests or memory limit',
    ),
);

export const pdb = workloadCheck(
  {
    id: 'pdb',
    title: 'PodDisruptionBudget',
    level: 2,
    dimension: 'technology',
    lens: 'reliability',
    required: false,
    weight: 1,
    facts: [KUBERNETES_FACTS.podDisruptionBudgets],
    hint: 'Add a PodDisruptionBudget that selects the pods and still allows one disruption, so node drains do not take the service down or hang.',
    link: 'https://kubernetes.io/docs/tasks/run-application/configure-pdb/',
  },
  (_workloads, { facts }) => {
    const budgets = facts.get<K8sPodDisruptionBudgetFact[]>(
      KUBERNETES_FACTS.podDisruptionBudgets,
    );
    if (budgets.length === 0)
      return fail('No PodDisruptionBudget selects the pods');
    const usable = budgets.filter(b => b.allowsDisruption);
    return usable.length > 0
      ? pass(`${usable.map(b => b.name).join(', ')} allows a disruption`)
      : fail(
          `${budgets
            .map(b => b.name)
            .join(', ')} allows no disruption: node drains would block`,
        );
  },
);

export const configExternalized = workloadCheck(
  {
    id: 'config-externalized',
    title: 'No secrets in plain environment values',
    level: 2,
    dimension: 'technology',
    lens: 'security',
    required: false,
    weight: 1,
    hint: 'Move values such as *_TOKEN, *PASSWORD* and *_KEY out of the manifest into a Secret or a secret store.',
    link: MODEL_LINKS.level2,
  },
  workloads =>
    everyContainer(
      workloads,
      c => c.literalSecretEnv.length === 0,
      'No container has a literal secret-looking env value',
      'Literal secret-looking env values',
    ),
);

export const spread = workloadCheck(
  {
    id: 'spread',
    title: 'Spread across nodes or zones',
    level: 3,
    dimension: 'technology',
    lens: 'reliability',
    required: false,
    weight: 1,
    hint: 'Add topologySpreadConstraints (or pod anti-affinity) so replicas do not share one node or zone.',
    link: 'https://kubernetes.io/docs/concepts/scheduling-eviction/topology-spread-constraints/',
  },
  workloads => {
    const packed = workloads.filter(w => !w.spread).map(w => w.name);
    return packed.length
      ? fail(`No spread constraints on ${listBriefly(packed)}`)
      : pass('Every workload spreads its pods');
  },
);

export const autoscaling = workloadCheck(
  {
    id: 'autoscaling',
    title: 'Autoscaling',
    level: 4,
    dimension: 'technology',
    lens: 'cost',
    required: false,
    weight: 1,
    facts: [KUBERNETES_FACTS.autoscalers],
    hint: 'Let an HPA, a KEDA ScaledObject or a VPA (not in Off mode) size the workloads.',
    link: MODEL_LINKS.level4,
  },
  (_workloads, { facts }) => {
    const active = facts
      .get<K8sAutoscalerFact[]>(KUBERNETES_FACTS.autoscalers)
      .filter(
        a => a.kind !== 'VerticalPodAutoscaler' || (a.mode ?? 'Auto') !== 'Off',
      );
    return active.length
      ? pass(`Scaled by ${listBriefly(active.map(a => `${a.kind} ${a.name}`))}`)
      : fail('No HPA, ScaledObject or active VPA targets the workloads');
  },
);
