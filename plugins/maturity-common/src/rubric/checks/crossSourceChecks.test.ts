import type { JsonValue } from '@backstage/types';
import type { Fact } from '../../types';
import { evaluateCheck } from '../evaluate';
import { CATALOG_FACTS } from '../catalogFacts';
import {
  GITHUB_FACTS,
  type GithubVulnerabilityAlertFact,
} from '../githubFacts';
import {
  KUBERNETES_FACTS,
  type K8sScanReportFact,
  type K8sWorkloadFact,
} from '../kubernetesFacts';
import { crossSourceChecks } from './crossSourceChecks';

const NOW = new Date('2026-11-21T12:00:00Z');
const DAY = 86_400_000;
const daysAgo = (days: number) =>
  new Date(NOW.getTime() - days * DAY).toISOString();

/** A fact the source wrote with a problem instead of a value (CRD missing, 403 …). */
class Problem {
  constructor(readonly text: string) {}
}
/** A fact last observed two days ago, past the one-day staleness limit. */
class Stale {
  constructor(readonly value: JsonValue) {}
}
type Override = JsonValue | Problem | Stale | undefined;
type Overrides = Record<string, Override>;

const NOT_INSTALLED = new Problem('not installed on cluster prod-eu');
const NO_ACCESS = new Problem(
  'GitHub returned 403 for acme/shipments-api: Resource not accessible by integration',
);
const NOT_LINKED =
  'Not linked: no Kubernetes workload is matched to this entity';

const api: K8sWorkloadFact = {
  cluster: 'prod-eu',
  namespace: 'shipments',
  kind: 'Deployment',
  name: 'shipments-api',
  replicas: 3,
  containers: [
    {
      name: 'api',
      readinessProbe: true,
      livenessProbe: true,
      cpuRequest: true,
      memoryRequest: true,
      memoryLimit: true,
      literalSecretEnv: [],
      image: 'ghcr.io/acme/shipments-api:1.42.0',
    },
  ],
  spread: true,
  helmManaged: true,
  secretSources: ['external-secrets'],
  mesh: { enrolled: true, strictMtls: true },
};

const reports = (
  extra: Partial<K8sScanReportFact> = {},
): K8sScanReportFact => ({
  vulnerabilityReportAt: daysAgo(1),
  configAuditReportAt: daysAgo(1),
  fixable: [{ severity: 'high', ageDays: 3 }],
  ...extra,
});

const alert = (
  severity: GithubVulnerabilityAlertFact['severity'],
  ageInDays: number,
  fixable = true,
): GithubVulnerabilityAlertFact => ({
  severity,
  createdAt: daysAgo(ageInDays),
  fixable,
});

/** A well-run Level 4 service, scanned on both sides and fixing within its SLAs. */
const healthy: Record<string, JsonValue> = {
  [KUBERNETES_FACTS.workloads]: [api],
  [KUBERNETES_FACTS.scanReports]: reports(),
  [KUBERNETES_FACTS.admission]: {
    enforcing: 12,
    auditing: 3,
    verifiesImageSignatures: true,
  },
  [KUBERNETES_FACTS.slos]: 2,
  [GITHUB_FACTS.lastCodeScanAt]: daysAgo(2),
  [GITHUB_FACTS.vulnerabilityAlerts]: [
    alert('critical', 2),
    alert('medium', 200),
    alert('high', 400, false),
  ],
  [GITHUB_FACTS.provenanceAttested]: true,
  [CATALOG_FACTS.linkTypes]: ['runbook'],
};

const SOURCES: Record<string, string> = {
  k8s: 'kubernetes',
  github: 'github',
  catalog: 'catalog',
};

function run(checkId: string, overrides: Overrides = {}) {
  const facts = new Map<string, Fact>();
  for (const [name, value] of Object.entries({ ...healthy, ...overrides })) {
    if (value === undefined) continue;
    const fact = {
      entityRef: 'component:default/shipments-api',
      name,
      source: SOURCES[name.split('.')[0]],
      observedAt: NOW.toISOString(),
    };
    if (value instanceof Problem) {
      facts.set(name, { ...fact, value: null, problem: value.text });
    } else if (value instanceof Stale) {
      facts.set(name, { ...fact, value: value.value, observedAt: daysAgo(2) });
    } else {
      facts.set(name, { ...fact, value });
    }
  }
  const check = crossSourceChecks.find(c => c.id === checkId);
  if (!check) throw new Error(`No check ${checkId}`);
  return evaluateCheck(check, { facts, now: NOW, staleAfterMs: DAY });
}

const allFacts = (make: (name: string) => Override): Overrides =>
  Object.fromEntries(Object.keys(healthy).map(name => [name, make(name)]));
const stale = (name: string) => new Stale(healthy[name]);

const W = KUBERNETES_FACTS.workloads;
const SCANS = KUBERNETES_FACTS.scanReports;
const CODE_SCAN = GITHUB_FACTS.lastCodeScanAt;
const ALERTS = GITHUB_FACTS.vulnerabilityAlerts;
const SLOS = KUBERNETES_FACTS.slos;
const LINKS = CATALOG_FACTS.linkTypes;
const PROVENANCE = GITHUB_FACTS.provenanceAttested;
const ADMISSION = KUBERNETES_FACTS.admission;

type Case = { id: string; note: string; overrides: Overrides; reason: RegExp };

const passes: Case[] = [
  {
    id: 'continuous-scanning',
    note: 'on both sources',
    overrides: {},
    reason:
      /^Trivy vulnerability and config audit reports from the last 7 days$/,
  },
  {
    id: 'continuous-scanning',
    note: 'Trivy reports exactly 7 days old',
    overrides: {
      [SCANS]: reports({
        vulnerabilityReportAt: daysAgo(7),
        configAuditReportAt: daysAgo(7),
      }),
      [CODE_SCAN]: null,
    },
    reason:
      /^Trivy vulnerability and config audit reports from the last 7 days$/,
  },
  {
    id: 'continuous-scanning',
    note: 'on the cluster alone, GitHub unreadable',
    overrides: { [CODE_SCAN]: NO_ACCESS },
    reason:
      /^Trivy vulnerability and config audit reports from the last 7 days$/,
  },
  {
    id: 'continuous-scanning',
    note: 'on GitHub alone, Trivy not installed',
    overrides: { [SCANS]: NOT_INSTALLED },
    reason: /^Code scanning analysed the repository 2 days ago$/,
  },
  {
    id: 'continuous-scanning',
    note: 'on GitHub alone, no workload linked',
    overrides: { [W]: [] },
    reason: /^Code scanning analysed the repository 2 days ago$/,
  },
  {
    id: 'continuous-scanning',
    note: 'on GitHub when the Trivy reports are old',
    overrides: {
      [SCANS]: reports({ vulnerabilityReportAt: daysAgo(10) }),
      [CODE_SCAN]: daysAgo(29.5),
    },
    reason: /^Code scanning analysed the repository 29 days ago$/,
  },
  {
    id: 'vuln-sla',
    note: 'with fresh and unfixable findings only',
    overrides: {},
    reason: /^No fixable critical or high finding is past its SLA$/,
  },
  {
    id: 'vuln-sla',
    note: 'a critical exactly 7 days old and a high exactly 30 days old',
    overrides: {
      [SCANS]: reports({
        fixable: [
          { severity: 'critical', ageDays: 7 },
          { severity: 'high', ageDays: 30 },
        ],
      }),
      [ALERTS]: [alert('critical', 7), alert('high', 30)],
    },
    reason: /^No fixable critical or high finding is past its SLA$/,
  },
  {
    id: 'vuln-sla',
    note: 'on GitHub alone, no workload linked',
    overrides: { [W]: [] },
    reason: /^No fixable critical or high finding is past its SLA$/,
  },
  {
    id: 'vuln-sla',
    note: 'on the cluster alone, Dependabot alerts unreadable',
    overrides: { [ALERTS]: NO_ACCESS },
    reason: /^No fixable critical or high finding is past its SLA$/,
  },
  {
    id: 'slo-defined',
    note: 'with SLO objects',
    overrides: {},
    reason: /^2 SLO objects for the service$/,
  },
  {
    id: 'slo-defined',
    note: 'with an SLO link, whatever the clusters say',
    overrides: { [LINKS]: ['runbook', 'slo'], [SLOS]: NOT_INSTALLED },
    reason: /^An SLO link is in the catalog$/,
  },
  {
    id: 'supply-chain-verified',
    note: 'with provenance verified at admission',
    overrides: {},
    reason:
      /^Provenance is attested and image signatures are verified at admission$/,
  },
];

const fails: Case[] = [
  {
    id: 'continuous-scanning',
    note: 'old Trivy reports, never code-scanned',
    overrides: {
      [SCANS]: reports({
        vulnerabilityReportAt: daysAgo(10),
        configAuditReportAt: daysAgo(10),
      }),
      [CODE_SCAN]: null,
    },
    reason: /^No scan reports in 7 days and no code scanning in 30 days$/,
  },
  {
    id: 'continuous-scanning',
    note: 'no config audit report, code scanned 31 days ago',
    overrides: {
      [SCANS]: reports({ configAuditReportAt: null }),
      [CODE_SCAN]: daysAgo(31),
    },
    reason: /^No scan reports in 7 days and no code scanning in 30 days$/,
  },
  {
    id: 'continuous-scanning',
    note: 'no reports at all',
    overrides: {
      [SCANS]: reports({
        vulnerabilityReportAt: null,
        configAuditReportAt: null,
      }),
      [CODE_SCAN]: null,
    },
    reason: /^No scan reports in 7 days and no code scanning in 30 days$/,
  },
  {
    id: 'vuln-sla',
    note: 'a fixable critical on the cluster for 8 days',
    overrides: {
      [SCANS]: reports({ fixable: [{ severity: 'critical', ageDays: 8 }] }),
    },
    reason:
      /^1 fixable findings? past (its|their) SLA \(critical on the cluster/,
  },
  {
    id: 'vuln-sla',
    note: 'a fixable high on the cluster for 31 days',
    overrides: {
      [SCANS]: reports({ fixable: [{ severity: 'high', ageDays: 31 }] }),
    },
    reason: /^1 fixable findings? past (its|their) SLA \(high on the cluster/,
  },
  {
    id: 'vuln-sla',
    note: 'a fixable critical Dependabot alert 7.5 days old',
    overrides: { [ALERTS]: [alert('critical', 7.5)] },
    reason:
      /^1 fixable findings? past (its|their) SLA \(critical Dependabot alert/,
  },
  {
    id: 'vuln-sla',
    note: 'overdue on both sources',
    overrides: {
      [SCANS]: reports({ fixable: [{ severity: 'high', ageDays: 45 }] }),
      [ALERTS]: [alert('critical', 10), alert('high', 31), alert('high', 5)],
    },
    reason: /^3 fixable findings past their SLA \(high on the cluster/,
  },
  {
    id: 'vuln-sla',
    note: 'overdue on GitHub while the cluster cannot be read',
    overrides: { [SCANS]: NOT_INSTALLED, [ALERTS]: [alert('high', 60)] },
    reason: /^1 fixable findings? past (its|their) SLA \(high Dependabot alert/,
  },
  {
    id: 'slo-defined',
    note: 'no SLO object and no link',
    overrides: { [SLOS]: 0 },
    reason: /^No SLO object and no SLO link$/,
  },
  {
    id: 'supply-chain-verified',
    note: 'no provenance attestation',
    overrides: { [PROVENANCE]: false },
    reason: /^The latest build has no signed provenance attestation$/,
  },
  {
    id: 'supply-chain-verified',
    note: 'signatures not verified at admission',
    overrides: {
      [ADMISSION]: {
        enforcing: 12,
        auditing: 3,
        verifiesImageSignatures: false,
      },
    },
    reason:
      /^Provenance is attested but signatures are not verified at admission$/,
  },
];

const NEITHER_SCAN =
  /^Neither cluster scan reports nor GitHub code scanning could be observed$/;
const ONE_SIDE_SCAN =
  /^No recent scan where it could be observed; the other source could not be read$/;
const NEITHER_VULN =
  /^Neither cluster scan reports nor Dependabot alerts could be observed$/;
const NO_SLO_SEEN =
  /^No SLO link, and SLO objects on the clusters could not be observed$/;

const unknowns: Case[] = [
  {
    id: 'continuous-scanning',
    note: 'not linked and GitHub unreadable',
    overrides: { [W]: [], [CODE_SCAN]: NO_ACCESS },
    reason: NEITHER_SCAN,
  },
  {
    id: 'continuous-scanning',
    note: 'Trivy not installed and code scanning not collected',
    overrides: { [SCANS]: NOT_INSTALLED, [CODE_SCAN]: undefined },
    reason: NEITHER_SCAN,
  },
  {
    id: 'continuous-scanning',
    note: 'both sources stale',
    overrides: { [SCANS]: stale(SCANS), [CODE_SCAN]: stale(CODE_SCAN) },
    reason: NEITHER_SCAN,
  },
  {
    id: 'continuous-scanning',
    note: 'never code-scanned, Trivy not installed',
    overrides: { [SCANS]: NOT_INSTALLED, [CODE_SCAN]: null },
    reason: ONE_SIDE_SCAN,
  },
  {
    id: 'continuous-scanning',
    note: 'old Trivy reports, code scanning stale',
    overrides: {
      [SCANS]: reports({ vulnerabilityReportAt: daysAgo(10) }),
      [CODE_SCAN]: stale(CODE_SCAN),
    },
    reason: ONE_SIDE_SCAN,
  },
  {
    id: 'vuln-sla',
    note: 'not linked and Dependabot alerts unreadable',
    overrides: { [W]: [], [ALERTS]: NO_ACCESS },
    reason: NEITHER_VULN,
  },
  {
    id: 'vuln-sla',
    note: 'Trivy not installed and alerts not collected',
    overrides: { [SCANS]: NOT_INSTALLED, [ALERTS]: undefined },
    reason: NEITHER_VULN,
  },
  {
    id: 'vuln-sla',
    note: 'both sources stale',
    overrides: { [SCANS]: stale(SCANS), [ALERTS]: stale(ALERTS) },
    reason: NEITHER_VULN,
  },
  {
    id: 'slo-defined',
    note: 'SLO CRDs not installed and no link',
    overrides: { [SLOS]: NOT_INSTALLED },
    reason: NO_SLO_SEEN,
  },
  {
    id: 'slo-defined',
    note: 'SLO objects stale and no link',
    overrides: { [SLOS]: stale(SLOS) },
    reason: NO_SLO_SEEN,
  },
  {
    id: 'slo-defined',
    note: 'catalog links not collected',
    overrides: { [LINKS]: undefined },
    reason: /^Fact catalog\.linkTypes has not been collected$/,
  },
  {
    id: 'slo-defined',
    note: 'catalog links stale',
    overrides: { [LINKS]: stale(LINKS) },
    reason:
      /^Fact catalog\.linkTypes is stale: last observed 2026-11-19T12:00:00.000Z by catalog$/,
  },
  {
    id: 'supply-chain-verified',
    note: 'no workload linked',
    overrides: { [W]: [] },
    reason: new RegExp(`^${NOT_LINKED}$`),
  },
  {
    id: 'supply-chain-verified',
    note: 'no admission controller installed',
    overrides: { [ADMISSION]: NOT_INSTALLED },
    reason: /^Not installed on cluster prod-eu$/,
  },
  {
    id: 'supply-chain-verified',
    note: 'attestations unreadable',
    overrides: { [PROVENANCE]: NO_ACCESS },
    reason: /^GitHub returned 403 for acme\/shipments-api/,
  },
  {
    id: 'supply-chain-verified',
    note: 'provenance not collected',
    overrides: { [PROVENANCE]: undefined },
    reason: /^Fact github\.provenanceAttested has not been collected$/,
  },
  {
    id: 'supply-chain-verified',
    note: 'admission stale',
    overrides: { [ADMISSION]: stale(ADMISSION) },
    reason:
      /^Fact k8s\.admission is stale: last observed 2026-11-19T12:00:00.000Z by kubernetes$/,
  },
];

const ids = crossSourceChecks.map(c => c.id);

describe('cross-source checks', () => {
  it('has four checks, each with pass, fail and unknown cases below', () => {
    expect(ids).toHaveLength(4);
    for (const table of [passes, fails, unknowns]) {
      expect(new Set(table.map(c => c.id))).toEqual(new Set(ids));
    }
  });

  it.each(passes)('$id passes $note', ({ id, overrides, reason }) => {
    const result = run(id, overrides);
    expect(result).toMatchObject({ checkId: id, state: 'pass' });
    expect(result.reason).toMatch(reason);
  });

  it.each(fails)('$id fails: $note', ({ id, overrides, reason }) => {
    const result = run(id, overrides);
    expect(result).toMatchObject({ checkId: id, state: 'fail' });
    expect(result.reason).toMatch(reason);
  });

  it.each(unknowns)('$id is unknown: $note', ({ id, overrides, reason }) => {
    const result = run(id, overrides);
    expect(result).toMatchObject({ checkId: id, state: 'unknown' });
    expect(result.reason).toMatch(reason);
  });

  it.each(ids)('%s is unknown when nothing was collected', id => {
    const result = run(
      id,
      allFacts(() => undefined),
    );
    expect(result.state).toBe('unknown');
  });

  it.each(ids)('%s is unknown when every fact is stale', id => {
    const result = run(id, allFacts(stale));
    expect(result.state).toBe('unknown');
    expect(result.evidence.some(e => e.stale)).toBe(true);
  });

  it('shows why the cluster side was skipped when GitHub alone passes', () => {
    const result = run('continuous-scanning', { [SCANS]: NOT_INSTALLED });
    expect(result.state).toBe('pass');
    expect(result.evidence).toEqual([
      expect.objectContaining({ fact: W, value: [api], stale: false }),
      expect.objectContaining({
        fact: SCANS,
        value: null,
        source: 'kubernetes',
        problem: 'not installed on cluster prod-eu',
      }),
      expect.objectContaining({
        fact: CODE_SCAN,
        value: daysAgo(2),
        source: 'github',
      }),
    ]);
  });
});
