import type { JsonObject, JsonValue } from '@backstage/types';
import type { Fact } from '../../types';
import { evaluateCheck } from '../evaluate';
import {
  GITHUB_FACTS,
  type GithubDeploymentFact,
  type GithubEnvironmentFact,
  type GithubRepositoryFilesFact,
  type GithubWorkflowRunFact,
} from '../githubFacts';
import { githubChecks } from './githubChecks';

const NOW = new Date('2026-11-21T12:00:00Z');
const DAY = 86_400_000;
const daysAgo = (days: number) =>
  new Date(NOW.getTime() - days * DAY).toISOString();

/** A fact the source wrote with a problem instead of a value (403, 404, rate limited). */
class Problem {
  constructor(readonly text: string) {}
}
/** A fact last observed two days ago, past the one-day staleness limit. */
class Stale {
  constructor(readonly value: JsonValue) {}
}
type Override = JsonValue | Problem | Stale | undefined;
type Overrides = Record<string, Override>;

const repeat = <T>(count: number, item: T): T[] =>
  Array.from({ length: count }, () => item);

/** Completed default-branch runs, newest first, twelve hours apart. */
const runs = (...conclusions: string[]): GithubWorkflowRunFact[] =>
  conclusions.map((conclusion, i) => ({
    conclusion,
    createdAt: daysAgo(0.5 * (i + 1)),
  }));

/** One deployment a day to `environment`, newest first. */
const deploys = (
  environment: string,
  count: number,
  extra: Partial<GithubDeploymentFact> = {},
): GithubDeploymentFact[] =>
  Array.from({ length: count }, (_, i) => ({
    environment,
    createdAt: daysAgo(i + 0.25),
    state: 'success',
    leadTimeHours: 6,
    ...extra,
  }));

const files: GithubRepositoryFilesFact = {
  dependabot: true,
  renovate: false,
  codeowners: true,
  helmChart: true,
  kustomization: false,
  terraform: true,
  policyTestWorkflow: true,
};

const staging: GithubEnvironmentFact = {
  name: 'staging',
  requiredReviewers: 0,
  waitTimerMinutes: 0,
  branchPolicy: false,
};
const production: GithubEnvironmentFact = {
  name: 'production',
  requiredReviewers: 2,
  waitTimerMinutes: 0,
  branchPolicy: true,
};

/** A well-run Level 4 repository: green CI, gated production, weekly-plus releases. */
const healthy: Record<string, JsonValue> = {
  [GITHUB_FACTS.repository]: {
    slug: 'acme/shipments-api',
    defaultBranch: 'main',
    archived: false,
  },
  [GITHUB_FACTS.defaultBranchRuns]: runs(
    ...repeat(46, 'success'),
    ...repeat(4, 'failure'),
  ),
  [GITHUB_FACTS.deployments]: [
    ...deploys('production', 25),
    ...deploys('staging', 25),
  ],
  [GITHUB_FACTS.environments]: [staging, production],
  [GITHUB_FACTS.requiredStatusChecks]: ['build', 'test', 'lint', 'e2e'],
  [GITHUB_FACTS.files]: files,
  [GITHUB_FACTS.botPullRequestsMerged]: 7,
};

function run(checkId: string, overrides: Overrides = {}, params?: JsonObject) {
  const facts = new Map<string, Fact>();
  for (const [name, value] of Object.entries({ ...healthy, ...overrides })) {
    if (value === undefined) continue;
    const fact = {
      entityRef: 'component:default/shipments-api',
      name,
      source: 'github',
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
  const check = githubChecks.find(c => c.id === checkId);
  if (!check) throw new Error(`No check ${checkId}`);
  return evaluateCheck(
    { ...check, params: { ...check.params, ...params } },
    { facts, now: NOW, staleAfterMs: DAY },
  );
}

const allFacts = (make: (name: string) => Override): Overrides =>
  Object.fromEntries(Object.keys(healthy).map(name => [name, make(name)]));

const noGate: GithubEnvironmentFact = {
  ...production,
  requiredReviewers: 0,
  waitTimerMinutes: 0,
};

type Case = {
  id: string;
  overrides: Overrides;
  params?: JsonObject;
  reason: RegExp;
  note?: string;
};

const passes: Case[] = [
  {
    id: 'ci-builds',
    overrides: {},
    reason: /^46 successful default-branch runs in 90 days$/,
  },
  {
    id: 'ci-builds',
    note: 'one success 89 days ago is enough',
    overrides: {
      [GITHUB_FACTS.defaultBranchRuns]: [
        ...runs('failure', 'cancelled'),
        { conclusion: 'success', createdAt: daysAgo(89) },
      ],
    },
    reason: /^1 successful default-branch runs in 90 days$/,
  },
  {
    id: 'ci-green',
    overrides: {},
    reason: /^46 of the last 50 runs succeeded \(92%\)$/,
  },
  {
    id: 'ci-green',
    note: 'exactly 80% is enough',
    overrides: {
      [GITHUB_FACTS.defaultBranchRuns]: runs(
        ...repeat(40, 'success'),
        ...repeat(10, 'failure'),
      ),
    },
    reason: /^40 of the last 50 runs succeeded \(80%\)$/,
  },
  {
    id: 'ci-green',
    note: 'only the last 50 runs count',
    overrides: {
      [GITHUB_FACTS.defaultBranchRuns]: runs(
        ...repeat(40, 'success'),
        ...repeat(10, 'failure'),
        ...repeat(30, 'failure'),
      ),
    },
    reason: /^40 of the last 50 runs succeeded \(80%\)$/,
  },
  {
    id: 'ci-quality-gates',
    overrides: {},
    reason: /^Required before merge: build, test, lint and 1 more$/,
  },
  {
    id: 'policy-as-code-ci',
    overrides: {},
    reason: /^Found: a policy-test workflow$/,
  },
  {
    id: 'iac-in-repo',
    overrides: {},
    reason: /^Found: a Helm chart, Terraform$/,
  },
  {
    id: 'iac-in-repo',
    note: 'a kustomization alone is enough',
    overrides: {
      [GITHUB_FACTS.files]: {
        ...files,
        helmChart: false,
        terraform: false,
        kustomization: true,
      },
    },
    reason: /^Found: a kustomization$/,
  },
  {
    id: 'delivery-all-envs',
    overrides: {},
    reason: /^Deployed to production, staging in 90 days$/,
  },
  {
    id: 'prod-approval-gate',
    overrides: {},
    reason: /^production: 2 required reviewers, 0 min wait, branch policy$/,
  },
  {
    id: 'prod-approval-gate',
    note: 'a wait timer gates too; environment names match case-insensitively',
    overrides: {
      [GITHUB_FACTS.environments]: [
        {
          ...production,
          name: 'Prod',
          requiredReviewers: 0,
          waitTimerMinutes: 30,
        },
      ],
    },
    reason: /^Prod: 0 required reviewers, 30 min wait, branch policy$/,
  },
  {
    id: 'release-cadence',
    overrides: {},
    reason: /^25 production deploys in 30 days, 0% failed$/,
  },
  {
    id: 'release-cadence',
    note: 'exactly 4 deploys in 30 days',
    overrides: {
      [GITHUB_FACTS.deployments]: [
        ...deploys('production', 4),
        { environment: 'production', createdAt: daysAgo(31), state: 'success' },
      ],
    },
    reason: /^4 production deploys in 30 days, 0% failed$/,
  },
  {
    id: 'release-cadence',
    note: 'a change-failure rate of exactly 15%',
    overrides: {
      [GITHUB_FACTS.deployments]: [
        ...deploys('production', 17),
        ...deploys('production', 2, { state: 'failure' }),
        ...deploys('production', 1, { state: 'error' }),
        ...deploys('staging', 10, { state: 'failure' }),
      ],
    },
    reason: /^20 production deploys in 30 days, 15% failed$/,
  },
  {
    id: 'auto-remediation',
    overrides: {},
    reason: /^Dependabot configured; 7 of its pull requests merged in 90 days$/,
  },
  {
    id: 'auto-remediation',
    note: 'Renovate counts as well',
    overrides: {
      [GITHUB_FACTS.files]: { ...files, dependabot: false, renovate: true },
      [GITHUB_FACTS.botPullRequestsMerged]: 1,
    },
    reason: /^Renovate configured; 1 of its pull requests merged in 90 days$/,
  },
  {
    id: 'continuous-deployment',
    note: 'Level 5: production deploys without a manual gate',
    overrides: { [GITHUB_FACTS.environments]: [staging, noGate] },
    reason: /^25 production deploys in 30 days, no manual gate$/,
  },
  {
    id: 'continuous-deployment',
    note: 'a wait timer delays but needs nobody, so it is no manual gate',
    overrides: {
      [GITHUB_FACTS.environments]: [{ ...noGate, waitTimerMinutes: 15 }],
    },
    reason: /^25 production deploys in 30 days, no manual gate$/,
  },
  {
    id: 'continuous-deployment',
    note: 'a median lead time of exactly 24 h; unknown lead times are ignored',
    overrides: {
      [GITHUB_FACTS.environments]: [staging, noGate],
      [GITHUB_FACTS.deployments]: [
        ...deploys('production', 10, { leadTimeHours: 24 }),
        ...deploys('production', 9, { leadTimeHours: 40 }),
        ...deploys('production', 1, { leadTimeHours: 2 }),
        ...deploys('production', 5, { leadTimeHours: null }),
      ],
    },
    reason: /^25 production deploys in 30 days, no manual gate$/,
  },
];

const fails: Case[] = [
  {
    id: 'ci-builds',
    note: 'every run failed',
    overrides: {
      [GITHUB_FACTS.defaultBranchRuns]: runs(...repeat(5, 'failure')),
    },
    reason: /^No successful CI run on the default branch in 90 days$/,
  },
  {
    id: 'ci-builds',
    note: 'the last success is 91 days old',
    overrides: {
      [GITHUB_FACTS.defaultBranchRuns]: [
        { conclusion: 'success', createdAt: daysAgo(91) },
      ],
    },
    reason: /^No successful CI run on the default branch in 90 days$/,
  },
  {
    id: 'ci-builds',
    note: 'no runs at all',
    overrides: { [GITHUB_FACTS.defaultBranchRuns]: [] },
    reason: /^No successful CI run on the default branch in 90 days$/,
  },
  {
    id: 'ci-green',
    note: 'just under 80%',
    overrides: {
      [GITHUB_FACTS.defaultBranchRuns]: runs(
        ...repeat(39, 'success'),
        ...repeat(11, 'failure'),
      ),
    },
    reason: /^39 of the last 50 runs succeeded \(78%\); 80% needed$/,
  },
  {
    id: 'ci-green',
    note: '79.6% must not read as 80%',
    overrides: {
      [GITHUB_FACTS.defaultBranchRuns]: runs(
        ...repeat(39, 'success'),
        ...repeat(10, 'failure'),
      ),
    },
    reason: /^39 of the last 49 runs succeeded \(79\.6%\); 80% needed$/,
  },
  {
    id: 'ci-green',
    note: 'cancelled and timed-out runs are not successes',
    overrides: {
      [GITHUB_FACTS.defaultBranchRuns]: runs(
        ...repeat(3, 'success'),
        'cancelled',
        'timed_out',
      ),
    },
    reason: /^3 of the last 5 runs succeeded \(60%\); 80% needed$/,
  },
  {
    id: 'ci-green',
    note: 'a stricter configured ratio',
    overrides: {},
    params: { minSuccessRatio: 0.95 },
    reason: /^46 of the last 50 runs succeeded \(92%\); 95% needed$/,
  },
  {
    id: 'ci-green',
    note: 'no completed runs',
    overrides: { [GITHUB_FACTS.defaultBranchRuns]: [] },
    reason: /^No completed default-branch runs$/,
  },
  {
    id: 'ci-quality-gates',
    overrides: { [GITHUB_FACTS.requiredStatusChecks]: [] },
    reason: /^The default branch requires no status checks before merge$/,
  },
  {
    id: 'policy-as-code-ci',
    overrides: {
      [GITHUB_FACTS.files]: { ...files, policyTestWorkflow: false },
    },
    reason:
      /^No workflow runs conftest, kyverno test, gator verify or opa test$/,
  },
  {
    id: 'iac-in-repo',
    overrides: {
      [GITHUB_FACTS.files]: { ...files, helmChart: false, terraform: false },
    },
    reason: /^No Helm chart, kustomization or Terraform in the repository$/,
  },
  {
    id: 'delivery-all-envs',
    note: 'production only',
    overrides: { [GITHUB_FACTS.deployments]: deploys('production', 25) },
    reason: /^Deployed only to production in 90 days; 2 environments needed$/,
  },
  {
    id: 'delivery-all-envs',
    note: 'staging last deployed 95 days ago',
    overrides: {
      [GITHUB_FACTS.deployments]: [
        ...deploys('production', 3),
        { environment: 'staging', createdAt: daysAgo(95), state: 'success' },
      ],
    },
    reason: /^Deployed only to production in 90 days; 2 environments needed$/,
  },
  {
    id: 'delivery-all-envs',
    note: 'no deployments',
    overrides: { [GITHUB_FACTS.deployments]: [] },
    reason: /^No deployments recorded in 90 days$/,
  },
  {
    id: 'prod-approval-gate',
    note: 'no production environment',
    overrides: { [GITHUB_FACTS.environments]: [staging] },
    reason: /^No production or prod environment in the repository$/,
  },
  {
    id: 'prod-approval-gate',
    note: 'no reviewers and no wait timer',
    overrides: { [GITHUB_FACTS.environments]: [staging, noGate] },
    reason: /^production lacks required reviewers or a wait timer$/,
  },
  {
    id: 'prod-approval-gate',
    note: 'reviewers but any branch may deploy',
    overrides: {
      [GITHUB_FACTS.environments]: [{ ...production, branchPolicy: false }],
    },
    reason: /^production lacks a branch policy$/,
  },
  {
    id: 'prod-approval-gate',
    note: 'neither gate nor branch policy',
    overrides: {
      [GITHUB_FACTS.environments]: [{ ...noGate, branchPolicy: false }],
    },
    reason:
      /^production lacks required reviewers or a wait timer and a branch policy$/,
  },
  {
    id: 'release-cadence',
    note: 'too few production deploys (staging does not count)',
    overrides: {
      [GITHUB_FACTS.deployments]: [
        ...deploys('production', 3),
        ...deploys('staging', 20),
        { environment: 'production', createdAt: daysAgo(40), state: 'success' },
      ],
    },
    reason: /^3 production deploys in 30 days; 4 needed$/,
  },
  {
    id: 'release-cadence',
    note: 'a change-failure rate of 20%',
    overrides: {
      [GITHUB_FACTS.deployments]: [
        ...deploys('production', 16),
        ...deploys('production', 4, { state: 'failure' }),
      ],
    },
    reason:
      /^20 production deploys in 30 days, 20% failed; at most 15% allowed$/,
  },
  {
    id: 'release-cadence',
    note: '15.4% failed must not read as 15%',
    overrides: {
      [GITHUB_FACTS.deployments]: [
        ...deploys('production', 11),
        ...deploys('production', 2, { state: 'error' }),
      ],
    },
    reason:
      /^13 production deploys in 30 days, 15\.4% failed; at most 15% allowed$/,
  },
  {
    id: 'auto-remediation',
    note: 'no bot configured (the merge count is not needed)',
    overrides: {
      [GITHUB_FACTS.files]: { ...files, dependabot: false, renovate: false },
      [GITHUB_FACTS.botPullRequestsMerged]: new Problem('rate limited'),
    },
    reason: /^Neither Dependabot nor Renovate is configured$/,
  },
  {
    id: 'auto-remediation',
    note: 'configured but ignored',
    overrides: { [GITHUB_FACTS.botPullRequestsMerged]: 0 },
    reason:
      /^Dependabot is configured but none of its pull requests was merged in 90 days$/,
  },
  {
    id: 'continuous-deployment',
    note: 'the Level 4 baseline: production waits for reviewers',
    overrides: {},
    reason: /^production deploys wait for a manual approval$/,
  },
  {
    id: 'continuous-deployment',
    note: 'weekly is not daily',
    overrides: {
      [GITHUB_FACTS.environments]: [staging, noGate],
      [GITHUB_FACTS.deployments]: deploys('production', 19),
    },
    reason: /^19 production deploys in 30 days; 20 needed for daily delivery$/,
  },
  {
    id: 'continuous-deployment',
    note: 'slow lead time',
    overrides: {
      [GITHUB_FACTS.environments]: [staging, noGate],
      [GITHUB_FACTS.deployments]: deploys('production', 25, {
        leadTimeHours: 30,
      }),
    },
    reason: /^Median lead time 30 h; at most 24 h$/,
  },
  {
    id: 'continuous-deployment',
    note: 'a 24.4 h median must not read as 24 h',
    overrides: {
      [GITHUB_FACTS.environments]: [staging, noGate],
      [GITHUB_FACTS.deployments]: deploys('production', 25, {
        leadTimeHours: 24.4,
      }),
    },
    reason: /^Median lead time 24\.4 h; at most 24 h$/,
  },
];

const ids = githubChecks.map(c => c.id);

describe('GitHub checks', () => {
  it('has ten checks, each with pass and fail cases below', () => {
    expect(ids).toHaveLength(10);
    expect(new Set(passes.map(c => c.id))).toEqual(new Set(ids));
    expect(new Set(fails.map(c => c.id))).toEqual(new Set(ids));
  });

  it.each(passes)(
    '$id passes $note ($reason)',
    ({ id, overrides, params, reason }) => {
      const result = run(id, overrides, params);
      expect(result).toMatchObject({ checkId: id, state: 'pass' });
      expect(result.reason).toMatch(reason);
    },
  );

  it.each(fails)(
    '$id fails: $note ($reason)',
    ({ id, overrides, params, reason }) => {
      const result = run(id, overrides, params);
      expect(result).toMatchObject({ checkId: id, state: 'fail' });
      expect(result.reason).toMatch(reason);
    },
  );

  describe('unknown when GitHub cannot tell', () => {
    it.each(ids)('%s: the repository could not be read', id => {
      const problem =
        'GitHub returned 404 for acme/shipments-api (no access, or renamed)';
      const result = run(
        id,
        allFacts(() => new Problem(problem)),
      );
      expect(result.state).toBe('unknown');
      expect(result.reason).toBe(problem);
      expect(result.evidence[0]).toMatchObject({
        value: null,
        stale: false,
        problem,
      });
    });

    it.each(ids)('%s: nothing collected yet', id => {
      const result = run(
        id,
        allFacts(() => undefined),
      );
      expect(result.state).toBe('unknown');
      expect(result.reason).toMatch(
        /^Fact github\.\w+ has not been collected$/,
      );
    });

    it.each(ids)('%s: every fact is stale', id => {
      const result = run(
        id,
        allFacts(name => new Stale(healthy[name])),
      );
      expect(result.state).toBe('unknown');
      expect(result.reason).toMatch(
        /^Fact github\.\w+ is stale: last observed 2026-11-19T12:00:00.000Z by github$/,
      );
      expect(result.evidence.some(e => e.stale)).toBe(true);
    });

    const eachFactOfEachCheck = githubChecks.flatMap(check =>
      check.facts.map(fact => ({ id: check.id, fact })),
    );

    it.each(eachFactOfEachCheck)(
      '$id: $fact carries a problem',
      ({ id, fact }) => {
        const result = run(id, {
          [fact]: new Problem(
            'rate limited by GitHub until 2026-11-21T12:30:00Z',
          ),
        });
        expect(result.state).toBe('unknown');
        expect(result.reason).toBe(
          'Rate limited by GitHub until 2026-11-21T12:30:00Z',
        );
      },
    );

    it.each(eachFactOfEachCheck)('$id: $fact is missing', ({ id, fact }) => {
      const result = run(id, { [fact]: undefined });
      expect(result.state).toBe('unknown');
      expect(result.reason).toBe(`Fact ${fact} has not been collected`);
      expect(result.evidence).toContainEqual(
        expect.objectContaining({ fact, source: null, value: null }),
      );
    });

    it.each(eachFactOfEachCheck)('$id: $fact is stale', ({ id, fact }) => {
      const result = run(id, { [fact]: new Stale(healthy[fact]) });
      expect(result.state).toBe('unknown');
      expect(result.reason).toBe(
        `Fact ${fact} is stale: last observed 2026-11-19T12:00:00.000Z by github`,
      );
      expect(result.evidence).toContainEqual(
        expect.objectContaining({ fact, stale: true }),
      );
    });
  });

  it('records the facts a check read as evidence', () => {
    expect(run('auto-remediation').evidence).toEqual([
      {
        fact: GITHUB_FACTS.files,
        value: files,
        source: 'github',
        observedAt: NOW.toISOString(),
        stale: false,
      },
      {
        fact: GITHUB_FACTS.botPullRequestsMerged,
        value: 7,
        source: 'github',
        observedAt: NOW.toISOString(),
        stale: false,
      },
    ]);
  });
});
