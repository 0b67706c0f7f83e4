import type { K8sAlertRuleFact } from '@maturity/plugin-maturity-common';
import type { CustomObjectTypes } from '../client/customObjects';
import { candidatesFor } from '../matching/candidatesFor';
import { linkMatches, type EntityLink } from '../matching/entityLink';
import { selecting } from '../matching/selectorIndex';
import { servicesOf } from './servicesOf';
import { clustersOf, type MatchedWorkload } from './matchedWorkload';

const LOG_AGENT =
  /fluent-?bit|fluentd|vector|otel|opentelemetry-collector|alloy|promtail/i;

/**
 * Log agent DaemonSets, as `<name> on <cluster>`. Empty when any cluster the workloads
 * run on has none: logs from that cluster would be lost, so the platform fact fails.
 */
export function logAgents(workloads: readonly MatchedWorkload[]): string[] {
  const agents: string[] = [];
  for (const snapshot of clustersOf(workloads)) {
    const here = snapshot.daemonSets
      .filter(ds => {
        const images =
          ds.spec?.template.spec?.containers.map(c => c.image ?? '') ?? [];
        return [ds.metadata?.name ?? '', ...images].some(text =>
          LOG_AGENT.test(text),
        );
      })
      .map(ds => `${ds.metadata?.name} on ${snapshot.cluster}`);
    if (here.length === 0) return [];
    agents.push(...here);
  }
  return agents;
}

/** ServiceMonitors (through a Service selecting the pods) and PodMonitors selecting the workloads. */
export function monitors(workloads: readonly MatchedWorkload[]): number {
  const found = new Set<string>();
  for (const w of workloads) {
    const { snapshot } = w;
    const serviceMonitors = servicesOf(w).flatMap(service =>
      selecting(
        snapshot.custom.ServiceMonitor,
        m => m.spec?.selector,
        service.metadata?.labels ?? {},
      ),
    );
    for (const monitor of serviceMonitors) {
      if (watchesNamespace(monitor, w.namespace)) {
        found.add(
          `${snapshot.cluster}/ServiceMonitor/${monitor.metadata.namespace}/${monitor.metadata.name}`,
        );
      }
    }
    const podMonitors = selecting(
      snapshot.custom.PodMonitor,
      m => m.spec?.selector,
      w.podLabels,
    );
    for (const monitor of podMonitors) {
      if (watchesNamespace(monitor, w.namespace)) {
        found.add(
          `${snapshot.cluster}/PodMonitor/${monitor.metadata.namespace}/${monitor.metadata.name}`,
        );
      }
    }
  }
  return found.size;
}

/** Prometheus Operator semantics: `any`, a list of names, or the monitor's own namespace. */
function watchesNamespace(
  monitor: CustomObjectTypes['ServiceMonitor'],
  namespace: string,
): boolean {
  const selector = monitor.spec?.namespaceSelector;
  if (selector?.any) return true;
  if (selector?.matchNames?.length)
    return selector.matchNames.includes(namespace);
  return monitor.metadata.namespace === namespace;
}

/**
 * PrometheusRules linked to the service: carrying the entity's link labels, on a cluster
 * (and within the namespace, if the entity names one) where its workloads run.
 */
function linkedRules(workloads: readonly MatchedWorkload[], link: EntityLink) {
  return clustersOf(workloads).flatMap(snapshot =>
    candidatesFor(link, snapshot.custom.PrometheusRule).filter(rule =>
      linkMatches(link, rule.metadata.namespace, rule.metadata.labels),
    ),
  );
}

/** Alerting rules of the linked PrometheusRules. */
export function alertRules(
  workloads: readonly MatchedWorkload[],
  link: EntityLink,
): K8sAlertRuleFact[] {
  return linkedRules(workloads, link).flatMap(rule =>
    (rule.spec?.groups ?? []).flatMap(group =>
      (group.rules ?? []).flatMap(r =>
        r.alert
          ? [
              {
                name: r.alert,
                severity: r.labels?.severity ?? null,
                runbookUrl: r.annotations?.runbook_url ?? null,
              },
            ]
          : [],
      ),
    ),
  );
}

/**
 * SLOs: Sloth PrometheusServiceLevels linked to the service (one per SLO they declare),
 * plus rule groups of linked PrometheusRules recording `slo:*` series (one per group).
 */
export function slos(
  workloads: readonly MatchedWorkload[],
  link: EntityLink,
): number {
  const fromRules = linkedRules(workloads, link).flatMap(rule =>
    (rule.spec?.groups ?? []).filter(g =>
      (g.rules ?? []).some(r => r.record?.startsWith('slo:')),
    ),
  ).length;
  const fromSloth = clustersOf(workloads)
    .flatMap(s => candidatesFor(link, s.custom.PrometheusServiceLevel))
    .filter(level =>
      linkMatches(link, level.metadata.namespace, level.metadata.labels),
    )
    .reduce(
      (sum, level) => sum + Math.max(1, level.spec?.slos?.length ?? 0),
      0,
    );
  return fromRules + fromSloth;
}
