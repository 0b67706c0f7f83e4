import type { JsonValue } from '@backstage/types';
import {
  GITHUB_FACTS,
  type GithubDeploymentFact,
  type GithubEnvironmentFact,
  type GithubRepositoryFact,
  type GithubRepositoryFilesFact,
  type GithubVulnerabilityAlertFact,
  type GithubWorkflowRunFact,
} from '@maturity/plugin-maturity-common';
import {
  nodesOf,
  type RepositoryNode,
  type TreeEntryNode,
} from '../query/types';
import {
  classifyWorkflows,
  isScanningRun,
  type WorkflowKinds,
} from './workflowKinds';

/** Fact name → value, for one repository. */
export type RepositoryFactValues = Record<string, JsonValue>;

const DAY_MS = 86_400_000;
/** The window of deployments and bot pull requests the rubric looks at. */
const WINDOW_DAYS = 90;
const RUNS_KEPT = 50;
/** GraphQL logins of the dependency bots (REST adds `[bot]`). */
const DEPENDENCY_BOTS = new Set([
  'dependabot',
  'renovate',
  'dependabot[bot]',
  'renovate[bot]',
]);

/** Turns one repository of the batch answer into the values of every GitHub fact. */
export function repositoryFacts(
  repo: RepositoryNode,
  now: Date,
): RepositoryFactValues {
  const workflows = repo.workflows?.entries ?? [];
  const kinds = classifyWorkflows(workflows);
  const suites = completedSuites(repo);
  const repository: GithubRepositoryFact = {
    slug: repo.nameWithOwner,
    defaultBranch: repo.defaultBranchRef?.name ?? '',
    archived: repo.isArchived,
  };
  return {
    [GITHUB_FACTS.repository]: repository,
    [GITHUB_FACTS.defaultBranchRuns]: suites.slice(0, RUNS_KEPT).map(
      (s): GithubWorkflowRunFact => ({
        conclusion: (s.conclusion ?? '').toLowerCase(),
        createdAt: s.createdAt,
      }),
    ),
    [GITHUB_FACTS.deployments]: deployments(repo, now),
    [GITHUB_FACTS.environments]: environments(repo),
    [GITHUB_FACTS.requiredStatusChecks]: requiredStatusChecks(repo),
    [GITHUB_FACTS.files]: files(repo.tree?.entries ?? [], kinds),
    [GITHUB_FACTS.botPullRequestsMerged]: nodesOf(repo.pullRequests).filter(
      pr =>
        pr.mergedAt &&
        DEPENDENCY_BOTS.has(pr.author?.login ?? '') &&
        now.getTime() - Date.parse(pr.mergedAt) <= WINDOW_DAYS * DAY_MS,
    ).length,
    [GITHUB_FACTS.lastCodeScanAt]: lastCodeScanAt(suites, kinds),
    [GITHUB_FACTS.vulnerabilityAlerts]: vulnerabilityAlerts(repo),
    [GITHUB_FACTS.docsLastChangedAt]: docsLastChangedAt(repo),
    [GITHUB_FACTS.provenanceAttested]: provenanceAttested(suites, kinds),
  };
}

type Suite = {
  conclusion: string | null;
  createdAt: string;
  updatedAt: string;
  path?: string;
};

/** Completed GitHub Actions runs on the default branch's recent commits, newest first. */
function completedSuites(repo: RepositoryNode): Suite[] {
  const commits = nodesOf(repo.defaultBranchRef?.target?.history);
  return (
    commits
      .flatMap(commit => nodesOf(commit.checkSuites))
      // GitHub marks suites that never ran for two weeks STALE: not a run, so not a failure.
      .filter(
        s =>
          s.status === 'COMPLETED' && s.conclusion && s.conclusion !== 'STALE',
      )
      .map(s => ({
        conclusion: s.conclusion,
        createdAt: s.createdAt,
        updatedAt: s.updatedAt,
        path: s.workflowRun?.file?.path,
      }))
      .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))
  );
}

function deployments(repo: RepositoryNode, now: Date): GithubDeploymentFact[] {
  return nodesOf(repo.deployments)
    .filter(
      d => now.getTime() - Date.parse(d.createdAt) <= WINDOW_DAYS * DAY_MS,
    )
    .map(d => ({
      environment: d.environment ?? '',
      createdAt: d.createdAt,
      state: (d.latestStatus?.state ?? 'pending').toLowerCase(),
      leadTimeHours: d.commit
        ? Math.round(
            ((Date.parse(d.createdAt) - Date.parse(d.commit.committedDate)) /
              3_600_000) *
              10,
          ) / 10
        : null,
    }))
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
}

function environments(repo: RepositoryNode): GithubEnvironmentFact[] {
  return nodesOf(repo.environments).map(env => {
    const rules = nodesOf(env.protectionRules);
    return {
      name: env.name,
      requiredReviewers: rules
        .filter(r => r.type === 'REQUIRED_REVIEWERS')
        .reduce((sum, r) => sum + (r.reviewers?.totalCount ?? 0), 0),
      waitTimerMinutes: rules
        .filter(r => r.type === 'WAIT_TIMER')
        .reduce((max, r) => Math.max(max, r.timeout), 0),
      branchPolicy: rules.some(r => r.type === 'BRANCH_POLICY'),
    };
  });
}

/** Rulesets and classic branch protection both count; GitHub enforces their union. */
function requiredStatusChecks(repo: RepositoryNode): string[] {
  const ref = repo.defaultBranchRef;
  const contexts = new Set<string>();
  for (const rule of nodesOf(ref?.rules)) {
    if (rule.type !== 'REQUIRED_STATUS_CHECKS') continue;
    for (const check of rule.parameters?.requiredStatusChecks ?? [])
      contexts.add(check.context);
  }
  const protection = ref?.branchProtectionRule;
  if (protection?.requiresStatusChecks) {
    for (const context of protection.requiredStatusCheckContexts ?? []) {
      if (context) contexts.add(context);
    }
  }
  return [...contexts].sort();
}

/** Paths (up to three levels deep) of the default branch's tree. */
function treePaths(entries: readonly TreeEntryNode[], prefix = ''): string[] {
  return entries.flatMap(entry => {
    const path = `${prefix}${entry.name}`;
    const children = entry.object?.entries;
    return children ? [path, ...treePaths(children, `${path}/`)] : [path];
  });
}

function files(
  entries: readonly TreeEntryNode[],
  kinds: WorkflowKinds,
): GithubRepositoryFilesFact {
  const paths = treePaths(entries);
  const has = (pattern: RegExp) => paths.some(p => pattern.test(p));
  return {
    dependabot: has(/^\.github\/dependabot\.ya?ml$/),
    renovate: has(
      /^(\.github\/|\.gitlab\/)?(renovate\.json5?|\.renovaterc(\.json5?)?)$/,
    ),
    codeowners: has(/^(\.github\/|docs\/)?CODEOWNERS$/),
    helmChart: has(/(^|\/)Chart\.yaml$/),
    kustomization: has(/(^|\/)(kustomization\.ya?ml|Kustomization)$/),
    terraform: has(/\.tf$/),
    policyTestWorkflow: kinds.policyTests.size > 0,
  };
}

/** When a scanning workflow last finished successfully on the default branch. */
function lastCodeScanAt(suites: Suite[], kinds: WorkflowKinds): string | null {
  const scans = suites
    .filter(s => s.conclusion === 'SUCCESS' && isScanningRun(s.path, kinds))
    .map(s => s.updatedAt)
    .sort();
  return scans.length ? scans[scans.length - 1] : null;
}

/** The newest run of a workflow that attests build provenance succeeded. */
function provenanceAttested(suites: Suite[], kinds: WorkflowKinds): boolean {
  const latest = suites.find(s => s.path && kinds.attesting.has(s.path));
  return latest?.conclusion === 'SUCCESS';
}

const SEVERITY: Record<string, GithubVulnerabilityAlertFact['severity']> = {
  CRITICAL: 'critical',
  HIGH: 'high',
  MODERATE: 'medium',
  LOW: 'low',
};

function vulnerabilityAlerts(
  repo: RepositoryNode,
): GithubVulnerabilityAlertFact[] {
  return nodesOf(repo.vulnerabilityAlerts).map(alert => ({
    severity: SEVERITY[alert.securityVulnerability?.severity ?? ''] ?? 'low',
    createdAt: alert.createdAt,
    fixable: !!alert.securityVulnerability?.firstPatchedVersion,
  }));
}

function docsLastChangedAt(repo: RepositoryNode): string | null {
  const target = repo.defaultBranchRef?.target;
  const dates = [
    ...nodesOf(target?.docsHistory),
    ...nodesOf(target?.mkdocsHistory),
  ]
    .map(c => c.committedDate)
    .sort();
  return dates.length ? dates[dates.length - 1] : null;
}
