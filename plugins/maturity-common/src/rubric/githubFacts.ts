/**
 * Names and shapes of the facts the GitHub source writes for an entity whose
 * `github.com/project-slug` names a repository. Checks and custom rules read them by name.
 * When the repository cannot be read (403, 404, rate limited), the source writes each fact
 * with a `problem` instead of a value, so the checks become `unknown` with that reason.
 * @public
 */
export const GITHUB_FACTS = {
  /** {@link GithubRepositoryFact} */
  repository: 'github.repository',
  /** {@link GithubWorkflowRunFact}[]: the last completed runs on the default branch, newest first. */
  defaultBranchRuns: 'github.defaultBranchRuns',
  /** {@link GithubDeploymentFact}[]: deployments created in the last 90 days, newest first. */
  deployments: 'github.deployments',
  /** {@link GithubEnvironmentFact}[] */
  environments: 'github.environments',
  /** string[]: status checks required before merging to the default branch (rulesets or branch protection). */
  requiredStatusChecks: 'github.requiredStatusChecks',
  /** {@link GithubRepositoryFilesFact} */
  files: 'github.files',
  /** number: pull requests by Dependabot or Renovate merged in the last 90 days. */
  botPullRequestsMerged: 'github.botPullRequestsMerged',
  /**
   * string | null: when a scanning workflow (CodeQL, Trivy, … or code scanning's default
   * setup) last ran successfully on the default branch (ISO 8601).
   */
  lastCodeScanAt: 'github.lastCodeScanAt',
  /** {@link GithubVulnerabilityAlertFact}[]: open Dependabot alerts. */
  vulnerabilityAlerts: 'github.vulnerabilityAlerts',
  /** string | null: when a file under `docs/` (or `mkdocs.yml`) last changed on the default branch. */
  docsLastChangedAt: 'github.docsLastChangedAt',
  /** boolean: the newest run of a workflow that attests build provenance succeeded. */
  provenanceAttested: 'github.provenanceAttested',
} as const;

/** @public */
export type GithubRepositoryFact = {
  slug: string;
  defaultBranch: string;
  archived: boolean;
};

/** @public */
export type GithubWorkflowRunFact = {
  /** `success`, `failure`, `cancelled`, `timed_out`, … */
  conclusion: string;
  /** ISO 8601 */
  createdAt: string;
};

/** @public */
export type GithubDeploymentFact = {
  environment: string;
  /** ISO 8601 */
  createdAt: string;
  /** The latest status: `success`, `failure`, `error`, `inactive`, `in_progress`, … */
  state: string;
  /** Hours from the deployed commit to the deployment, when known. */
  leadTimeHours?: number | null;
};

/** @public */
export type GithubEnvironmentFact = {
  name: string;
  requiredReviewers: number;
  waitTimerMinutes: number;
  /** Deployments limited to protected or selected branches. */
  branchPolicy: boolean;
};

/** @public */
export type GithubRepositoryFilesFact = {
  dependabot: boolean;
  renovate: boolean;
  codeowners: boolean;
  helmChart: boolean;
  kustomization: boolean;
  terraform: boolean;
  /** A workflow file runs policy tests (conftest, kyverno test, gator verify, opa test). */
  policyTestWorkflow: boolean;
};

/** @public */
export type GithubVulnerabilityAlertFact = {
  severity: 'critical' | 'high' | 'medium' | 'low';
  /** ISO 8601 */
  createdAt: string;
  /** A patched version exists. */
  fixable: boolean;
};
