import { defaultChecks } from '@maturity/plugin-maturity-common';
import { buildRubric } from '../rubric/buildRubric';
import type { EvaluationRules } from './evaluateEntity';
import type { RubricRecipe } from './workerProtocol';

/** The rules a recipe describes, built as the backend builds them at start-up. */
export function rulesFromRecipe(recipe: RubricRecipe): EvaluationRules {
  const kept = new Set(recipe.builtInCheckIds);
  const { rubric, waivers } = buildRubric({
    checks: defaultChecks.filter(c => kept.has(c.id)),
    sources: [{ id: 'installed sources', factNames: recipe.sourceFactNames }],
    config: recipe.config,
  });
  return {
    rubric,
    waivers,
    scoring: recipe.config.scoring,
    staleAfterMs: recipe.config.staleAfterMs,
  };
}
