import { GITHUB_FACTS } from '@maturity/plugin-maturity-common';
import type { CollectedFact } from '@maturity/plugin-maturity-node';
import type { RepositoryFactValues } from './repositoryFacts';

const FACT_NAMES = Object.values(GITHUB_FACTS);

/** Every GitHub fact of the entities linked to one repository, from a read of it. */
export function repositoryEntityFacts(
  entityRefs: readonly string[],
  values: RepositoryFactValues,
  problems: Record<string, string>,
): CollectedFact[] {
  return entityRefs.flatMap(entityRef =>
    FACT_NAMES.map(name =>
      problems[name] !== undefined
        ? { entityRef, name, value: null, problem: problems[name] }
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
