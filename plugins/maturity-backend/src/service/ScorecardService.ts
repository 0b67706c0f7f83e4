import {
  DIMENSIONS,
  type Dimension,
  type EntityScorecard,
  type PlacementLevel,
  type ScorecardCheck,
} from '@maturity/plugin-maturity-common';
import type { MaturityStore } from '../database/MaturityStore';
import type { Rubric } from '../rubric/Rubric';

/** Reads stored evaluations and presents them as scorecards; never computes levels. */
export class ScorecardService {
  constructor(
    private readonly store: MaturityStore,
    private readonly rubric: Rubric,
  ) {}

  async getScorecard(entityRef: string): Promise<EntityScorecard> {
    const evaluation = await this.store.readEvaluation(entityRef);
    if (!evaluation) return notYetEvaluated(entityRef);

    const { placement, results } = evaluation;
    const checks: ScorecardCheck[] = [];
    for (const result of results) {
      const check = this.rubric.get(result.checkId);
      if (!check) continue; // removed from the rubric since the last evaluation
      checks.push({
        ...result,
        title: check.title,
        level: check.level,
        dimension: check.dimension,
        lens: check.lens,
        required: check.required,
        weight: check.weight,
        hint: check.hint,
        link: check.link,
        sources: check.sources,
      });
    }
    checks.sort(
      (a, b) => a.level - b.level || a.checkId.localeCompare(b.checkId),
    );

    return {
      entityRef,
      level: placement.level,
      provisional: placement.provisional,
      assessed: placement.assessed,
      evaluatedAt: placement.evaluatedAt,
      stale: placement.stale,
      ...(placement.details.cappedBy
        ? { cappedBy: placement.details.cappedBy }
        : {}),
      nextLevel: placement.details.nextLevel as EntityScorecard['nextLevel'],
      dimensions: placement.details.dimensions as Record<
        Dimension,
        PlacementLevel | null
      >,
      checks,
    };
  }
}

function notYetEvaluated(entityRef: string): EntityScorecard {
  return {
    entityRef,
    level: 0,
    provisional: false,
    assessed: false,
    evaluatedAt: null,
    stale: false,
    nextLevel: null,
    dimensions: Object.fromEntries(DIMENSIONS.map(d => [d, null])) as Record<
      Dimension,
      PlacementLevel | null
    >,
    checks: [],
  };
}
