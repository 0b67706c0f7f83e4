import { createRandom, type Random } from '../random/createRandom';
import type { ServiceProfile } from '../scenario/types';
import type { GithubWorld, SandboxRepository } from './types';
import { addDocs, buildCommits } from './world/commits';
import { buildDeployments, buildEnvironments } from './world/delivery';
import {
  addDependencyBotFiles,
  addIacFiles,
  buildAlerts,
  buildPullRequests,
} from './world/repositoryContents';
import {
  DAY,
  hashString,
  iso,
  type Intent,
  type Intents,
} from './world/shared';
import {
  ATTEST_WORKFLOW,
  CI_WORKFLOW,
  POLICY_WORKFLOWS,
  RELEASE_WORKFLOW,
  SCAN_WORKFLOW,
} from './workflowFiles';

export { GITHUB_ACTIONS_APP_ID } from './world/shared';

/** An intent the generated repository cannot meet, because another intent rules it out. */
export interface UnsatisfiableIntent {
  entityRef: string;
  checkId: string;
  reason: string;
}

/** A generated GitHub world and the intents it could not honour. */
export interface GeneratedGithubWorld extends GithubWorld {
  unsatisfiable: UnsatisfiableIntent[];
}

/** @public */
export interface BuildGithubWorldOptions {
  /** The clock the data is relative to; now by default. */
  now?: Date;
}

/**
 * Builds repositories whose evidence makes each GitHub check's intent come true: CI runs,
 * deployments, environments, protection, files, bot pull requests and alerts. Each
 * repository draws from its own generator seeded by the scenario seed and its slug, so
 * adding a service never changes another service's repository.
 */
export function buildGithubWorld(
  services: readonly ServiceProfile[],
  seed: number,
  options: BuildGithubWorldOptions = {},
): GeneratedGithubWorld {
  const now = (options.now ?? new Date()).getTime();
  const repositories = new Map<string, SandboxRepository>();
  const unsatisfiable: UnsatisfiableIntent[] = [];
  for (const service of services) {
    if (!service.githubSlug || repositories.has(service.githubSlug)) continue;
    const random = createRandom((seed ^ hashString(service.githubSlug)) >>> 0);
    const intents = resolveIntents(service, random, unsatisfiable);
    repositories.set(
      service.githubSlug,
      buildRepository(service.githubSlug, intents, random, now),
    );
  }
  return { repositories, unsatisfiable };
}

const GITHUB_CHECK_IDS = [
  'ci-builds',
  'ci-green',
  'ci-quality-gates',
  'policy-as-code-ci',
  'iac-in-repo',
  'delivery-all-envs',
  'prod-approval-gate',
  'release-cadence',
  'auto-remediation',
  'continuous-deployment',
  'continuous-scanning',
  'vuln-sla',
  'supply-chain-verified',
  'docs-with-code',
];

/** Fills absent intents at random and settles the combinations no repository can show. */
function resolveIntents(
  service: ServiceProfile,
  random: Random,
  unsatisfiable: UnsatisfiableIntent[],
): Intents {
  const intents: Intents = {};
  for (const id of GITHUB_CHECK_IDS) {
    intents[id] = service.intents[id] ?? (random.chance(0.5) ? 'pass' : 'fail');
  }
  const overrule = (checkId: string, to: Intent, reason: string) => {
    if (intents[checkId] === to) return;
    if (service.intents[checkId]) {
      unsatisfiable.push({ entityRef: service.entityRef, checkId, reason });
    }
    intents[checkId] = to;
  };
  // Continuous deployment means no manual gate, which is what prod-approval-gate asks for.
  if (intents['prod-approval-gate'] === 'pass') {
    overrule(
      'continuous-deployment',
      'fail',
      'continuous-deployment forbids the manual production gate prod-approval-gate requires',
    );
  }
  // Any successful recent run (a scan included) is a CI build on the default branch.
  if (intents['ci-builds'] === 'fail') {
    overrule(
      'continuous-scanning',
      'fail',
      'a recent successful scan run would also be a successful default-branch CI run',
    );
  }
  // Provenance is read from the release workflow's latest run; without CI there is none.
  if (intents['ci-builds'] === 'fail' && intents['ci-green'] === 'fail') {
    overrule(
      'supply-chain-verified',
      'fail',
      'with no CI history there is no release run to attest provenance',
    );
  }
  return intents;
}

function buildRepository(
  slug: string,
  intents: Intents,
  random: Random,
  now: number,
): SandboxRepository {
  const [owner, name] = slug.split('/');
  const pass = (id: string) => intents[id] === 'pass';
  const files: Record<string, string> = {
    'README.md': `# ${name}\n`,
    'package.json': JSON.stringify({ name, version: '1.0.0' }),
    'src/index.ts': 'export {};\n',
    [CI_WORKFLOW.path]: CI_WORKFLOW.text,
  };

  const policy = pass('policy-as-code-ci')
    ? random.pick(POLICY_WORKFLOWS)
    : undefined;
  if (policy) files[policy.path] = policy.text;
  const scans = pass('continuous-scanning') || random.chance(0.3);
  if (scans) files[SCAN_WORKFLOW.path] = SCAN_WORKFLOW.text;
  const attests = pass('supply-chain-verified');
  const release = attests ? ATTEST_WORKFLOW : RELEASE_WORKFLOW;
  files[release.path] = release.text;

  addIacFiles(files, name, pass('iac-in-repo'), random);
  addDependencyBotFiles(
    files,
    pass('auto-remediation') || random.chance(0.4),
    random,
  );
  if (random.chance(0.5))
    files[
      random.pick(['CODEOWNERS', '.github/CODEOWNERS', 'docs/CODEOWNERS'])
    ] = '* @team\n';

  const commits = buildCommits(intents, random, now, {
    policyPath: policy?.path,
    scans,
  });
  addDocs(files, commits, pass('docs-with-code'), random, now);

  const deployments = buildDeployments(intents, random, now);
  const environments = buildEnvironments(intents, random);
  const gates = pass('ci-quality-gates');
  const useRuleset = random.chance(0.5);
  // A ruleset that protects the branch without requiring checks must not count.
  let rulesets: SandboxRepository['rulesets'] = [];
  if (gates && useRuleset) {
    rulesets = [{ name: 'main', requiredStatusChecks: ['build'] }];
  } else if (random.chance(0.5)) {
    rulesets = [{ name: 'no-force-push', requiredStatusChecks: [] }];
  }

  return {
    owner,
    ownerType: 'Organization',
    name,
    defaultBranch: random.chance(0.8) ? 'main' : 'master',
    archived: false,
    createdAt: iso(now - 400 * DAY),
    pushedAt: iso(
      commits.length ? Date.parse(commits[0].committedDate) : now - 400 * DAY,
    ),
    commits,
    files,
    deployments,
    environments,
    branchProtection:
      gates && !useRuleset
        ? { requiredStatusChecks: ['ci / build', 'ci / test'] }
        : undefined,
    rulesets,
    pullRequests: buildPullRequests(intents, random, now, files),
    vulnerabilityAlerts: buildAlerts(pass('vuln-sla'), random, now),
  };
}
