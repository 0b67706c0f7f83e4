import { rowToFact, valueText, type FactRow } from './rows';
import { INLINE_VALUE_LIMIT, storedEvidence } from './storedValues';

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

  it('tell evidence whether their value is large by the length of their stored text', () => {
    const evidenceOf = (value: string) => {
      const fact = rowToFact({ ...row, value });
      return storedEvidence({
        fact: fact.name,
        value: fact.value,
        source: fact.source,
        observedAt: fact.observedAt,
        stale: false,
      }) as { value?: unknown };
    };
    // The same small object, stored with spacing that makes the text long: the stored
    // length decides, so the value is not measured again.
    const padding = ' '.repeat(INLINE_VALUE_LIMIT);
    expect(evidenceOf(`{${padding}"requiredReviews": 2 }`)).not.toHaveProperty(
      'value',
    );
    expect(evidenceOf('{"requiredReviews": 2}')).toHaveProperty('value', {
      requiredReviews: 2,
    });
  });
});
