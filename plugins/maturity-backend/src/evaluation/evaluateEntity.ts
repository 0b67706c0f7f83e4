import type { Entity } from '@backstage/catalog-model';
import {
  ACTIVE_WAIVERS_FACT,
  applyHysteresis,
  evaluateCheckSettled,
  FactEvidence,
  nextLevelProgress,
  scoreEntity,
  toScoredChecks,
  type CheckResult,
  type Fact,
  type Lens,
  type ScoringOptions,
} from '@maturity/plugin-maturity-common';
import type {
  EncodedEntityEvaluation,
  EntityEvaluation,
  StoredPlacement,
} from '../database/MaturityStore';
import type { Rubric } from '../rubric/Rubric';
import {
  encodeResultsForStore,
  rowToFact,
  type FactRow,
} from '../database/rows';
import { applyWaiver, type Waivers } from '../rubric/waivers';
import { entityMetadata, type EntityMetadata } from '../service/entityMetadata';
import { inputHash } from '../service/inputHash';

/** What an evaluation applies: the same on the main thread and in the worker. */
export interface EvaluationRules {
  rubric: Rubric;
  waivers: Waivers;
  scoring: ScoringOptions;
  staleAfterMs: number;
}

/** What one entity's last evaluation left that the next one needs. */
export type PreviousPlacement = Pick<
  StoredPlacement,
  'level' | 'pendingLevel' | 'inputHash'
>;

export interface EntityToEvaluate {
  entity: Entity;
  entityRef: string;
  /** As stored: a value is parsed only when a rule reads it. */
  facts: readonly FactRow[];
  previous?: PreviousPlacement;
  /** The fingerprint of these inputs, when the caller has already computed it. */
  inputHash?: string;
}

/** An evaluation with the facts it read, which encoding its results copies from. */
export interface EvaluatedEntity extends EntityEvaluation {
  facts: ReadonlyMap<string, Fact>;
}

/** One entity's fingerprint under these rules on this day (see inputHash). */
export function fingerprintOf(
  rules: Pick<EvaluationRules, 'rubric' | 'staleAfterMs'>,
  metadata: EntityMetadata,
  facts: readonly FactRow[],
  now: Date,
): string {
  return inputHash({
    rubricVersion: rules.rubric.version,
    now,
    staleAfterMs: rules.staleAfterMs,
    metadata,
    facts,
  });
}

/**
 * Evaluates one entity, or answers undefined when its inputs (facts, their staleness,
 * the rubric, the day) are what its last evaluation read, so that evaluation stands.
 * Pure apart from the rules themselves: reads nothing and writes nothing, which is what
 * lets it run in the evaluation worker.
 */
export async function evaluateEntity(
  rules: EvaluationRules,
  input: EntityToEvaluate,
  options: { now: Date; force?: boolean },
): Promise<EvaluatedEntity | undefined> {
  const { rubric, waivers, scoring, staleAfterMs } = rules;
  const { entity, entityRef, previous } = input;
  const { now } = options;
  const metadata = entityMetadata(entity);
  const hash =
    input.inputHash ?? fingerprintOf(rules, metadata, input.facts, now);
  if (!options.force && previous?.inputHash === hash) return undefined;

  const active = waivers.active(entityRef, entity.metadata.annotations, now);
  const withWaivers = new Map<string, Fact>();
  for (const row of input.facts) withWaivers.set(row.name, rowToFact(row));
  withWaivers.set(ACTIVE_WAIVERS_FACT, {
    entityRef,
    name: ACTIVE_WAIVERS_FACT,
    value: active.length,
    source: 'config',
    observedAt: now.toISOString(),
  });
  const evidence = new FactEvidence({ facts: withWaivers, now, staleAfterMs });
  const results: CheckResult[] = [];
  for (const check of rubric.checks) {
    const settled = evaluateCheckSettled(check, {
      facts: withWaivers,
      now,
      staleAfterMs,
      evidence,
    });
    const result = settled instanceof Promise ? await settled : settled;
    results.push(
      applyWaiver(
        result,
        active.find(w => w.checkId === check.id),
      ),
    );
  }

  const score = scoreEntity(
    [...rubric.checks],
    results,
    scoring,
    metadata.lifecycle,
  );
  const shown = applyHysteresis(
    previous && { level: previous.level, pendingLevel: previous.pendingLevel },
    score.placement.level,
  );
  // While a drop waits for confirmation the shown level is kept, so progress and
  // blockers are about the level above the one shown, not above the computed one.
  const nextLevel =
    shown.level === score.placement.level
      ? score.nextLevel
      : nextLevelProgress(
          { ...score.placement, level: shown.level },
          toScoredChecks([...rubric.checks], results),
          scoring,
        );
  return {
    results,
    facts: withWaivers,
    placement: {
      entityRef,
      level: shown.level,
      pendingLevel: shown.pendingLevel,
      computedLevel: score.placement.level,
      provisional: score.placement.provisional,
      assessed: score.placement.assessed,
      stale: results.some(r => r.evidence.some(e => e.stale)),
      details: {
        nextLevel,
        dimensions: score.dimensions,
        cappedBy: score.placement.cappedBy,
        lenses: lensCounts(results, rubric),
      },
      evaluatedAt: now.toISOString(),
      inputHash: hash,
      ...metadata,
    },
  };
}

/**
 * An evaluation in the form it is written in, made where it was computed (in the worker,
 * or on the main thread when that evaluates), so what crosses threads and waits to be
 * written is two strings, not the results' objects.
 */
export function encodeEvaluation(
  evaluation: EvaluatedEntity,
): EncodedEntityEvaluation {
  return {
    placement: evaluation.placement,
    encoded: encodeResultsForStore(evaluation.results, evaluation.facts),
  };
}

function lensCounts(results: CheckResult[], rubric: Rubric) {
  const counts: Partial<Record<Lens, { pass: number; fail: number }>> = {};
  for (const result of results) {
    const lens = rubric.get(result.checkId)?.lens;
    if (!lens || (result.state !== 'pass' && result.state !== 'fail')) continue;
    const entry = (counts[lens] ??= { pass: 0, fail: 0 });
    entry[result.state] += 1;
  }
  return counts;
}
