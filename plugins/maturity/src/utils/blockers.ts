import type {
  EntityScorecard,
  ScorecardCheck,
} from '@maturity/plugin-maturity-common';

/**
 * The checks most worth fixing first: what blocks the next level (in the backend's
 * order, most blocking first), then the failing checks of the lowest levels, required
 * and heavier ones first. A developer reads the first few and knows where to start.
 */
export function topBlockers(
  scorecard: EntityScorecard,
  limit: number,
): { checks: ScorecardCheck[]; more: number } {
  const byId = new Map(scorecard.checks.map(c => [c.checkId, c]));
  const next = (scorecard.nextLevel?.blockers ?? [])
    .map(id => byId.get(id))
    .filter((c): c is ScorecardCheck => Boolean(c));
  const failing = scorecard.checks
    .filter(c => c.state === 'fail')
    .sort(
      (a, b) =>
        a.level - b.level ||
        Number(b.required) - Number(a.required) ||
        b.weight - a.weight ||
        a.title.localeCompare(b.title),
    );
  const ordered = [...new Set([...next, ...failing])];
  return {
    checks: ordered.slice(0, limit),
    more: Math.max(0, ordered.length - limit),
  };
}
