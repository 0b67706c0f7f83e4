import { hash } from 'node:crypto';
import type { FactRow } from '../database/rows';
import type { EntityMetadata } from './entityMetadata';

// The order the fingerprint has always used: Array.prototype.sort's default, by UTF-16
// code units.
function byName(a: FactRow, b: FactRow): number {
  if (a.name === b.name) return 0;
  return a.name < b.name ? -1 : 1;
}

/**
 * A fingerprint of everything an evaluation reads. Equal fingerprints mean the results
 * would be equal, so the entity is skipped. It includes the day because rules look at
 * time windows ("in the last 90 days") and each day gets a snapshot, and each fact's
 * staleness because a fact turning stale changes results without changing its value.
 */
export function inputHash(options: {
  rubricVersion: string;
  now: Date;
  staleAfterMs: number;
  metadata: EntityMetadata;
  /** The entity's facts as stored: the value's JSON text is hashed, never parsed. */
  facts: readonly FactRow[];
}): string {
  const { rubricVersion, now, staleAfterMs, metadata, facts } = options;
  // One update with everything joined: tens of small updates per entity cost more in
  // calls into the hash than hashing the bytes themselves.
  const parts = [
    rubricVersion,
    now.toISOString().slice(0, 10),
    JSON.stringify(metadata),
  ];
  const isStale = stalenessAt(now.getTime() - staleAfterMs);
  const sorted = [...facts].sort(byName);
  for (const fact of sorted) {
    const stale = isStale(fact.observed_at);
    parts.push(`${fact.name}\u0000${fact.problem ?? ''}\u0000${stale}\u0000`);
    parts.push(fact.value);
  }
  return hash('sha1', parts.join(''), 'base64url');
}

/** `2026-11-21T10:00:00.000Z`: the spelling `Date.prototype.toISOString` writes. */
const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/**
 * Whether an observation time is before `staleBefore` (milliseconds), i.e. the fact is
 * stale. Observation times are written by `toISOString`, whose text sorts as its instant
 * does, so they are compared as text: parsing a date for each of a cold evaluation's
 * 288,000 facts was a sixth of fingerprinting them. Any other spelling is parsed.
 */
function stalenessAt(staleBefore: number): (observedAt: string) => boolean {
  const parsed = (observedAt: string) => Date.parse(observedAt) < staleBefore;
  const limit = new Date(staleBefore);
  if (Number.isNaN(limit.getTime())) return parsed; // beyond the dates JavaScript has
  const limitText = limit.toISOString();
  if (!ISO_UTC.test(limitText)) return parsed; // years beyond four digits
  return observedAt =>
    ISO_UTC.test(observedAt) ? observedAt < limitText : parsed(observedAt);
}
