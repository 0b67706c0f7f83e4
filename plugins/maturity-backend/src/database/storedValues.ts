import type {
  CheckResult,
  Evidence,
  Fact,
  LevelChangeCause,
} from '@maturity/plugin-maturity-common';

/**
 * Evidence values up to this size (as JSON) are copied into each result; larger ones
 * (lists of CI runs, deployments, workloads) are the entity's current facts already, so
 * a result keeps only the reference and the value is joined when a scorecard is read.
 * Copying them made results five times the size of the facts they quote.
 */
export const INLINE_VALUE_LIMIT = 256;

const NOT_KEPT = '(a large value, not kept)';

// The same fact value is quoted by every check that reads it: measure each object once.
const measured = new WeakMap<object, boolean>();

function isLarge(value: unknown): boolean {
  if (value === null || typeof value !== 'object') {
    return JSON.stringify(value ?? null).length > INLINE_VALUE_LIMIT;
  }
  let large = measured.get(value);
  if (large === undefined) {
    large = JSON.stringify(value).length > INLINE_VALUE_LIMIT;
    measured.set(value, large);
  }
  return large;
}

/** Evidence as stored: large values left out (read back, `value` is undefined). */
export function evidenceToStore(evidence: Evidence[]): unknown[] {
  return evidence.map(e => {
    if (!isLarge(e.value)) return e;
    const { value: _joinedOnRead, ...reference } = e;
    return reference;
  });
}

/** Whether any stored evidence left its value to be joined from the facts. */
export function needsFacts(results: readonly CheckResult[]): boolean {
  return results.some(r => r.evidence.some(e => e.value === undefined));
}

/** Joins left-out values from the entity's current facts. */
export function joinFactValues(
  results: CheckResult[],
  facts: ReadonlyMap<string, Fact>,
): CheckResult[] {
  return results.map(r => ({
    ...r,
    evidence: r.evidence.map(e =>
      e.value !== undefined
        ? e
        : { ...e, value: facts.get(e.fact)?.value ?? null },
    ),
  }));
}

/**
 * The "why it changed" log keeps a short description of a large value (and says when the
 * earlier value was not kept), so the log stays small while it still reads well.
 */
export function causesToStore(causes: LevelChangeCause[]): LevelChangeCause[] {
  return causes.map(c => ({
    ...c,
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
