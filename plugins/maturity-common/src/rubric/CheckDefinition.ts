import type { JsonObject } from '@backstage/types';
import type { CheckState, Dimension, Lens, Level } from '../types';
import type { FactReader } from './facts';

/** What a rule decides; `waived` is never a rule's decision, only config's. @public */
export interface RuleOutcome {
  state: Exclude<CheckState, 'waived'>;
  reason: string;
}

/** @public */
export interface RuleContext {
  facts: FactReader;
  /** The check's parameters after config overrides. */
  params: JsonObject;
  /** The evaluation's clock, so rules about age stay pure and testable. */
  now: Date;
}

/**
 * A check's rule. Built-in rules are synchronous; rules evaluated by a library (custom
 * checks from config) may return a promise.
 * @public
 */
export type CheckRule = (
  context: RuleContext,
) => RuleOutcome | Promise<RuleOutcome>;

/**
 * A check as data plus its rule. Everything but `rule` can be overridden from config
 * (level, required, weight, params, enabled) without touching code.
 * @public
 */
export interface CheckDefinition {
  id: string;
  title: string;
  level: Level;
  dimension: Dimension;
  lens: Lens;
  /** A failing required check blocks its level whatever the other checks say. */
  required: boolean;
  weight: number;
  /** Which sources provide the facts this check reads (catalog, github, kubernetes …). */
  sources: string[];
  /** The fact names the rule reads, for the catalogue and for incremental evaluation. */
  facts: string[];
  /** How to pass, in one or two sentences. */
  hint: string;
  /** Where to read more or start a fix (docs or a software template). */
  link?: string;
  params: JsonObject;
  rule: CheckRule;
}

/** A check as the API returns it: the definition without its rule. @public */
export type CheckSummary = Omit<CheckDefinition, 'rule'>;

/** @public */
export function summarizeCheck(check: CheckDefinition): CheckSummary {
  const { rule: _rule, ...summary } = check;
  return summary;
}

/** @public */
export const pass = (reason: string): RuleOutcome => ({
  state: 'pass',
  reason,
});
/** @public */
export const fail = (reason: string): RuleOutcome => ({
  state: 'fail',
  reason,
});
/** @public */
export const notApplicable = (reason: string): RuleOutcome => ({
  state: 'not-applicable',
  reason,
});
/** @public */
export const unknown = (reason: string): RuleOutcome => ({
  state: 'unknown',
  reason,
});
