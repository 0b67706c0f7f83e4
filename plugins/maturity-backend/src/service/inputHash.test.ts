import { createHash } from 'node:crypto';
import type { FactRow } from '../database/rows';
import { inputHash } from './inputHash';

const DAY_MS = 86_400_000;
const now = new Date('2026-11-21T12:00:00.000Z');
const metadata = {
  ownerRef: 'group:default/a',
  lifecycle: 'production',
  systemRef: null,
  tier: null,
  title: null,
};
const fact = (name: string, observedAt: string): FactRow => ({
  entity_ref: 'component:default/a',
  name,
  value: '{"n":1}',
  source: 'github',
  observed_at: observedAt,
  run_id: null,
  problem: null,
});
const fingerprint = (facts: FactRow[], staleAfterMs = DAY_MS) =>
  inputHash({ rubricVersion: 'v1', now, staleAfterMs, metadata, facts });

/**
 * The fingerprint as first defined, every observation time parsed, with staleness as the
 * evaluation's evidence has it: observed longer than staleAfter ago, or at a time that
 * cannot be read.
 */
function parsedFingerprint(facts: FactRow[], staleAfterMs = DAY_MS): string {
  const parts = ['v1', '2026-11-21', JSON.stringify(metadata)];
  for (const f of [...facts].sort((x, y) => (x.name < y.name ? -1 : 1))) {
    const stale = !(now.getTime() - Date.parse(f.observed_at) <= staleAfterMs);
    parts.push(
      `${f.name}\u0000${f.problem ?? ''}\u0000${stale}\u0000`,
      f.value,
    );
  }
  return createHash('sha1').update(parts.join('')).digest('base64url');
}

describe('inputHash', () => {
  it('is the fingerprint of the parsed observation times, however they are spelled', () => {
    const spellings = [
      '2026-11-20T12:00:00.000Z', // exactly staleAfter ago: not stale
      '2026-11-20T11:59:59.999Z', // a millisecond more: stale
      '2026-11-20T12:00:00.001Z',
      '2026-11-20T11:59:59Z', // no milliseconds: parsed
      '2026-11-20T13:00:00.000+02:00', // an offset: parsed (stale)
      '+010000-01-01T00:00:00.000Z', // beyond four-digit years: parsed
      'not a date', // stale: its age cannot be told
    ];
    for (const observedAt of spellings) {
      const facts = [
        fact('github.files', observedAt),
        fact('catalog.owner', observedAt),
      ];
      expect(fingerprint(facts)).toBe(parsedFingerprint(facts));
    }
    // A limit no date can spell (staleAfter beyond the range of dates).
    const facts = [fact('github.files', '2026-11-20T12:00:00.000Z')];
    expect(fingerprint(facts, 1e17)).toBe(parsedFingerprint(facts, 1e17));
  });

  it('changes when a fact turns stale, and not with its observation time otherwise', () => {
    const fresh = fingerprint([
      fact('github.files', '2026-11-21T11:00:00.000Z'),
    ]);
    const later = fingerprint([
      fact('github.files', '2026-11-21T11:30:00.000Z'),
    ]);
    const stale = fingerprint([
      fact('github.files', '2026-11-19T11:00:00.000Z'),
    ]);
    expect(later).toBe(fresh);
    expect(stale).not.toBe(fresh);
  });
});
