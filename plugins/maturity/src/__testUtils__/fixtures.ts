import type {
  EntityHistory,
  EntityScorecard,
  GroupResponse,
  GroupSummary,
  RollupFigures,
  RollupResponse,
  RubricResponse,
  ScorecardCheck,
  SourcesResponse,
} from '@maturity/plugin-maturity-common';

const HOUR = 3_600_000;
export const recently = new Date(Date.now() - 2 * HOUR).toISOString();
export const longAgo = new Date(Date.now() - 72 * HOUR).toISOString();

export function check(overrides: Partial<ScorecardCheck>): ScorecardCheck {
  return {
    checkId: 'repo-linked',
    state: 'pass',
    reason: 'github.com/project-slug: acme/payments-api',
    evidence: [],
    title: 'Source repository linked',
    level: 1,
    dimension: 'process',
    lens: 'delivery',
    required: true,
    weight: 1,
    hint: 'Add the github.com/project-slug annotation.',
    link: 'https://backstage.io/docs/features/software-catalog/well-known-annotations',
    sources: ['catalog'],
    ...overrides,
  };
}

/** A Level 2 service held back from Level 3 by missing dashboards and a declared API. */
export const scorecard: EntityScorecard = {
  entityRef: 'component:default/payments-api',
  level: 2,
  provisional: false,
  assessed: true,
  evaluatedAt: recently,
  stale: false,
  nextLevel: {
    level: 3,
    progress: 0.5,
    blockers: ['dashboards-linked', 'metrics-scraped'],
  },
  dimensions: {
    people: 2,
    process: 2,
    policy: 1,
    technology: 2,
    'business-outcomes': null,
  },
  checks: [
    check({
      evidence: [
        {
          fact: 'catalog.annotations',
          value: { 'github.com/project-slug': 'acme/payments-api' },
          source: 'catalog',
          observedAt: recently,
          stale: false,
        },
      ],
    }),
    check({
      checkId: 'dashboards-linked',
      state: 'fail',
      reason: 'No dashboard link or grafana/dashboard-selector annotation',
      title: 'Dashboard linked',
      level: 3,
      required: false,
      hint: 'Link the service dashboard.',
      link: '/create/templates/default/grafana-dashboard',
      evidence: [
        {
          fact: 'catalog.linkTypes',
          value: ['runbook'],
          source: 'catalog',
          observedAt: longAgo,
          stale: true,
        },
      ],
    }),
    check({
      checkId: 'metrics-scraped',
      state: 'unknown',
      reason: 'Not linked to any workload',
      title: 'Metrics are scraped',
      level: 3,
      dimension: 'technology',
      required: false,
      hint: 'Add a ServiceMonitor.',
      link: 'https://prometheus-operator.dev/',
      sources: ['kubernetes'],
      evidence: [
        {
          fact: 'k8s.workloads',
          value: null,
          source: null,
          observedAt: null,
          stale: false,
          problem: 'fact k8s.workloads has not been collected',
        },
      ],
    }),
    check({
      checkId: 'replicas-ha',
      state: 'waived',
      reason: 'Waived: singleton batch job',
      title: 'No single replica',
      level: 2,
      dimension: 'technology',
      required: false,
      waiver: {
        reason: 'singleton batch job',
        expires: '2027-06-30',
        approvedBy: 'group:default/platform',
      },
    }),
    check({
      checkId: 'tls',
      state: 'not-applicable',
      reason: 'No Ingress',
      title: 'TLS on ingress',
      level: 2,
      dimension: 'policy',
      required: false,
    }),
  ],
};

export const history: EntityHistory = {
  entityRef: 'component:default/payments-api',
  snapshots: [
    { day: '2026-11-19', level: 1, provisional: false, assessed: true },
    { day: '2026-11-20', level: 2, provisional: false, assessed: true },
  ],
  changes: [
    {
      entityRef: 'component:default/payments-api',
      changedAt: '2026-11-20T08:00:00Z',
      fromLevel: 1,
      toLevel: 2,
      causes: [
        {
          checkId: 'owner-is-team',
          from: 'fail',
          to: 'pass',
          facts: [
            {
              fact: 'catalog.owner',
              before: { memberCount: 1 },
              after: { memberCount: 3 },
            },
          ],
        },
      ],
    },
  ],
};

export function figures(overrides: Partial<RollupFigures> = {}): RollupFigures {
  return {
    level: 2,
    distribution: [0, 1, 2, 0, 0, 0],
    median: 2,
    minimum: 1,
    services: 4,
    assessed: 3,
    coverage: 0.75,
    provisional: 0,
    lenses: {
      compliance: 0.8,
      security: null,
      reliability: 0.5,
      cost: 0.25,
      delivery: 0.6,
    },
    ...overrides,
  };
}

export function group(overrides: Partial<GroupSummary>): GroupSummary {
  return {
    groupRef: 'group:default/payments',
    title: 'Payments',
    type: 'team',
    parentRef: 'group:default/engineering',
    figures: figures(),
    trend: { days: 7, previousLevel: 1 },
    ...overrides,
  };
}

export const groupResponse: GroupResponse = {
  group: group({}),
  children: [
    group({
      groupRef: 'group:default/payments-core',
      title: 'Payments Core',
      parentRef: 'group:default/payments',
      trend: { days: 7, previousLevel: 2 },
    }),
  ],
  services: [
    {
      entityRef: 'component:default/ledger',
      title: 'Ledger',
      ownerRef: 'group:default/payments-core',
      lifecycle: 'production',
      systemRef: 'system:default/payments',
      tier: 'tier-1',
      level: 1,
      provisional: false,
      assessed: true,
      stale: true,
    },
    {
      entityRef: 'component:default/payments-api',
      title: 'Payments API',
      ownerRef: 'group:default/payments',
      lifecycle: 'production',
      systemRef: 'system:default/payments',
      tier: 'tier-1',
      level: 2,
      provisional: false,
      assessed: true,
      stale: false,
    },
  ],
  holdingBack: ['component:default/ledger'],
};

export const rollup: RollupResponse = {
  root: null,
  filters: {},
  computedAt: recently,
  org: figures({ level: 1, services: 10, assessed: 9, coverage: 0.9 }),
  groups: [
    group({
      groupRef: 'group:default/engineering',
      title: 'Engineering',
      parentRef: null,
      trend: { days: 7, previousLevel: null },
    }),
    group({}),
  ],
};

export const rubric: RubricResponse = {
  checks: [
    {
      id: 'dashboards-linked',
      title: 'Dashboard linked',
      level: 3,
      dimension: 'process',
      lens: 'reliability',
      required: false,
      weight: 2,
      sources: ['catalog'],
      facts: ['catalog.linkTypes'],
      hint: 'Link the service dashboard.',
      link: '/create/templates/default/grafana-dashboard',
      params: {},
      failing: 7,
      unknown: 1,
    },
    {
      id: 'repo-linked',
      title: 'Source repository linked',
      level: 1,
      dimension: 'process',
      lens: 'delivery',
      required: true,
      weight: 1,
      sources: ['catalog'],
      facts: ['catalog.annotations'],
      hint: 'Add the github.com/project-slug annotation.',
      link: 'https://backstage.io/docs',
      params: {},
      failing: 2,
      unknown: 0,
    },
  ],
};

export const sources: SourcesResponse = {
  runs: [
    {
      id: '2',
      source: 'github',
      status: 'failed',
      startedAt: recently,
      finishedAt: recently,
      entities: 0,
      requests: 3,
      error: 'rate limited',
    },
    {
      id: '1',
      source: 'catalog',
      status: 'ok',
      startedAt: recently,
      finishedAt: recently,
      entities: 30,
      requests: 3,
      error: null,
    },
  ],
};
