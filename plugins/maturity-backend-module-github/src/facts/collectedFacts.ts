import { GITHUB_FACTS } from '@maturity/plugin-maturity-common';
import type { CollectedFact } from '@maturity/plugin-maturity-node';
import type { CachedRepository } from '../service/RepositoryCache';

const FACT_NAMES = Object.values(GITHUB_FACTS);

/** Every GitHub fact of one entity from its repository's last read. */
export function entryFacts(
  entityRef: string,
  entry: CachedRepository,
): CollectedFact[] {
  return FACT_NAMES.map(name =>
    entry.problems[name] !== undefined
      ? { entityRef, name, value: null, problem: entry.problems[name] }
      : { entityRef, name, value: entry.values[name] ?? null },
  );
}

/** Every GitHub fact of one entity, each carrying the same problem. */
export function problemFacts(
  entityRef: string,
  problem: string,
): CollectedFact[] {
  return FACT_NAMES.map(name => ({ entityRef, name, value: null, problem }));
}

/** The same problem for every GitHub fact, by name. */
export function problemForEveryFact(problem: string): Record<string, string> {
  return Object.fromEntries(FACT_NAMES.map(name => [name, problem]));
}
