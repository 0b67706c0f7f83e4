import { rowToFact, valueText } from './rows';

const row = (value: string) => ({
  entity_ref: 'component:default/svc',
  name: 'github.defaultBranchRuns',
  value,
  source: 'github',
  observed_at: '2026-11-21T10:00:00.000Z',
  run_id: 'run-1',
  problem: null,
});

describe('rowToFact', () => {
  it('parses a stored value only when it is read', () => {
    // Malformed on purpose: reading the row must not touch it.
    const fact = rowToFact(row('{not json'));
    expect(valueText(fact)).toBe('{not json');
    expect(() => fact.value).toThrow(SyntaxError);
  });

  it('reads as a plain fact: spread, serialized and compared', () => {
    const fact = rowToFact(row('[{"conclusion":"success"}]'));
    const plain = {
      entityRef: 'component:default/svc',
      name: 'github.defaultBranchRuns',
      value: [{ conclusion: 'success' }],
      source: 'github',
      observedAt: '2026-11-21T10:00:00.000Z',
      runId: 'run-1',
    };
    expect(fact).toEqual(plain);
    expect({ ...fact }).toEqual(plain);
    expect(JSON.parse(JSON.stringify(fact))).toEqual(plain);
    expect(fact.value).toBe(fact.value); // parsed once
  });
});
