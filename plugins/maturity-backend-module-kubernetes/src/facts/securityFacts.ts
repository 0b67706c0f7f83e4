import type {
  K8sAdmissionFact,
  K8sPolicyExceptionFact,
  K8sPolicyReportFact,
  K8sScanReportFact,
} from '@maturity/plugin-maturity-common';
import type { CustomObjectTypes, KyvernoMatch } from '../client/customObjects';
import { lookup } from '../matching/lookupIndex';
import type { MatchedWorkload } from './matchedWorkload';
import { parseExpiry } from './parseExpiry';
import { inNamespace } from './inNamespace';
import { reportsAbout } from './trivyReports';

const DAY_MS = 86_400_000;

/** The newest Trivy reports of the workloads and their fixable critical and high findings. */
export function scanReports(
  workloads: readonly MatchedWorkload[],
  now: Date,
): K8sScanReportFact {
  const newest = (dates: (string | undefined)[]) =>
    dates
      .filter((d): d is string => Boolean(d))
      .sort()
      .at(-1) ?? null;
  const vulnerability = workloads.flatMap(w =>
    reportsAbout(w, w.snapshot.custom.VulnerabilityReport),
  );
  const configAudit = workloads.flatMap(w =>
    reportsAbout(w, w.snapshot.custom.ConfigAuditReport),
  );
  const fixable: K8sScanReportFact['fixable'] = [];
  for (const report of vulnerability) {
    // A finding is as old as the report that first showed it: the report lives as long as the ReplicaSet.
    const since =
      report.metadata.creationTimestamp ?? report.report?.updateTimestamp;
    const ageDays = since
      ? Math.max(0, Math.floor((now.getTime() - Date.parse(since)) / DAY_MS))
      : 0;
    for (const finding of report.report?.vulnerabilities ?? []) {
      const severity = finding.severity?.toLowerCase();
      if (
        (severity === 'critical' || severity === 'high') &&
        finding.fixedVersion
      ) {
        fixable.push({ severity, ageDays });
      }
    }
  }
  return {
    vulnerabilityReportAt: normalize(
      newest(vulnerability.map(r => r.report?.updateTimestamp)),
    ),
    configAuditReportAt: normalize(
      newest(configAudit.map(r => r.report?.updateTimestamp)),
    ),
    fixable,
  };
}

// Reports by the namespace and object they are scoped to: looked up per workload rather
// than scanned (a namespace of thousands of services holds thousands of reports).
const POLICY_REPORT_BY_SCOPE = {
  name: 'policy-report-scope',
  keysOf: (report: CustomObjectTypes['PolicyReport']) =>
    report.scope
      ? [
          `${report.metadata.namespace}/${report.scope.kind}/${report.scope.name}`,
        ]
      : [],
};

/** PolicyReport results (Kyverno, Gatekeeper via the policy reporter) scoped to the workloads. */
export function policyReports(
  workloads: readonly MatchedWorkload[],
): K8sPolicyReportFact {
  const total = { pass: 0, fail: 0, error: 0 };
  for (const w of workloads) {
    for (const report of lookup(
      w.snapshot.custom.PolicyReport,
      POLICY_REPORT_BY_SCOPE,
      [`${w.namespace}/${w.kind}/${w.name}`],
    )) {
      total.pass += report.summary?.pass ?? 0;
      total.fail += report.summary?.fail ?? 0;
      total.error += report.summary?.error ?? 0;
    }
  }
  return total;
}

type KyvernoPolicy = CustomObjectTypes['ClusterPolicy'];
type KyvernoRule = NonNullable<
  NonNullable<KyvernoPolicy['spec']>['rules']
>[number];

/**
 * Kyverno policies that apply to the workloads' namespaces: Enforce counts as enforcing,
 * anything else as auditing; signature verification only counts when enforced.
 */
export function admission(
  workloads: readonly MatchedWorkload[],
): K8sAdmissionFact {
  const fact: K8sAdmissionFact = {
    enforcing: 0,
    auditing: 0,
    verifiesImageSignatures: false,
  };
  const seen = new Set<string>();
  for (const w of workloads) {
    const policies = [
      ...w.snapshot.custom.ClusterPolicy,
      ...inNamespace(w.snapshot.custom.Policy, w.namespace),
    ];
    for (const policy of policies) {
      const key = `${w.snapshot.cluster}/${policy.metadata.namespace ?? ''}/${
        policy.metadata.name
      }`;
      const rules = (policy.spec?.rules ?? []).filter(r =>
        appliesTo(r.match, r.exclude, w.namespace),
      );
      if (seen.has(key) || rules.length === 0) continue;
      seen.add(key);
      const enforcing = enforces(policy, rules);
      if (enforcing) fact.enforcing += 1;
      else fact.auditing += 1;
      if (enforcing && rules.some(r => (r.verifyImages ?? []).length > 0))
        fact.verifiesImageSignatures = true;
    }
  }
  return fact;
}

function enforces(
  policy: KyvernoPolicy,
  rules: readonly KyvernoRule[],
): boolean {
  const isEnforce = (action: string | undefined) =>
    action?.toLowerCase() === 'enforce';
  return (
    isEnforce(policy.spec?.validationFailureAction) ||
    rules.some(
      r =>
        isEnforce(r.validate?.failureAction) ||
        (r.verifyImages ?? []).some(v => isEnforce(v.failureAction)),
    )
  );
}

function appliesTo(
  match: KyvernoMatch | undefined,
  exclude: KyvernoMatch | undefined,
  namespace: string,
): boolean {
  const filters = (m: KyvernoMatch | undefined) => [
    ...(m?.any ?? []),
    ...(m?.all ?? []),
    ...(m?.resources ? [{ resources: m.resources }] : []),
  ];
  const included = filters(match);
  const matches =
    included.length === 0 ||
    included.some(
      f =>
        !f.resources?.namespaces?.length ||
        f.resources.namespaces.some(p => glob(p, namespace)),
    );
  const excluded = filters(exclude).some(f =>
    f.resources?.namespaces?.some(p => glob(p, namespace)),
  );
  return matches && !excluded;
}

/**
 * Kyverno PolicyExceptions naming a workload, with their expiry (Kyverno's cleanup TTL).
 * Expired ones are kept: the check decides what still counts, and the evidence shows them.
 */
export function policyExceptions(
  workloads: readonly MatchedWorkload[],
): K8sPolicyExceptionFact[] {
  const facts = new Map<string, K8sPolicyExceptionFact>();
  for (const w of workloads) {
    for (const exception of exceptionsNaming(
      w.snapshot.custom.PolicyException,
      w.name,
    )) {
      const match = exception.spec?.match;
      const filters = [...(match?.any ?? []), ...(match?.all ?? [])];
      const names = filters.some(f => {
        const r = f.resources ?? {};
        return (
          (r.names ?? []).some(p => glob(p, w.name)) &&
          (!r.namespaces?.length ||
            r.namespaces.some(p => glob(p, w.namespace))) &&
          (!r.kinds?.length ||
            r.kinds.some(
              k => k === w.kind || k === 'Pod' || k.endsWith(`/${w.kind}`),
            ))
        );
      });
      if (!names) continue;
      facts.set(
        `${w.snapshot.cluster}/${exception.metadata.namespace}/${exception.metadata.name}`,
        {
          name: exception.metadata.name,
          expires: parseExpiry(exception.metadata),
        },
      );
    }
  }
  return [...facts.values()];
}

type PolicyException = CustomObjectTypes['PolicyException'];
const exceptionIndexes = new WeakMap<
  readonly PolicyException[],
  { byName: Map<string, PolicyException[]>; wildcards: PolicyException[] }
>();

/** Exceptions that could name `name`: listed by exact name, or with a wildcard pattern. */
function exceptionsNaming(
  exceptions: readonly PolicyException[],
  name: string,
): PolicyException[] {
  let index = exceptionIndexes.get(exceptions);
  if (!index) {
    index = { byName: new Map(), wildcards: [] };
    for (const exception of exceptions) {
      const match = exception.spec?.match;
      const patterns = [...(match?.any ?? []), ...(match?.all ?? [])].flatMap(
        f => f.resources?.names ?? [],
      );
      if (patterns.some(p => /[*?]/.test(p))) {
        index.wildcards.push(exception);
        continue;
      }
      for (const pattern of new Set(patterns)) {
        const filed = index.byName.get(pattern);
        if (filed) filed.push(exception);
        else index.byName.set(pattern, [exception]);
      }
    }
    exceptionIndexes.set(exceptions, index);
  }
  return [...(index.byName.get(name) ?? []), ...index.wildcards];
}

const globs = new Map<string, RegExp>();

/** Kyverno wildcards (`*`, `?`), compiled once per pattern. */
function glob(pattern: string, value: string): boolean {
  // Most patterns are plain names. Compiling and caching those too overflowed the bound
  // below at 50,000 services, so the cache was cleared and refilled over and over (1.3 s
  // of regular expressions compiled in one cold run).
  if (!pattern.includes('*') && !pattern.includes('?'))
    return pattern === value;
  let regex = globs.get(pattern);
  if (!regex) {
    // Patterns come from cluster objects; a bound keeps a long-running backend's cache small.
    if (globs.size > 10_000) globs.clear();
    regex = new RegExp(
      `^${pattern.split('*').map(escape).join('.*').replace(/\\\?/g, '.')}$`,
    );
    globs.set(pattern, regex);
  }
  return regex.test(value);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function normalize(iso: string | null): string | null {
  return iso ? new Date(iso).toISOString() : null;
}
