import { observedBefore } from '@maturity/plugin-maturity-common';
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
  // Stale as the evaluation's evidence says (FactEvidence): the same test.
  const isStale = observedBefore(now.getTime() - staleAfterMs);
  const sorted = [...facts].sort(byName);
  for (const fact of sorted) {
    const stale = isStale(fact.observed_at);
    parts.push(`${fact.name}\u0000${fact.problem ?? ''}\u0000${stale}\u0000`);
    parts.push(fact.value);
  }
  return hash('sha1', parts.join(''), 'base64url');
}
