import {
  ACTIVE_WAIVERS_FACT,
  type CheckResult,
  type Evidence,
  type Fact,
} from '@maturity/plugin-maturity-common';
import fc from 'fast-check';
import {
  causesToStore,
  joinFactValues,
  jsonLengthUpTo,
  needsFacts,
  storedEvidence,
} from './storedValues';

const runs = Array.from({ length: 50 }, (_, i) => ({
  conclusion: 'success',
  createdAt: `2026-11-${String((i % 28) + 1).padStart(2, '0')}`,
}));

const evidence = [
  {
    fact: 'github.defaultBranchRuns',
    value: runs,
    source: 'github',
    observedAt: '2026-11-21T10:00:00.000Z',
    stale: false,
  },
  {
    fact: 'catalog.owner',
    value: 'group:default/payments',
    source: 'catalog',
    observedAt: '2026-11-21T10:00:00.000Z',
    stale: false,
  },
];

describe('stored evidence values', () => {
  it('keeps small values inline and leaves large ones, sources and times to the facts', () => {
    const stored = JSON.parse(JSON.stringify(evidence.map(storedEvidence)));
    expect(stored).toEqual([
      { fact: 'github.defaultBranchRuns' },
      { fact: 'catalog.owner', value: 'group:default/payments' },
    ]);
  });

  it('keeps evidence whole that is not a stored fact', () => {
    const notStored: Evidence[] = [
      {
        fact: ACTIVE_WAIVERS_FACT,
        value: 1,
        source: 'config',
        observedAt: '2026-11-21T10:00:00.000Z',
        stale: false,
      },
      {
        fact: 'k8s.workloads',
        value: null,
        source: null,
        observedAt: null,
        stale: false,
        problem: 'fact k8s.workloads has not been collected',
      },
    ];
    expect(notStored.map(storedEvidence)).toEqual(notStored);
  });

  it('reads evidence stored whole (older rows) as it was', () => {
    const results: CheckResult[] = [
      { checkId: 'owner', state: 'pass', reason: 'ok', evidence },
    ];
    expect(needsFacts(results)).toBe(false);
    expect(joinFactValues(results, new Map())).toEqual(results);
  });

  it('shows the latest observation of a fact observed again since the evaluation', () => {
    const [result] = joinFactValues(
      [
        {
          checkId: 'owner',
          state: 'fail',
          reason: 'stale',
          evidence: [
            { fact: 'catalog.owner', stale: true, problem: 'stale' },
          ] as unknown as Evidence[],
        },
      ],
      new Map([
        [
          'catalog.owner',
          {
            entityRef: 'component:default/a',
            name: 'catalog.owner',
            value: 'group:default/a',
            source: 'catalog',
            observedAt: '2026-11-22T09:00:00.000Z',
          },
        ],
      ]),
    );
    expect(result.evidence).toEqual([
      {
        fact: 'catalog.owner',
        value: 'group:default/a',
        source: 'catalog',
        observedAt: '2026-11-22T09:00:00.000Z',
        stale: true,
        problem: 'stale',
      },
    ]);
  });

  it('joins left-out values from the current facts when read', () => {
    const results: CheckResult[] = [
      {
        checkId: 'ci-green',
        state: 'pass',
        reason: 'green',
        evidence: JSON.parse(JSON.stringify(evidence.map(storedEvidence))),
      },
    ];
    expect(needsFacts(results)).toBe(true);
    const facts = new Map<string, Fact>([
      [
        'github.defaultBranchRuns',
        {
          entityRef: 'component:default/a',
          name: 'github.defaultBranchRuns',
          value: runs,
          source: 'github',
          observedAt: '2026-11-21T10:00:00.000Z',
        },
      ],
      [
        'catalog.owner',
        {
          entityRef: 'component:default/a',
          name: 'catalog.owner',
          value: 'group:default/payments',
          source: 'catalog',
          observedAt: '2026-11-21T10:00:00.000Z',
        },
      ],
    ]);
    const [joined] = joinFactValues(results, facts);
    expect(joined.evidence).toEqual(evidence);
    expect(needsFacts([joined])).toBe(false);
    // A fact gone since the evaluation reads as null, never as undefined.
    const [orphan] = joinFactValues(results, new Map());
    expect(orphan.evidence[0].value).toBeNull();
  });

  it('describes large values in the change log and says when the earlier one was not kept', () => {
    const [cause] = causesToStore([
      {
        checkId: 'ci-green',
        from: 'fail',
        to: 'pass',
        facts: [
          { fact: 'github.defaultBranchRuns', before: undefined, after: runs },
          { fact: 'catalog.owner', before: null, after: 'group:default/a' },
        ],
      },
    ]);
    expect(cause.facts).toEqual([
      {
        fact: 'github.defaultBranchRuns',
        before: '(a large value, not kept)',
        after: '(a list of 50 items)',
      },
      { fact: 'catalog.owner', before: null, after: 'group:default/a' },
    ]);
  });

  it('measures JSON length exactly up to the limit, and only says "more" above it', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(400), (value, limit) => {
        const length = JSON.stringify(value).length;
        const measured = jsonLengthUpTo(value, limit);
        // Exact up to the limit; above it, any length above the limit.
        expect(length <= limit ? measured : measured > limit).toBe(
          length <= limit ? length : true,
        );
      }),
      { numRuns: 2000 },
    );
  });
});
