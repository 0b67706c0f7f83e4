import type { IntOrString } from '@kubernetes/client-node';
import type {
  K8sAutoscalerFact,
  K8sPodDisruptionBudgetFact,
} from '@maturity/plugin-maturity-common';
import { selecting } from '../matching/selectorIndex';
import type { MatchedWorkload } from './matchedWorkload';
import { inNamespace } from './inNamespace';

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

/** HPAs, KEDA ScaledObjects and VPAs whose target is one of the workloads. */
export function autoscalers(
  workloads: readonly MatchedWorkload[],
): K8sAutoscalerFact[] {
  const facts: K8sAutoscalerFact[] = [];
  for (const w of workloads) {
    const targets = (
      ref: { kind?: string; name?: string } | undefined,
      defaultKind?: string,
    ) => (ref?.kind ?? defaultKind) === w.kind && ref?.name === w.name;
    const here = <T extends { metadata?: { namespace?: string } }>(
      items: T[],
    ) => inNamespace(items, w.namespace);
    for (const hpa of here(w.snapshot.horizontalPodAutoscalers)) {
      if (!targets(hpa.spec?.scaleTargetRef)) continue;
      facts.push({
        kind: 'HorizontalPodAutoscaler',
        name: hpa.metadata?.name ?? '',
        minReplicas: hpa.spec?.minReplicas ?? 1,
      });
    }
    for (const scaled of here(w.snapshot.custom.ScaledObject)) {
      // KEDA scales Deployments unless scaleTargetRef.kind says otherwise.
      if (!targets(scaled.spec?.scaleTargetRef, 'Deployment')) continue;
      facts.push({
        kind: 'ScaledObject',
        name: scaled.metadata.name,
        minReplicas: scaled.spec?.minReplicaCount ?? 0,
      });
    }
    for (const vpa of here(w.snapshot.custom.VerticalPodAutoscaler)) {
      if (!targets(vpa.spec?.targetRef)) continue;
      facts.push({
        kind: 'VerticalPodAutoscaler',
        name: vpa.metadata.name,
        mode: vpa.spec?.updatePolicy?.updateMode ?? null,
      });
    }
  }
  return facts;
}
