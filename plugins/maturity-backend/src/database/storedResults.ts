import type { CheckResult, Evidence } from '@maturity/plugin-maturity-common';
import { INLINE_VALUE_LIMIT, storedEvidence } from './storedValues';

/**
 * The `results` column of an entity: every check result, with each piece of evidence
 * written once and named by its place in the list.
 *
 *   { "v": 2,
 *     "evidence": [{ "fact": "catalog.owner", "value": "group:default/a" }, …],
 *     "checks": [["owner-defined", "pass", "Owned by group:default/a", [0]], …] }
 *
 * A check is `[checkId, state, reason, evidence indexes]`, plus its waiver when waived.
 * Forty-odd checks quote some thirty facts, the same fact from several checks: as one
 * keyed object per check, with the evidence copied into each, an entity's results were
 * 9.7 KB at 10,000 services; like this they are 6.1 KB, and a cold evaluation writes
 * 36 MB less. Rows stored in the first format (a list of those objects) are rewritten by
 * the migration `20261122120000_results_format_2`.
 */
export function encodeResults(
  results: readonly CheckResult[],
  valueTextOf?: ValueTextOf,
): string {
  // The evaluation shares one evidence object per fact among the checks reading it
  // (FactEvidence), so identity finds the repeats without comparing values.
  const indexes = new Map<Evidence, number>();
  const evidence: string[] = [];
  const checks = results.map(result => {
    const quoted = result.evidence.map(e => {
      let index = indexes.get(e);
      if (index === undefined) {
        index = evidence.push(evidenceJson(e, valueTextOf)) - 1;
        indexes.set(e, index);
      }
      return index;
    });
    const { checkId, state, reason, waiver } = result;
    const check: StoredCheck = waiver
      ? [checkId, state, reason, quoted, waiver]
      : [checkId, state, reason, quoted];
    return check;
  });
  return `{"v":2,"evidence":[${evidence.join(',')}],"checks":${JSON.stringify(
    checks,
  )}}`;
}

/**
 * The JSON text a fact's value was read from the database as, by the fact's name; or
 * undefined when the evaluation's fact is not one read from the database.
 */
export type ValueTextOf = (factName: string) => string | undefined;

/**
 * One piece of evidence as stored (see storedEvidence), as JSON. When the evidence quotes
 * a usable fact whose value is still the JSON text it was read as, that text is written
 * as it is: serializing the value again, and measuring it to tell a small value from a
 * large one, was a sixth of the evaluation worker's time in a cold evaluation.
 */
function evidenceJson(
  e: Evidence,
  valueTextOf: ValueTextOf | undefined,
): string {
  // Evidence with a problem (a fact stale, failed or never collected) has no value to
  // copy: it keeps the problem instead.
  const usable = e.problem === undefined && !e.stale && e.source !== null;
  const text = usable ? valueTextOf?.(e.fact) : undefined;
  if (text === undefined) return JSON.stringify(storedEvidence(e));
  const fact = `{"fact":${JSON.stringify(e.fact)}`;
  return text.length <= INLINE_VALUE_LIMIT
    ? `${fact},"value":${text}}`
    : `${fact}}`;
}

/** Check results as stored, their evidence as `storedEvidence` left it. */
export function decodeResults(text: string): CheckResult[] {
  const stored: StoredResults = JSON.parse(text);
  return stored.checks.map(([checkId, state, reason, quoted, waiver]) => {
    const result: CheckResult = {
      checkId,
      state,
      reason,
      evidence: quoted.map(index => stored.evidence[index]),
    };
    if (waiver) result.waiver = waiver;
    return result;
  });
}

type StoredCheck =
  | [CheckResult['checkId'], CheckResult['state'], string, number[]]
  | [
      CheckResult['checkId'],
      CheckResult['state'],
      string,
      number[],
      NonNullable<CheckResult['waiver']>,
    ];

interface StoredResults {
  v: 2;
  evidence: Evidence[];
  checks: StoredCheck[];
}
