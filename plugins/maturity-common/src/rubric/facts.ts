import type { JsonValue } from '@backstage/types';
import type { Evidence, Fact } from '../types';

/**
 * Thrown by a {@link FactReader} when a rule asks for a fact that cannot be used. The
 * evaluator turns it into an `unknown` result carrying the message as its reason.
 * @public
 */
export class FactUnavailableError extends Error {
  constructor(message: string) {
    // A missing or stale fact is an expected outcome, not a bug: no stack trace, which
    // would cost more than the check itself (tens of thousands are thrown per cycle).
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      super(message);
    } finally {
      Error.stackTraceLimit = limit;
    }
    this.name = 'FactUnavailableError';
  }
}

/** What a check rule reads facts through. @public */
export interface FactReader {
  /** The fact's value; throws {@link FactUnavailableError} if missing or stale. */
  get<T = JsonValue>(name: string): T;
  /** The fact's value, or `undefined` when missing or stale (for optional evidence). */
  find<T = JsonValue>(name: string): T | undefined;
  /** Every fact read so far, for the result's evidence. */
  evidence(): Evidence[];
}

/** @public */
export interface FactReaderOptions {
  facts: ReadonlyMap<string, Fact>;
  now: Date;
  /** Facts observed longer ago than this are stale and cannot decide a check. */
  staleAfterMs: number;
}

/**
 * Builds the reader one check sees. It records each fact the rule touches so the
 * result explains itself, and refuses stale facts so old evidence never passes or fails.
 * @public
 */
export function createFactReader(options: FactReaderOptions): FactReader {
  const { facts, now, staleAfterMs } = options;
  const read = new Map<string, Evidence>();

  const lookup = (name: string): Evidence => {
    const fact = facts.get(name);
    let evidence: Evidence;
    if (!fact) {
      evidence = {
        fact: name,
        value: null,
        source: null,
        observedAt: null,
        stale: false,
        problem: `fact ${name} has not been collected`,
      };
    } else if (fact.problem) {
      evidence = {
        fact: name,
        value: null,
        source: fact.source,
        observedAt: fact.observedAt,
        stale: false,
        problem: fact.problem,
      };
    } else {
      const ageMs = now.getTime() - Date.parse(fact.observedAt);
      const stale = !(ageMs <= staleAfterMs);
      evidence = {
        fact: name,
        value: fact.value,
        source: fact.source,
        observedAt: fact.observedAt,
        stale,
        problem: stale
          ? `fact ${name} is stale: last observed ${fact.observedAt} by ${fact.source}`
          : undefined,
      };
    }
    read.set(name, evidence);
    return evidence;
  };

  return {
    get<T = JsonValue>(name: string): T {
      const evidence = lookup(name);
      if (evidence.problem) throw new FactUnavailableError(evidence.problem);
      return evidence.value as T;
    },
    find<T = JsonValue>(name: string): T | undefined {
      const evidence = lookup(name);
      return evidence.problem ? undefined : (evidence.value as T);
    },
    evidence: () =>
      [...read.values()].map(e =>
        e.problem === undefined ? omitProblem(e) : e,
      ),
  };
}

function omitProblem(evidence: Evidence): Evidence {
  const { problem: _problem, ...rest } = evidence;
  return rest;
}
