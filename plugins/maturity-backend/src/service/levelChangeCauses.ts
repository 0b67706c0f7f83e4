import type { CheckResult } from '@maturity/plugin-maturity-common';
import type { LevelChangeCause } from '../database/MaturityStore';

/**
 * Why a level changed: every check whose state differs between the two evaluations, with
 * the value of each fact it read before and after. A first evaluation has nothing to
 * compare with: its causes are each check's state, without facts (the scorecard shows
 * them), which keeps the first cycle's change log small.
 */
export function levelChangeCauses(
  before: readonly CheckResult[],
  after: readonly CheckResult[],
): LevelChangeCause[] {
  const previous = new Map(before.map(r => [r.checkId, r]));
  return after.flatMap(result => {
    const old = previous.get(result.checkId);
    if (old?.state === result.state) return [];
    if (before.length === 0) {
      return [
        { checkId: result.checkId, from: null, to: result.state, facts: [] },
      ];
    }
    const oldValues = new Map(
      (old?.evidence ?? []).map(e => [e.fact, e.value]),
    );
    return [
      {
        checkId: result.checkId,
        from: old?.state ?? null,
        to: result.state,
        facts: result.evidence
          .map(e => ({
            fact: e.fact,
            before: oldValues.get(e.fact) ?? null,
            after: e.value,
          }))
          .filter(f => JSON.stringify(f.before) !== JSON.stringify(f.after)),
      },
    ];
  });
}
