import { KUBERNETES_FACTS } from '@maturity/plugin-maturity-common';
import type { CollectedFact } from '@maturity/plugin-maturity-node';
import type { JsonValue } from '@backstage/types';
import type { EntityLink } from '../matching/entityLink';
import { gitops } from './gitopsFacts';
import type { MatchedWorkload } from './matchedWorkload';
import { missingKind } from './missingKind';
import { ingresses, networkPolicies } from './networkFacts';
import { alertRules, logAgents, monitors, slos } from './observabilityFacts';
import { autoscalers, podDisruptionBudgets } from './scalingFacts';
import {
  admission,
  policyExceptions,
  policyReports,
  scanReports,
} from './securityFacts';
import { workloadFact } from './workloadFact';

/**
 * Every Kubernetes fact of one linked entity, from its matched workloads. Facts whose
 * objects come from a CRD missing on one of the workloads' clusters carry a problem
 * instead of a value, so their checks are unknown rather than failed.
 */
export function buildEntityFacts(
  entityRef: string,
  link: EntityLink,
  workloads: readonly MatchedWorkload[],
  now: Date,
): CollectedFact[] {
  const observed = (name: string, value: JsonValue): CollectedFact => ({
    entityRef,
    name,
    value,
  });
  const needing = (
    name: string,
    problem: string | undefined,
    value: () => JsonValue,
  ): CollectedFact =>
    problem
      ? { entityRef, name, value: null, problem }
      : observed(name, value());
  const w = workloads;
  return [
    observed(KUBERNETES_FACTS.workloads, w.map(workloadFact)),
    observed(KUBERNETES_FACTS.podDisruptionBudgets, podDisruptionBudgets(w)),
    observed(KUBERNETES_FACTS.autoscalers, autoscalers(w)),
    observed(KUBERNETES_FACTS.networkPolicies, networkPolicies(w)),
    observed(KUBERNETES_FACTS.ingresses, ingresses(w)),
    observed(KUBERNETES_FACTS.logAgents, logAgents(w)),
    needing(
      KUBERNETES_FACTS.monitors,
      missingKind(w, ['ServiceMonitor', 'PodMonitor'], 'any'),
      () => monitors(w),
    ),
    needing(
      KUBERNETES_FACTS.alertRules,
      missingKind(w, ['PrometheusRule'], 'every'),
      () => alertRules(w, link),
    ),
    needing(
      KUBERNETES_FACTS.scanReports,
      missingKind(w, ['VulnerabilityReport', 'ConfigAuditReport'], 'every'),
      () => scanReports(w, now),
    ),
    needing(
      KUBERNETES_FACTS.policyReports,
      missingKind(w, ['PolicyReport'], 'every'),
      () => policyReports(w),
    ),
    needing(
      KUBERNETES_FACTS.gitops,
      missingKind(w, ['Application', 'Kustomization', 'HelmRelease'], 'any'),
      () => gitops(w),
    ),
    needing(
      KUBERNETES_FACTS.admission,
      missingKind(w, ['ClusterPolicy'], 'every'),
      () => admission(w),
    ),
    needing(
      KUBERNETES_FACTS.policyExceptions,
      missingKind(w, ['PolicyException'], 'every'),
      () => policyExceptions(w),
    ),
    needing(
      KUBERNETES_FACTS.slos,
      missingKind(w, ['PrometheusRule', 'PrometheusServiceLevel'], 'any'),
      () => slos(w, link),
    ),
  ];
}
