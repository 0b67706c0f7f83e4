import {
  ACTIVE_WAIVERS_FACT,
  type CheckResult,
  type Evidence,
  type Fact,
  type LevelChangeCause,
} from '@maturity/plugin-maturity-common';

/**
 * Evidence values up to this size (as JSON) are copied into each result, so the change
 * log can say what a fact was before; larger ones (lists of CI runs, deployments,
 * workloads) are the entity's current facts already and are joined when a scorecard is
 * read. Copying them made results five times the size of the facts they quote.
 */
export const INLINE_VALUE_LIMIT = 256;

const NOT_KEPT = '(a large value, not kept)';

// A value quoted by several level changes is measured once. (A fact read from the
// database is measured by its stored text when results are encoded: see encodeResults.)
const measured = new WeakMap<object, boolean>();

function isLarge(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') {
    // JSON adds two quotes and escapes: measured only near the limit.
    if (value.length < INLINE_VALUE_LIMIT / 2) return false;
    return jsonLengthUpTo(value, INLINE_VALUE_LIMIT) > INLINE_VALUE_LIMIT;
  }
  if (typeof value !== 'object') return false; // numbers and booleans are short
  let large = measured.get(value);
  if (large === undefined) {
    large = jsonLengthUpTo(value, INLINE_VALUE_LIMIT) > INLINE_VALUE_LIMIT;
    measured.set(value, large);
  }
  return large;
}

/**
 * The length of `value` as JSON, counted only until it passes `limit` (then some length
 * above it). Serializing a list of CI runs or workloads in full only to learn it is long
 * was a twentieth of a cold evaluation.
 */
export function jsonLengthUpTo(value: unknown, limit: number): number {
  switch (typeof value) {
    case 'string':
      // Quotes and escapes only add to the length: exact where it matters.
      return value.length > limit ? value.length : JSON.stringify(value).length;
    case 'number':
      return Number.isFinite(value) ? String(value).length : 4; // null
    case 'boolean':
      return value ? 4 : 5;
    case 'object':
      break;
    default:
      return 0; // undefined, functions and symbols are left out of JSON
  }
  if (value === null) return 4;
  let length = 1; // the opening bracket; each item adds its comma or the closing one
  if (Array.isArray(value)) {
    for (const item of value) {
      const itemLength = jsonLengthUpTo(item, limit - length);
      length += (itemLength === 0 ? 4 : itemLength) + 1; // an array writes undefined as null
      if (length > limit) return length;
    }
    return Math.max(length, 2);
  }
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    const itemLength = jsonLengthUpTo(item, limit - length);
    if (itemLength === 0) continue; // left out of the object
    length += JSON.stringify(key).length + 1 + itemLength + 1;
    if (length > limit) return length;
  }
  return Math.max(length, 2);
}

/**
 * Evidence as stored: the fact's name, its staleness and problem, and its value when small.
 * Source and observation time are the fact's own and are joined on read (they are the same
 * for every check quoting the fact, and a fact observed again keeps its stored results);
 * large values are joined too. Evidence that is not a stored fact (the waiver count the
 * evaluation adds, a fact never collected) is kept whole: there is nothing to join.
 */
export function storedEvidence(e: Evidence): unknown {
  if (e.source === null || e.fact === ACTIVE_WAIVERS_FACT) return e;
  const stored: StoredEvidence = { fact: e.fact };
  if (e.stale) stored.stale = true;
  if (e.problem !== undefined) stored.problem = e.problem;
  if (!isLarge(e.value)) stored.value = e.value;
  return stored;
}

interface StoredEvidence {
  fact: string;
  value?: Evidence['value'];
  stale?: true;
  problem?: string;
}

/** Whether any stored evidence left parts to be joined from the facts. */
export function needsFacts(results: readonly CheckResult[]): boolean {
  return results.some(r => r.evidence.some(e => e.source === undefined));
}

/** Joins what stored evidence left out from the entity's current facts. */
export function joinFactValues(
  results: CheckResult[],
  facts: ReadonlyMap<string, Fact>,
): CheckResult[] {
  return results.map(r => ({
    ...r,
    evidence: r.evidence.map(e => {
      if (e.source !== undefined) return e;
      const fact = facts.get(e.fact);
      const joined: Evidence = {
        fact: e.fact,
        value: e.value !== undefined ? e.value : currentValue(fact),
        source: fact?.source ?? null,
        observedAt: fact?.observedAt ?? null,
        stale: e.stale ?? false,
      };
      if (e.problem !== undefined) joined.problem = e.problem;
      return joined;
    }),
  }));
}

function currentValue(fact: Fact | undefined): Evidence['value'] {
  if (!fact || fact.problem) return null;
  return fact.value ?? null;
}

/**
 * The "why it changed" log keeps a short description of a large value (and says when the
 * earlier value was not kept), so the log stays small while it still reads well.
 */
export function causesToStore(causes: LevelChangeCause[]): LevelChangeCause[] {
  // Field by field, not spread: spreading each cause was 0.5 s of self time in a profiled
  // 10,000-service cold evaluation in the benchmark's backend (never in a replay of the
  // evaluation alone, see the backend's replay-evaluation script).
  return causes.map(c => ({
    checkId: c.checkId,
    from: c.from,
    to: c.to,
    facts: c.facts.map(f => ({
      fact: f.fact,
      before: f.before === undefined ? NOT_KEPT : describeIfLarge(f.before),
      after: describeIfLarge(f.after),
    })),
  }));
}

function describeIfLarge(value: unknown): unknown {
  if (!isLarge(value)) return value;
  if (Array.isArray(value)) return `(a list of ${value.length} items)`;
  if (typeof value === 'string') return `${value.slice(0, 120)}…`;
  return `(an object with ${Object.keys(value as object).length} keys)`;
}
