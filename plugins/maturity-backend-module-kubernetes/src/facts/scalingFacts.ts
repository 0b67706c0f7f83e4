import type { IntOrString } from '@kubernetes/client-node';
import type {
  K8sAutoscalerFact,
  K8sPodDisruptionBudgetFact,
} from '@maturity/plugin-maturity-common';
import { selecting } from '../matching/selectorIndex';
import type { MatchedWorkload } from './matchedWorkload';
import { inNamespace } from './inNamespace';
import { lookup } from '../matching/lookupIndex';
import type { BuiltInObjectTypes } from '../client/builtInObjects';
import type { CustomObjectTypes } from '../client/customObjects';

/** PodDisruptionBudgets selecting the workloads' pods. */
export function podDisruptionBudgets(
  workloads: readonly MatchedWorkload[],
): K8sPodDisruptionBudgetFact[] {
  const facts = new Map<string, K8sPodDisruptionBudgetFact>();
  for (const w of workloads) {
    const budgets = inNamespace(w.snapshot.podDisruptionBudgets, w.namespace);
    for (const pdb of selecting(budgets, b => b.spec?.selector, w.podLabels)) {
      const key = `${w.snapshot.cluster}/${w.namespace}/${pdb.metadata?.name}`;
      const allowed = (pdb.status?.disruptionsAllowed ?? 0) >= 1;
      const previous = facts.get(key);
      facts.set(key, {
        name: pdb.metadata?.name ?? '',
        allowsDisruption:
          (previous?.allowsDisruption ?? true) &&
          (allowed ||
            specLeavesRoom(
              pdb.spec?.maxUnavailable,
              pdb.spec?.minAvailable,
              w.replicas,
            )),
      });
    }
  }
  return [...facts.values()];
}

/** Whether maxUnavailable/minAvailable leave room for one pod to go. */
function specLeavesRoom(
  maxUnavailable: IntOrString | undefined,
  minAvailable: IntOrString | undefined,
  replicas: number,
): boolean {
  if (maxUnavailable !== undefined)
    return podsOf(maxUnavailable, replicas, 'down') >= 1;
  if (minAvailable !== undefined)
    return podsOf(minAvailable, replicas, 'up') < replicas;
  return false;
}

/** An int-or-percent as a pod count; percentages round like the disruption controller does. */
function podsOf(
  value: IntOrString,
  replicas: number,
  rounding: 'up' | 'down',
): number {
  if (typeof value === 'number') return value;
  const percent = /^(\d+)%$/.exec(value);
  if (!percent) return Number(value) || 0;
  const exact = (Number(percent[1]) / 100) * replicas;
  return rounding === 'up' ? Math.ceil(exact) : Math.floor(exact);
}

// Autoscalers filed by namespace and target (kind/name), so each workload looks its own up
// rather than scanning every autoscaler of its namespace.
const targetKey = (
  namespace: string | undefined,
  ref: { kind?: string; name?: string } | undefined,
  defaultKind?: string,
) => `${namespace}/${ref?.kind ?? defaultKind}/${ref?.name}`;
const HPA_BY_TARGET = {
  name: 'hpa-target',
  keysOf: (hpa: BuiltInObjectTypes['HorizontalPodAutoscaler']) => [
    targetKey(hpa.metadata?.namespace, hpa.spec?.scaleTargetRef),
  ],
};
const SCALED_OBJECT_BY_TARGET = {
  name: 'scaled-object-target',
  // KEDA scales Deployments unless scaleTargetRef.kind says otherwise.
  keysOf: (scaled: CustomObjectTypes['ScaledObject']) => [
    targetKey(
      scaled.metadata.namespace,
      scaled.spec?.scaleTargetRef,
      'Deployment',
    ),
  ],
};
const VPA_BY_TARGET = {
  name: 'vpa-target',
  keysOf: (vpa: CustomObjectTypes['VerticalPodAutoscaler']) => [
    targetKey(vpa.metadata.namespace, vpa.spec?.targetRef),
  ],
};

/** HPAs, KEDA ScaledObjects and VPAs whose target is one of the workloads. */
export function autoscalers(
  workloads: readonly MatchedWorkload[],
): K8sAutoscalerFact[] {
  const facts: K8sAutoscalerFact[] = [];
  for (const w of workloads) {
    const key = [targetKey(w.namespace, { kind: w.kind, name: w.name })];
    const { snapshot } = w;
    for (const hpa of lookup(
      snapshot.horizontalPodAutoscalers,
      HPA_BY_TARGET,
      key,
    )) {
      facts.push({
        kind: 'HorizontalPodAutoscaler',
        name: hpa.metadata?.name ?? '',
        minReplicas: hpa.spec?.minReplicas ?? 1,
      });
    }
    for (const scaled of lookup(
      snapshot.custom.ScaledObject,
      SCALED_OBJECT_BY_TARGET,
      key,
    )) {
      facts.push({
        kind: 'ScaledObject',
        name: scaled.metadata.name,
        minReplicas: scaled.spec?.minReplicaCount ?? 0,
      });
    }
    for (const vpa of lookup(
      snapshot.custom.VerticalPodAutoscaler,
      VPA_BY_TARGET,
      key,
    )) {
      facts.push({
        kind: 'VerticalPodAutoscaler',
        name: vpa.metadata.name,
        mode: vpa.spec?.updatePolicy?.updateMode ?? null,
      });
    }
  }
  return facts;
}
