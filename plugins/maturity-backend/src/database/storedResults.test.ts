import {
  FactEvidence,
  type CheckResult,
  type Fact,
} from '@maturity/plugin-maturity-common';
import fc from 'fast-check';
import { decodeResults, encodeResults } from './storedResults';
import { storedEvidence } from './storedValues';

const observedAt = '2026-11-21T10:00:00.000Z';
const facts = new Map<string, Fact>(
  [
    ['catalog.owner', 'group:default/payments'],
    ['catalog.lifecycle', 'production'],
    ['github.defaultBranchRuns', Array.from({ length: 40 }, (_, i) => ({ i }))],
  ].map(([name, value]) => [
    name as string,
    {
      entityRef: 'component:default/a',
      name,
      value,
      source: 'catalog',
      observedAt,
    } as Fact,
  ]),
);

/** Results as an evaluation makes them: one evidence object per fact, shared. */
function evaluated(): CheckResult[] {
  const table = new FactEvidence({
    facts,
    now: new Date('2026-11-21T12:00:00.000Z'),
    staleAfterMs: 86_400_000,
  });
  return [
    {
      checkId: 'owner-defined',
      state: 'pass',
      reason: 'Owned by group:default/payments',
      evidence: [table.of('catalog.owner'), table.of('catalog.lifecycle')],
    },
    {
      checkId: 'ci-builds',
      state: 'waived',
      reason: 'Waived',
      evidence: [
        table.of('github.defaultBranchRuns'),
        table.of('catalog.owner'),
      ],
      waiver: { reason: 'migrating', expires: '2027-01-01', approvedBy: 'cto' },
    },
    {
      checkId: 'k8s-probes',
      state: 'unknown',
      reason: 'fact k8s.workloads has not been collected',
      evidence: [table.of('k8s.workloads')],
    },
  ];
}

/** What the first format stored: each result with its evidence copied in. */
const firstFormat = (results: CheckResult[]) =>
  JSON.stringify(
    results.map(r => ({ ...r, evidence: r.evidence.map(storedEvidence) })),
  );

describe('stored check results', () => {
  it('read back as the first format stored them, waiver included', () => {
    const results = evaluated();
    expect(decodeResults(encodeResults(results))).toEqual(
      JSON.parse(firstFormat(results)),
    );
  });

  it('write each piece of evidence once, however many checks quote it', () => {
    const stored = JSON.parse(encodeResults(evaluated()));
    expect(stored.evidence.map((e: { fact: string }) => e.fact)).toEqual([
      'catalog.owner',
      'catalog.lifecycle',
      'github.defaultBranchRuns',
      'k8s.workloads',
    ]);
    expect(stored.checks.map((c: unknown[]) => c[3])).toEqual([
      [0, 1],
      [2, 0],
      [3],
    ]);
  });

  it('round-trip any results, shared evidence or not', () => {
    const evidence = fc.record(
      {
        fact: fc.string({ minLength: 1, maxLength: 20 }),
        value: fc.jsonValue({ maxDepth: 2 }),
        source: fc.constantFrom('catalog', 'github', null),
        observedAt: fc.constant(observedAt),
        stale: fc.boolean(),
        problem: fc.string(),
      },
      { requiredKeys: ['fact', 'value', 'source', 'observedAt', 'stale'] },
    );
    const result = fc.record(
      {
        checkId: fc.string({ minLength: 1 }),
        state: fc.constantFrom(
          'pass',
          'fail',
          'unknown',
          'waived',
          'not-applicable',
        ),
        reason: fc.string(),
        evidence: fc.array(fc.nat(5)),
        waiver: fc.record({
          reason: fc.string(),
          expires: fc.string(),
          approvedBy: fc.string(),
        }),
      },
      { requiredKeys: ['checkId', 'state', 'reason', 'evidence'] },
    );
    fc.assert(
      fc.property(
        fc.array(evidence, { minLength: 6, maxLength: 6 }),
        fc.array(result, { maxLength: 8 }),
        (pool, drafts) => {
          // Evidence drawn from a shared pool, as the evaluation hands it out.
          const results = drafts.map(d => ({
            ...d,
            evidence: d.evidence.map(i => pool[i]),
          })) as CheckResult[];
          expect(decodeResults(encodeResults(results))).toEqual(
            JSON.parse(firstFormat(results)),
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});
