import { type CheckDefinition, fail, pass, unknown } from '../CheckDefinition';
import { CATALOG_FACTS } from '../catalogFacts';
import {
  GITHUB_FACTS,
  type GithubVulnerabilityAlertFact,
} from '../githubFacts';
import {
  KUBERNETES_FACTS,
  type K8sAdmissionFact,
  type K8sScanReportFact,
} from '../kubernetesFacts';
import { MODEL_LINKS } from '../links';
import {
  ageDays,
  linkedWorkloads,
  listBriefly,
  numberParam,
  withinDays,
} from './ruleHelpers';
import type { FactReader } from '../facts';

/** The scan reports of linked workloads, or undefined when Kubernetes cannot tell. */
function scanReports(facts: FactReader): K8sScanReportFact | undefined {
  try {
    linkedWorkloads(facts);
  } catch {
    return undefined;
  }
  return facts.find<K8sScanReportFact>(KUBERNETES_FACTS.scanReports);
}

export const continuousScanning: CheckDefinition = {
  id: 'continuous-scanning',
  title: 'Continuous vulnerability scanning',
  level: 3,
  dimension: 'process',
  lens: 'security',
  required: false,
  weight: 1,
  sources: ['kubernetes', 'github'],
  facts: [
    KUBERNETES_FACTS.workloads,
    KUBERNETES_FACTS.scanReports,
    GITHUB_FACTS.lastCodeScanAt,
  ],
  hint: 'Scan continuously: Trivy Operator reports on the cluster, or code or image scanning in CI.',
  link: MODEL_LINKS.level3,
  params: { maxReportAgeDays: 7, maxCodeScanAgeDays: 30 },
  // Either source is enough to pass; the check is unknown only when neither can be read,
  // and fails only when every readable source shows no recent scan.
  rule: ({ facts, params, now }) => {
    const reportDays = numberParam(params, 'maxReportAgeDays', 7);
    const codeDays = numberParam(params, 'maxCodeScanAgeDays', 30);
    const reports = scanReports(facts);
    const lastCodeScan = facts.find<string | null>(GITHUB_FACTS.lastCodeScanAt);
    if (
      reports?.vulnerabilityReportAt &&
      reports.configAuditReportAt &&
      withinDays(now, reports.vulnerabilityReportAt, reportDays) &&
      withinDays(now, reports.configAuditReportAt, reportDays)
    ) {
      return pass(
        `Trivy vulnerability and config audit reports from the last ${reportDays} days`,
      );
    }
    if (lastCodeScan && withinDays(now, lastCodeScan, codeDays)) {
      return pass(
        `Code scanning analysed the repository ${Math.floor(
          ageDays(now, lastCodeScan),
        )} days ago`,
      );
    }
    if (reports === undefined && lastCodeScan === undefined) {
      return unknown(
        'Neither cluster scan reports nor GitHub code scanning could be observed',
      );
    }
    if (reports === undefined || lastCodeScan === undefined) {
      return unknown(
        'No recent scan where it could be observed; the other source could not be read',
      );
    }
    return fail(
      `No scan reports in ${reportDays} days and no code scanning in ${codeDays} days`,
    );
  },
};

export const vulnSla: CheckDefinition = {
  id: 'vuln-sla',
  title: 'Vulnerabilities fixed within their SLA',
  level: 4,
  dimension: 'policy',
  lens: 'security',
  required: false,
  weight: 1,
  sources: ['kubernetes', 'github'],
  facts: [
    KUBERNETES_FACTS.workloads,
    KUBERNETES_FACTS.scanReports,
    GITHUB_FACTS.vulnerabilityAlerts,
  ],
  hint: 'Fix fixable critical vulnerabilities within 7 days and high ones within 30.',
  link: MODEL_LINKS.level4,
  params: { criticalDays: 7, highDays: 30 },
  rule: ({ facts, params, now }) => {
    const limits = {
      critical: numberParam(params, 'criticalDays', 7),
      high: numberParam(params, 'highDays', 30),
    };
    const reports = scanReports(facts);
    const alerts = facts.find<GithubVulnerabilityAlertFact[]>(
      GITHUB_FACTS.vulnerabilityAlerts,
    );
    const overdue = [
      ...(reports?.fixable ?? [])
        .filter(f => f.ageDays > limits[f.severity])
        .map(f => `${f.severity} on the cluster`),
      ...(alerts ?? [])
        .filter(
          a =>
            a.fixable && (a.severity === 'critical' || a.severity === 'high'),
        )
        .filter(
          a =>
            ageDays(now, a.createdAt) >
            limits[a.severity as 'critical' | 'high'],
        )
        .map(a => `${a.severity} Dependabot alert`),
    ];
    if (overdue.length)
      return fail(
        overdue.length === 1
          ? `1 fixable finding past its SLA (${overdue[0]})`
          : `${overdue.length} fixable findings past their SLA (${listBriefly(
              overdue,
              2,
            )})`,
      );
    if (reports === undefined && alerts === undefined) {
      return unknown(
        'Neither cluster scan reports nor Dependabot alerts could be observed',
      );
    }
    return pass('No fixable critical or high finding is past its SLA');
  },
};

export const sloDefined: CheckDefinition = {
  id: 'slo-defined',
  title: 'Service level objectives',
  level: 4,
  dimension: 'process',
  lens: 'reliability',
  required: false,
  weight: 1,
  sources: ['kubernetes', 'catalog'],
  facts: [CATALOG_FACTS.linkTypes, KUBERNETES_FACTS.slos],
  hint: 'Define an SLO for the service (a Sloth or OpenSLO object, or SLO recording rules) or link the SLO page with a link of type slo.',
  link: MODEL_LINKS.level4,
  params: {},
  rule: ({ facts }) => {
    if (facts.get<string[]>(CATALOG_FACTS.linkTypes).includes('slo')) {
      return pass('An SLO link is in the catalog');
    }
    const slos = facts.find<number>(KUBERNETES_FACTS.slos);
    if (slos === undefined)
      return unknown(
        'No SLO link, and SLO objects on the clusters could not be observed',
      );
    return slos > 0
      ? pass(`${slos} SLO objects for the service`)
      : fail('No SLO object and no SLO link');
  },
};

export const supplyChainVerified: CheckDefinition = {
  id: 'supply-chain-verified',
  title: 'Signed provenance verified at admission',
  level: 5,
  dimension: 'technology',
  lens: 'security',
  required: false,
  weight: 1,
  sources: ['github', 'kubernetes'],
  facts: [
    GITHUB_FACTS.provenanceAttested,
    KUBERNETES_FACTS.workloads,
    KUBERNETES_FACTS.admission,
  ],
  hint: 'Attest build provenance in CI and verify image signatures at admission (Kyverno verifyImages or the sigstore policy-controller).',
  link: MODEL_LINKS.level5,
  params: {},
  rule: ({ facts }) => {
    if (!facts.get<boolean>(GITHUB_FACTS.provenanceAttested)) {
      return fail('The latest build has no signed provenance attestation');
    }
    linkedWorkloads(facts);
    const admission = facts.get<K8sAdmissionFact>(KUBERNETES_FACTS.admission);
    return admission.verifiesImageSignatures
      ? pass(
          'Provenance is attested and image signatures are verified at admission',
        )
      : fail(
          'Provenance is attested but signatures are not verified at admission',
        );
  },
};

/** @public */
export const crossSourceChecks: CheckDefinition[] = [
  continuousScanning,
  vulnSla,
  sloDefined,
  supplyChainVerified,
];
