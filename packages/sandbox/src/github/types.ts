/**
 * The GitHub side of a sandbox world: repositories as plain data, which the sandbox's REST
 * and GraphQL endpoints read. Tests may change a world between collection runs (a push, a
 * new deployment) to see how the collector notices.
 */
export interface GithubWorld {
  /** Keyed by `owner/repo`. */
  repositories: Map<string, SandboxRepository>;
}

/** A GitHub Actions check suite: one workflow run on one commit. */
export interface SandboxCheckSuite {
  /** The workflow file, e.g. `.github/workflows/ci.yml`. */
  workflowPath: string;
  status: 'COMPLETED' | 'IN_PROGRESS' | 'QUEUED';
  /** GraphQL CheckConclusionState, null until completed. */
  conclusion:
    | 'SUCCESS'
    | 'FAILURE'
    | 'CANCELLED'
    | 'TIMED_OUT'
    | 'SKIPPED'
    | null;
  createdAt: string;
  updatedAt: string;
  /** GitHub App id; 15368 is GitHub Actions. */
  appId: number;
}

export interface SandboxCommit {
  oid: string;
  committedDate: string;
  /** Paths this commit touched, for `history(path:)`. */
  paths: string[];
  checkSuites: SandboxCheckSuite[];
}

export interface SandboxDeployment {
  environment: string;
  createdAt: string;
  commitOid: string;
  /** When the deployed commit was made; lead time is the gap to `createdAt`. */
  commitDate: string;
  /** Oldest first; the last one is `latestStatus`. */
  statuses: {
    state: 'SUCCESS' | 'FAILURE' | 'ERROR' | 'INACTIVE' | 'IN_PROGRESS';
    createdAt: string;
  }[];
}

export interface SandboxEnvironment {
  name: string;
  /** Users or teams listed as required reviewers. */
  requiredReviewers: number;
  waitTimerMinutes: number;
  /** Deployments limited to protected or selected branches. */
  branchPolicy: boolean;
}

export interface SandboxPullRequest {
  number: number;
  /** GraphQL login: bots without the `[bot]` suffix (`dependabot`, `renovate`). */
  author: string;
  state: 'OPEN' | 'CLOSED' | 'MERGED';
  createdAt: string;
  updatedAt: string;
  mergedAt: string | null;
}

export interface SandboxVulnerabilityAlert {
  createdAt: string;
  severity: 'CRITICAL' | 'HIGH' | 'MODERATE' | 'LOW';
  /** The first patched version, or null when no fix exists. */
  patchedVersion: string | null;
  state: 'OPEN' | 'FIXED' | 'DISMISSED';
}

export interface SandboxRepository {
  owner: string;
  ownerType: 'Organization' | 'User';
  name: string;
  defaultBranch: string;
  archived: boolean;
  createdAt: string;
  pushedAt: string;
  /** Newest first; the first is the default branch's head. Empty for an empty repository. */
  commits: SandboxCommit[];
  /** File path → content at the head of the default branch. */
  files: Record<string, string>;
  deployments: SandboxDeployment[];
  environments: SandboxEnvironment[];
  /** Branch protection of the default branch, if any. */
  branchProtection?: { requiredStatusChecks: string[] };
  /** Rulesets that target the default branch. */
  rulesets: { name: string; requiredStatusChecks: string[] }[];
  pullRequests: SandboxPullRequest[];
  vulnerabilityAlerts: SandboxVulnerabilityAlert[];
}
