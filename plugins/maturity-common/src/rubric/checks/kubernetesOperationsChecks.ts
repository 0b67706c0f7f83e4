// How the workloads are released and operated: logs, metrics, alerts, Helm and GitOps.
import { fail, pass } from '../CheckDefinition';
import {
  KUBERNETES_FACTS,
  type K8sAlertRuleFact,
  type K8sGitopsFact,
} from '../kubernetesFacts';
import { MODEL_LINKS } from '../links';
import { listBriefly } from './ruleHelpers';
import { workloadCheck } from './workloadCheck';

export const logShipping = workloadCheck(
  {
    id: 'log-shipping',
    title: 'Logs are shipped',
    level: 2,
    dimension: 'process',
    lens: 'compliance',
    required: false,
    weight: 1,
    facts: [KUBERNETES_FACTS.logAgents],
    hint: 'Run a log agent DaemonSet (Fluent Bit, Vector, the OpenTelemetry Collector, Alloy …) on the cluster so logs outlive pods.',
    link: MODEL_LINKS.level3,
  },
  (_workloads, { facts }) => {
    const agents = facts.get<string[]>(KUBERNETES_FACTS.logAgents);
    return agents.length
      ? pass(`Log agents on the cluster: ${listBriefly(agents)}`)
      : fail('No log agent DaemonSet runs on the cluster');
  },
);

export const metricsScraped = workloadCheck(
  {
    id: 'metrics-scraped',
    title: 'Metrics are scraped',
    level: 3,
    dimension: 'technology',
    lens: 'reliability',
    required: false,
    weight: 1,
    facts: [KUBERNETES_FACTS.monitors],
    hint: 'Add a ServiceMonitor or PodMonitor that selects the service so its metrics are collected.',
    link: MODEL_LINKS.level3,
  },
  (_workloads, { facts }) => {
    const monitors = facts.get<number>(KUBERNETES_FACTS.monitors);
    return monitors > 0
      ? pass(`${monitors} ServiceMonitor/PodMonitor select the workloads`)
      : fail('No ServiceMonitor or PodMonitor selects the workloads');
  },
);

export const alertsDefined = workloadCheck(
  {
    id: 'alerts-defined',
    title: 'Alerts defined',
    level: 3,
    dimension: 'process',
    lens: 'reliability',
    required: false,
    weight: 1,
    facts: [KUBERNETES_FACTS.alertRules],
    hint: 'Define alerting rules for the service in a PrometheusRule.',
    link: MODEL_LINKS.level3,
  },
  (_workloads, { facts }) => {
    const rules = facts.get<K8sAlertRuleFact[]>(KUBERNETES_FACTS.alertRules);
    return rules.length
      ? pass(`${rules.length} alerts: ${listBriefly(rules.map(r => r.name))}`)
      : fail('No PrometheusRule alert is linked to the service');
  },
);

export const helmOrGitops = workloadCheck(
  {
    id: 'helm-or-gitops',
    title: 'Released with Helm or GitOps',
    level: 3,
    dimension: 'process',
    lens: 'delivery',
    required: false,
    weight: 1,
    facts: [KUBERNETES_FACTS.gitops],
    hint: 'Release through a Helm chart or have Argo CD or Flux track the workloads.',
    link: MODEL_LINKS.level3,
  },
  (workloads, { facts }) => {
    const tracked = facts.find<K8sGitopsFact[]>(KUBERNETES_FACTS.gitops) ?? [];
    if (tracked.length)
      return pass(
        `Tracked by ${listBriefly(tracked.map(g => `${g.tool} ${g.name}`))}`,
      );
    if (workloads.some(w => w.helmManaged)) return pass('Released with Helm');
    // Only GitOps could pass it now: unknown, not fail, when those objects cannot be read.
    facts.get<K8sGitopsFact[]>(KUBERNETES_FACTS.gitops);
    return fail(
      'Neither Helm labels nor an Argo CD or Flux object for the workloads',
    );
  },
);

export const gitopsSynced = workloadCheck(
  {
    id: 'gitops-synced',
    title: 'GitOps synced and healthy',
    level: 4,
    dimension: 'process',
    lens: 'delivery',
    required: false,
    weight: 1,
    facts: [KUBERNETES_FACTS.gitops],
    hint: 'Have Argo CD or Flux own the workloads and keep them in sync with Git (no drift).',
    link: MODEL_LINKS.level4,
  },
  (_workloads, { facts }) => {
    const tracked = facts.get<K8sGitopsFact[]>(KUBERNETES_FACTS.gitops);
    if (tracked.length === 0)
      return fail('No Argo CD Application or Flux object tracks the workloads');
    const drifted = tracked
      .filter(g => !g.synced || !g.healthy)
      .map(g => g.name);
    return drifted.length
      ? fail(`Out of sync or unhealthy: ${listBriefly(drifted)}`)
      : pass(`Synced and healthy: ${listBriefly(tracked.map(g => g.name))}`);
  },
);

export const auditAlertsEverywhere = workloadCheck(
  {
    id: 'audit-alerts-everywhere',
    title: 'Every alert has a severity and a runbook',
    level: 4,
    dimension: 'process',
    lens: 'compliance',
    required: false,
    weight: 1,
    facts: [KUBERNETES_FACTS.alertRules],
    hint: 'Label every alert with a severity and annotate it with runbook_url.',
    link: MODEL_LINKS.level4,
  },
  (_workloads, { facts }) => {
    const rules = facts.get<K8sAlertRuleFact[]>(KUBERNETES_FACTS.alertRules);
    if (rules.length === 0) return fail('No alerts are defined');
    const incomplete = rules
      .filter(r => !r.severity || !r.runbookUrl)
      .map(r => r.name);
    return incomplete.length
      ? fail(`Missing severity or runbook: ${listBriefly(incomplete)}`)
      : pass(`All ${rules.length} alerts have a severity and a runbook`);
  },
);
