import type { CheckResult } from '../types';
import type { CheckDefinition, RuleOutcome } from './CheckDefinition';
import {
  createFactReader,
  FactUnavailableError,
  type FactReader,
  type FactReaderOptions,
} from './facts';

/** @public */
export type EvaluateOptions = FactReaderOptions;

/**
 * Runs one check's synchronous rule over an entity's facts. A missing or stale fact
 * becomes `unknown` with the reason; a rule that throws anything else is a bug in the
 * rule and also yields `unknown`, so one broken check cannot take down an evaluation.
 * @public
 */
export function evaluateCheck(
  check: CheckDefinition,
  options: EvaluateOptions,
): CheckResult {
  const started = startRule(check, options);
  if ('error' in started) return toUnknown(check, started.error, started.facts);
  if (isThenable(started.outcome)) {
    const error = new Error(
      `check ${check.id} is asynchronous; use evaluateCheckAsync`,
    );
    return toUnknown(check, error, started.facts);
  }
  return toResult(check, started.outcome, started.facts);
}

/** {@link evaluateCheck} for rules that may be asynchronous (custom checks). @public */
export async function evaluateCheckAsync(
  check: CheckDefinition,
  options: EvaluateOptions,
): Promise<CheckResult> {
  return evaluateCheckSettled(check, options);
}

/**
 * {@link evaluateCheckAsync} that answers at once when the rule is synchronous (every
 * built-in check) and a promise only when it is not: evaluating a catalog is hundreds of
 * thousands of checks, and a promise per check is a good part of the cost.
 * @public
 */
export function evaluateCheckSettled(
  check: CheckDefinition,
  options: EvaluateOptions,
): CheckResult | Promise<CheckResult> {
  const started = startRule(check, options);
  if ('error' in started) return toUnknown(check, started.error, started.facts);
  const { outcome, facts } = started;
  if (!isThenable(outcome)) return toResult(check, outcome, facts);
  return Promise.resolve(outcome).then(
    settled => toResult(check, settled, facts),
    error => toUnknown(check, error, facts),
  );
}

/** Calls the rule with a fresh fact reader; what it returned, or what it threw. */
function startRule(
  check: CheckDefinition,
  options: EvaluateOptions,
): { facts: FactReader } & (
  | { outcome: RuleOutcome | PromiseLike<RuleOutcome> }
  | { error: unknown }
) {
  const facts = createFactReader(options);
  try {
    return {
      facts,
      outcome: check.rule({ facts, params: check.params, now: options.now }),
    };
  } catch (error) {
    return { facts, error };
  }
}

function isThenable<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  return typeof (value as PromiseLike<T> | undefined)?.then === 'function';
}

function toResult(
  check: CheckDefinition,
  outcome: RuleOutcome,
  facts: FactReader,
): CheckResult {
  return {
    checkId: check.id,
    state: outcome.state,
    reason: outcome.reason,
    evidence: facts.evidence(),
  };
}

function toUnknown(
  check: CheckDefinition,
  error: unknown,
  facts: FactReader,
): CheckResult {
  const reason =
    error instanceof FactUnavailableError
      ? capitalize(error.message)
      : `The check could not be evaluated: ${String(
          (error as Error)?.message ?? error,
        )}`;
  return {
    checkId: check.id,
    state: 'unknown',
    reason,
    evidence: facts.evidence(),
  };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
