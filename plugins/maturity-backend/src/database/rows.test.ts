import {
  FactEvidence,
  type CheckResult,
  type Fact,
} from '@maturity/plugin-maturity-common';
import {
  changeToRow,
  encodeResultsForStore,
  rowToChange,
  rowToFact,
  valueText,
  type FactRow,
} from './rows';
import { decodeResults } from './storedResults';
import { INLINE_VALUE_LIMIT } from './storedValues';

const DAY_MS = 86_400_000;
const now = new Date('2026-11-21T12:00:00.000Z');

const row: FactRow = {
  entity_ref: 'component:default/orders',
  name: 'github.branchProtection',
  // Stored text with spacing JSON.stringify would not produce, to tell the two apart.
  value: '{ "requiredReviews": 2 }',
  source: 'github',
  observed_at: '2026-11-21T10:00:00.000Z',
  run_id: 'run-1',
  problem: null,
};

describe('facts read from the database', () => {
  it('are plain facts to JSON and to spreads', () => {
    const fact = rowToFact(row);
    const expected = {
      entityRef: 'component:default/orders',
      name: 'github.branchProtection',
      value: { requiredReviews: 2 },
      source: 'github',
      observedAt: '2026-11-21T10:00:00.000Z',
      runId: 'run-1',
    };
    expect(JSON.parse(JSON.stringify(fact))).toStrictEqual(expected);
    expect({ ...fact }).toStrictEqual(expected);
    expect(rowToFact({ ...row, problem: 'no access' }).problem).toBe(
      'no access',
    );
    expect('problem' in fact).toBe(false);
  });

  it('fingerprint by the text they were stored as, others by their value', () => {
    const fact = rowToFact(row);
    expect(valueText(fact)).toBe('{ "requiredReviews": 2 }');
    expect(valueText({ ...fact })).toBe('{"requiredReviews":2}');
  });

  it('parse their value when it is first read, and once', () => {
    // Text no JSON.parse accepts: reading the fact and fingerprinting it never parse it.
    const unread = rowToFact({ ...row, value: '{ not json' });
    expect(valueText(unread)).toBe('{ not json');
    expect(() => unread.value).toThrow(SyntaxError);

    const fact = rowToFact(row);
    expect(fact.value).toBe(fact.value);
    expect(Object.keys(fact)).toContain('value');
  });

  it('are copied into results as the text they were stored as, or left out when that text is long', () => {
    // The same small object, stored with spacing that makes the text long: the stored
    // length decides, and a short text is copied as it is, not serialized again.
    const padding = ' '.repeat(INLINE_VALUE_LIMIT);
    const long = rowToFact({
      ...row,
      value: `{${padding}"requiredReviews": 2 }`,
    });
    const short = rowToFact(row);
    const stale = rowToFact({
      ...row,
      name: 'github.files',
      observed_at: '2026-01-01T00:00:00.000Z',
    });
    const failed = rowToFact({
      ...row,
      name: 'k8s.workloads',
      problem: 'no access',
    });
    const stored = (fact: Fact) => {
      const facts = new Map([[fact.name, fact]]);
      const evidence = new FactEvidence({ facts, now, staleAfterMs: DAY_MS });
      const results: CheckResult[] = [
        {
          checkId: 'c',
          state: 'pass',
          reason: 'r',
          evidence: [evidence.of(fact.name)],
        },
      ];
      const { results: text } = encodeResultsForStore(results, facts);
      // The same as encoding the values themselves, unless the stored text was spaced.
      const fromValues = encodeResultsForStore(results).results;
      return { text, fromValues, evidence: decodeResults(text)[0].evidence[0] };
    };
    expect(stored(long).evidence).toEqual({ fact: row.name });
    for (const fact of [short, stale, failed]) {
      const { text, fromValues } = stored(fact);
      expect(decodeResults(text)).toEqual(decodeResults(fromValues));
    }
    expect(stored(short).text).toContain('"value":{ "requiredReviews": 2 }');
    expect(stored(short).evidence).toEqual({
      fact: row.name,
      value: { requiredReviews: 2 },
    });
    // Evidence that cannot decide a check says why (a failed fact has no value).
    expect(stored(stale).evidence).toMatchObject({
      stale: true,
      problem: expect.stringContaining('is stale'),
    });
    expect(stored(failed).evidence).toEqual({
      fact: 'k8s.workloads',
      problem: 'no access',
      value: null,
    });
  });
});

describe('level changes as stored', () => {
  const change = {
    entityRef: 'component:default/orders',
    changedAt: '2026-11-21T12:00:00.000Z',
    fromLevel: null,
    toLevel: 2 as const,
  };

  it('read a first placement, stored as its states, as one cause per check', () => {
    const results: CheckResult[] = [
      { checkId: 'owner-defined', state: 'pass', reason: '', evidence: [] },
      { checkId: 'ci-builds', state: 'unknown', reason: '', evidence: [] },
    ];
    const { states } = encodeResultsForStore(results);
    expect(JSON.parse(states)).toEqual({
      'owner-defined': 'pass',
      'ci-builds': 'unknown',
    });
    const stored = changeToRow({ ...change, encodedCauses: states });
    expect(rowToChange(stored).causes).toEqual([
      { checkId: 'owner-defined', from: null, to: 'pass', facts: [] },
      { checkId: 'ci-builds', from: null, to: 'unknown', facts: [] },
    ]);
  });

  it('read causes stored as a list as they were written', () => {
    const causes = [
      {
        checkId: 'pdb',
        from: 'pass',
        to: 'fail',
        facts: [{ fact: 'k8s.podDisruptionBudgets', before: 1, after: 0 }],
      },
    ];
    expect(rowToChange(changeToRow({ ...change, causes })).causes).toEqual(
      causes,
    );
  });
});
