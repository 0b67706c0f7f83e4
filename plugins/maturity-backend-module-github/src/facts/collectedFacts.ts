import { GITHUB_FACTS } from '@maturity/plugin-maturity-common';
import type { CollectedFact } from '@maturity/plugin-maturity-node';
import type { CachedRepository } from '../service/RepositoryCache';
import type { RepositoryFactValues } from './repositoryFacts';

const FACT_NAMES = Object.values(GITHUB_FACTS);

/** Every GitHub fact of the entities linked to one repository, from its last read. */
export function entryFacts(
  entityRefs: readonly string[],
  entry: CachedRepository,
): CollectedFact[] {
  const values: RepositoryFactValues = JSON.parse(entry.valuesText);
  return entityRefs.flatMap(entityRef =>
    FACT_NAMES.map(name =>
      entry.problems[name] !== undefined
        ? { entityRef, name, value: null, problem: entry.problems[name] }
        : { entityRef, name, value: values[name] ?? null },
    ),
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
