import type { CheckResult, Fact } from '@maturity/plugin-maturity-common';
import {
  causesToStore,
  evidenceToStore,
  joinFactValues,
  needsFacts,
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
  it('keeps small values inline and leaves large ones to the facts', () => {
    const stored = JSON.parse(JSON.stringify(evidenceToStore(evidence)));
    expect(stored[0]).not.toHaveProperty('value');
    expect(stored[0]).toMatchObject({ fact: 'github.defaultBranchRuns' });
    expect(stored[1].value).toBe('group:default/payments');
  });

  it('joins left-out values from the current facts when read', () => {
    const results: CheckResult[] = [
      {
        checkId: 'ci-green',
        state: 'pass',
        reason: 'green',
        evidence: JSON.parse(JSON.stringify(evidenceToStore(evidence))),
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
});
