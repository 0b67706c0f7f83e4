import { type CheckDefinition, fail, pass } from '../CheckDefinition';
import {
  GITHUB_FACTS,
  type GithubDeploymentFact,
  type GithubEnvironmentFact,
  type GithubRepositoryFilesFact,
  type GithubWorkflowRunFact,
} from '../githubFacts';
import { MODEL_LINKS } from '../links';
import {
  listBriefly,
  numberParam,
  percentile,
  stringListParam,
  withinDays,
} from './ruleHelpers';

const ACTIONS_DOCS = 'https://docs.github.com/actions';
const PRODUCTION = ['production', 'prod'];

const productionDeploys = (deploys: GithubDeploymentFact[], names: string[]) =>
  deploys.filter(d => names.includes(d.environment.toLowerCase()));

export const ciBuilds: CheckDefinition = {
  id: 'ci-builds',
  title: 'CI builds the default branch',
  level: 1,
  dimension: 'process',
  lens: 'delivery',
  required: true,
  weight: 1,
  sources: ['github'],
  facts: [GITHUB_FACTS.defaultBranchRuns],
  hint: 'Add a GitHub Actions workflow that builds and tests every push to the default branch.',
  link: ACTIONS_DOCS,
  params: { windowDays: 90 },
  rule: ({ facts, params, now }) => {
    const runs = facts.get<GithubWorkflowRunFact[]>(
      GITHUB_FACTS.defaultBranchRuns,
    );
    const windowDays = numberParam(params, 'windowDays', 90);
    const recent = runs.filter(
      r =>
        r.conclusion === 'success' && withinDays(now, r.createdAt, windowDays),
    );
    return recent.length > 0
      ? pass(
          `${recent.length} successful default-branch runs in ${windowDays} days`,
        )
      : fail(
          `No successful CI run on the default branch in ${windowDays} days`,
        );
  },
};

export const ciGreen: CheckDefinition = {
  id: 'ci-green',
  title: 'CI is mostly green',
  level: 2,
  dimension: 'process',
  lens: 'delivery',
  required: false,
  weight: 1,
  sources: ['github'],
  facts: [GITHUB_FACTS.defaultBranchRuns],
  hint: 'Keep the default branch green: fix or quarantine flaky tests, and make failures block merges.',
  link: MODEL_LINKS.level2,
  params: { window: 50, minSuccessRatio: 0.8 },
  rule: ({ facts, params }) => {
    const window = numberParam(params, 'window', 50);
    const minRatio = numberParam(params, 'minSuccessRatio', 0.8);
    const runs = facts
      .get<GithubWorkflowRunFact[]>(GITHUB_FACTS.defaultBranchRuns)
      .slice(0, window);
    if (runs.length === 0) return fail('No completed default-branch runs');
    const green = runs.filter(r => r.conclusion === 'success').length;
    const ratio = green / runs.length;
    const text = `${green} of the last ${runs.length} runs succeeded (${
      Math.round(ratio * 1000) / 10
    }%)`;
    return ratio >= minRatio
      ? pass(text)
      : fail(`${text}; ${Math.round(minRatio * 100)}% needed`);
  },
};

export const ciQualityGates: CheckDefinition = {
  id: 'ci-quality-gates',
  title: 'Merges wait for required checks',
  level: 3,
  dimension: 'process',
  lens: 'compliance',
  required: false,
  weight: 1,
  sources: ['github'],
  facts: [GITHUB_FACTS.requiredStatusChecks],
  hint: 'Protect the default branch with a ruleset or branch protection that requires status checks to pass before merging.',
  link: 'https://docs.github.com/repositories/configuring-branches-and-merges-in-your-repository/managing-rulesets/about-rulesets',
  params: {},
  rule: ({ facts }) => {
    const checks = facts.get<string[]>(GITHUB_FACTS.requiredStatusChecks);
    return checks.length > 0
      ? pass(`Required before merge: ${listBriefly(checks)}`)
      : fail('The default branch requires no status checks before merge');
  },
};

const FILE_NAMES: Record<keyof GithubRepositoryFilesFact, string> = {
  dependabot: 'Dependabot config',
  renovate: 'Renovate config',
  codeowners: 'CODEOWNERS',
  helmChart: 'a Helm chart',
  kustomization: 'a kustomization',
  terraform: 'Terraform',
  policyTestWorkflow: 'a policy-test workflow',
};

function filesCheck(
  base: Omit<CheckDefinition, 'rule' | 'facts' | 'sources' | 'params'>,
  wanted: (keyof GithubRepositoryFilesFact)[],
  passText: string,
  failText: string,
): CheckDefinition {
  return {
    ...base,
    sources: ['github'],
    facts: [GITHUB_FACTS.files],
    params: {},
    rule: ({ facts }) => {
      const files = facts.get<GithubRepositoryFilesFact>(GITHUB_FACTS.files);
      const found = wanted
        .filter(key => files[key])
        .map(key => FILE_NAMES[key]);
      return found.length > 0
        ? pass(`${passText}: ${found.join(', ')}`)
        : fail(failText);
    },
  };
}

export const policyAsCodeCi = filesCheck(
  {
    id: 'policy-as-code-ci',
    title: 'Pipeline runs policy tests',
    level: 3,
    dimension: 'policy',
    lens: 'compliance',
    required: false,
    weight: 1,
    hint: 'Run policy tests in a workflow (conftest, kyverno test, gator verify or opa test) so manifests are checked before they ship.',
    link: MODEL_LINKS.level3,
  },
  ['policyTestWorkflow'],
  'Found',
  'No workflow runs conftest, kyverno test, gator verify or opa test',
);

export const iacInRepo = filesCheck(
  {
    id: 'iac-in-repo',
    title: 'Infrastructure as code in the repository',
    level: 3,
    dimension: 'process',
    lens: 'delivery',
    required: false,
    weight: 1,
    hint: 'Keep how the service is deployed next to its code: a Helm chart, a kustomization or Terraform.',
    link: MODEL_LINKS.level3,
  },
  ['helmChart', 'kustomization', 'terraform'],
  'Found',
  'No Helm chart, kustomization or Terraform in the repository',
);

export const deliveryAllEnvs: CheckDefinition = {
  id: 'delivery-all-envs',
  title: 'Delivered to every environment',
  level: 3,
  dimension: 'process',
  lens: 'delivery',
  required: false,
  weight: 1,
  sources: ['github'],
  facts: [GITHUB_FACTS.deployments],
  hint: 'Deploy through the pipeline to each environment (for example staging and production) and record GitHub deployments.',
  link: MODEL_LINKS.level3,
  params: { minEnvironments: 2, windowDays: 90 },
  rule: ({ facts, params, now }) => {
    const windowDays = numberParam(params, 'windowDays', 90);
    const minEnvs = numberParam(params, 'minEnvironments', 2);
    const envs = [
      ...new Set(
        facts
          .get<GithubDeploymentFact[]>(GITHUB_FACTS.deployments)
          .filter(d => withinDays(now, d.createdAt, windowDays))
          // Production and production are one environment, however a workflow spells it.
          .map(d => d.environment.toLowerCase()),
      ),
    ];
    return envs.length >= minEnvs
      ? pass(`Deployed to ${envs.join(', ')} in ${windowDays} days`)
      : fail(
          envs.length
            ? `Deployed only to ${envs.join(
                ', ',
              )} in ${windowDays} days; ${minEnvs} environments needed`
            : `No deployments recorded in ${windowDays} days`,
        );
  },
};

export const prodApprovalGate: CheckDefinition = {
  id: 'prod-approval-gate',
  title: 'Production deploys need approval',
  level: 4,
  dimension: 'process',
  lens: 'compliance',
  required: false,
  weight: 1,
  sources: ['github'],
  facts: [GITHUB_FACTS.environments],
  hint: 'Protect the production environment with required reviewers (or a wait timer) and limit it to protected branches.',
  link: 'https://docs.github.com/actions/managing-workflow-runs-and-deployments/managing-deployments/managing-environments-for-deployment',
  params: { productionEnvironments: PRODUCTION },
  rule: ({ facts, params }) => {
    const names = stringListParam(params, 'productionEnvironments');
    const prod = facts
      .get<GithubEnvironmentFact[]>(GITHUB_FACTS.environments)
      .find(e => names.includes(e.name.toLowerCase()));
    if (!prod)
      return fail(`No ${names.join(' or ')} environment in the repository`);
    const gated = prod.requiredReviewers > 0 || prod.waitTimerMinutes > 0;
    if (gated && prod.branchPolicy) {
      return pass(
        `${prod.name}: ${prod.requiredReviewers} required reviewers, ${prod.waitTimerMinutes} min wait, branch policy`,
      );
    }
    const missing = [
      ...(gated ? [] : ['required reviewers or a wait timer']),
      ...(prod.branchPolicy ? [] : ['a branch policy']),
    ];
    return fail(`${prod.name} lacks ${missing.join(' and ')}`);
  },
};

export const releaseCadence: CheckDefinition = {
  id: 'release-cadence',
  title: 'Regular, reliable production releases',
  level: 4,
  dimension: 'process',
  lens: 'delivery',
  required: false,
  weight: 1,
  sources: ['github'],
  facts: [GITHUB_FACTS.deployments],
  hint: 'Release to production at least weekly in small changes, and keep the share of failed deployments low.',
  link: MODEL_LINKS.level4,
  params: {
    windowDays: 30,
    minDeploys: 4,
    maxChangeFailureRate: 0.15,
    productionEnvironments: PRODUCTION,
  },
  rule: ({ facts, params, now }) => {
    const windowDays = numberParam(params, 'windowDays', 30);
    const minDeploys = numberParam(params, 'minDeploys', 4);
    const maxFailure = numberParam(params, 'maxChangeFailureRate', 0.15);
    const deploys = productionDeploys(
      facts.get<GithubDeploymentFact[]>(GITHUB_FACTS.deployments),
      stringListParam(params, 'productionEnvironments'),
    ).filter(d => withinDays(now, d.createdAt, windowDays));
    if (deploys.length < minDeploys) {
      return fail(
        `${deploys.length} production deploys in ${windowDays} days; ${minDeploys} needed`,
      );
    }
    const failed = deploys.filter(
      d => d.state === 'failure' || d.state === 'error',
    ).length;
    const rate = failed / deploys.length;
    const text = `${deploys.length} production deploys in ${windowDays} days, ${
      Math.round(rate * 1000) / 10
    }% failed`;
    return rate <= maxFailure
      ? pass(text)
      : fail(`${text}; at most ${Math.round(maxFailure * 100)}% allowed`);
  },
};

export const autoRemediation: CheckDefinition = {
  id: 'auto-remediation',
  title: 'Dependency updates are automated',
  level: 4,
  dimension: 'process',
  lens: 'security',
  required: false,
  weight: 1,
  sources: ['github'],
  facts: [GITHUB_FACTS.files, GITHUB_FACTS.botPullRequestsMerged],
  hint: 'Configure Dependabot or Renovate and merge its pull requests.',
  link: 'https://docs.github.com/code-security/dependabot',
  params: {},
  rule: ({ facts }) => {
    const files = facts.get<GithubRepositoryFilesFact>(GITHUB_FACTS.files);
    if (!files.dependabot && !files.renovate) {
      return fail('Neither Dependabot nor Renovate is configured');
    }
    const merged = facts.get<number>(GITHUB_FACTS.botPullRequestsMerged);
    const bot = files.dependabot ? 'Dependabot' : 'Renovate';
    return merged > 0
      ? pass(
          `${bot} configured; ${merged} of its pull requests merged in 90 days`,
        )
      : fail(
          `${bot} is configured but none of its pull requests was merged in 90 days`,
        );
  },
};

export const continuousDeployment: CheckDefinition = {
  id: 'continuous-deployment',
  title: 'Continuous deployment to production',
  level: 5,
  dimension: 'process',
  lens: 'delivery',
  required: false,
  weight: 1,
  sources: ['github'],
  facts: [GITHUB_FACTS.deployments, GITHUB_FACTS.environments],
  hint: 'Deploy every change to production automatically, daily or more, with a lead time under a day and no manual gate.',
  link: MODEL_LINKS.level5,
  params: {
    windowDays: 30,
    minDeploys: 20,
    maxLeadTimeHoursP50: 24,
    productionEnvironments: PRODUCTION,
  },
  rule: ({ facts, params, now }) => {
    const names = stringListParam(params, 'productionEnvironments');
    const windowDays = numberParam(params, 'windowDays', 30);
    const minDeploys = numberParam(params, 'minDeploys', 20);
    const maxLead = numberParam(params, 'maxLeadTimeHoursP50', 24);
    const deploys = productionDeploys(
      facts.get<GithubDeploymentFact[]>(GITHUB_FACTS.deployments),
      names,
    ).filter(d => withinDays(now, d.createdAt, windowDays));
    if (deploys.length < minDeploys) {
      return fail(
        `${deploys.length} production deploys in ${windowDays} days; ${minDeploys} needed for daily delivery`,
      );
    }
    const leadTimes = deploys
      .map(d => d.leadTimeHours)
      .filter((h): h is number => typeof h === 'number');
    if (leadTimes.length > 0 && percentile(leadTimes, 0.5) > maxLead) {
      return fail(
        `Median lead time ${
          Math.round(percentile(leadTimes, 0.5) * 10) / 10
        } h; at most ${maxLead} h`,
      );
    }
    const prod = facts
      .get<GithubEnvironmentFact[]>(GITHUB_FACTS.environments)
      .find(e => names.includes(e.name.toLowerCase()));
    // Only a person is a manual gate; a wait timer delays a deploy but needs nobody, so a
    // service can pass both this and prod-approval-gate (a timer plus a branch policy).
    if (prod && prod.requiredReviewers > 0) {
      return fail(`${prod.name} deploys wait for a manual approval`);
    }
    return pass(
      `${deploys.length} production deploys in ${windowDays} days, no manual gate`,
    );
  },
};

/** @public */
export const githubChecks: CheckDefinition[] = [
  ciBuilds,
  ciGreen,
  ciQualityGates,
  policyAsCodeCi,
  iacInRepo,
  deliveryAllEnvs,
  prodApprovalGate,
  releaseCadence,
  autoRemediation,
  continuousDeployment,
];
