import { createHash } from 'node:crypto';
import type { Fact } from '@maturity/plugin-maturity-common';
import { valueText } from '../database/rows';
import type { EntityMetadata } from './entityMetadata';

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
  facts: ReadonlyMap<string, Fact>;
}): string {
  const { rubricVersion, now, staleAfterMs, metadata, facts } = options;
  // One update with everything joined: tens of small updates per entity cost more in
  // calls into the hash than hashing the bytes themselves.
  const parts = [
    rubricVersion,
    now.toISOString().slice(0, 10),
    JSON.stringify(metadata),
  ];
  const names = [...facts.keys()].sort();
  for (const name of names) {
    const fact = facts.get(name)!;
    const stale = now.getTime() - Date.parse(fact.observedAt) > staleAfterMs;
    parts.push(`${name}\u0000${fact.problem ?? ''}\u0000${stale}\u0000`);
    parts.push(valueText(fact));
  }
  const hash = createHash('sha1').update(parts.join(''));
  return hash.digest('base64url');
}
