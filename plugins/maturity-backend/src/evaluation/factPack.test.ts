import type { FactRow } from '../database/rows';
import { packFacts, unpackFacts } from './factPack';

const REF = 'component:default/svc';
const row = (name: string, value: unknown, problem: string | null = null) =>
  ({
    entity_ref: REF,
    name,
    value: JSON.stringify(value),
    source: 'github',
    observed_at: '2026-11-21T10:00:00.000Z',
    run_id: null,
    problem,
  } satisfies FactRow);

describe('packFacts', () => {
  it('unpacks every field the evaluation reads, in order', () => {
    const rows = [
      row('github.files', { dependabot: true, note: 'a\tb\u0000c' }),
      row('github.environments', null, 'HTTP 404 for the repository'),
      row('catalog.title', 'Zürich → 東京 🚀'),
      row('catalog.empty', ''),
    ];
    const packed = packFacts(rows);
    expect(packed.startsWith('P')).toBe(true);
    expect(unpackFacts(REF, packed)).toEqual(rows);
  });

  it('answers no rows for an entity without facts', () => {
    expect(unpackFacts(REF, packFacts([]))).toEqual([]);
  });

  it('sends an entity as JSON when a field other than the value holds the separator', () => {
    const rows = [row('odd\u0000name', 1), row('plain', 2, 'bad\u0000problem')];
    const packed = packFacts(rows);
    expect(packed.startsWith('J')).toBe(true);
    expect(unpackFacts(REF, packed)).toEqual(rows);
  });
});
