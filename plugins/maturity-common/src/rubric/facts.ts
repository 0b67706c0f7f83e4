import type { JsonValue } from '@backstage/types';
import type { Evidence, Fact } from '../types';
import { observedBefore } from './observedBefore';

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
  /**
   * The entity's evidence table, when the caller evaluates several checks over the same
   * facts: each fact's evidence is then worked out once, not once per check reading it.
   */
  evidence?: FactEvidence;
}

/**
 * What each fact of one entity says as evidence at one moment: its value, or why it
 * cannot be used (missing, failed to collect, stale). Worked out on first use and kept,
 * so the forty-odd checks of an evaluation share one evidence object per fact.
 * @public
 */
export class FactEvidence {
  private readonly known = new Map<string, Evidence>();
  private isStale?: (observedAt: string) => boolean;

  constructor(private readonly options: Omit<FactReaderOptions, 'evidence'>) {}

  of(name: string): Evidence {
    let evidence = this.known.get(name);
    if (!evidence) {
      evidence = this.describe(name);
      this.known.set(name, evidence);
    }
    return evidence;
  }

  private describe(name: string): Evidence {
    const { facts, now, staleAfterMs } = this.options;
    const fact = facts.get(name);
    if (!fact) {
      return {
        fact: name,
        value: null,
        source: null,
        observedAt: null,
        stale: false,
        problem: `fact ${name} has not been collected`,
      };
    }
    if (fact.problem) {
      return {
        fact: name,
        value: null,
        source: fact.source,
        observedAt: fact.observedAt,
        stale: false,
        problem: fact.problem,
      };
    }
    // Observed longer ago than staleAfterMs, or at a time that cannot be read.
    this.isStale ??= observedBefore(now.getTime() - staleAfterMs);
    const evidence: Evidence = {
      fact: name,
      value: fact.value,
      source: fact.source,
      observedAt: fact.observedAt,
      stale: this.isStale(fact.observedAt),
    };
    if (evidence.stale) {
      evidence.problem = `fact ${name} is stale: last observed ${fact.observedAt} by ${fact.source}`;
    }
    return evidence;
  }
}

/**
 * Builds the reader one check sees. It records each fact the rule touches so the
 * result explains itself, and refuses stale facts so old evidence never passes or fails.
 * @public
 */
export function createFactReader(options: FactReaderOptions): FactReader {
  const table = options.evidence ?? new FactEvidence(options);
  // A list, not a map: a rule reads one to three facts, and a cold evaluation makes a
  // reader for each of its hundreds of thousands of checks. The table hands out one
  // evidence object per fact, so identity tells a fact read twice.
  const read: Evidence[] = [];

  const lookup = (name: string): Evidence => {
    const evidence = table.of(name);
    if (!read.includes(evidence)) read.push(evidence);
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
    evidence: () => read.slice(),
  };
}
