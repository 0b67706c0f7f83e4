import { defaultChecks } from '@maturity/plugin-maturity-common';
import type { MaturityFactSource } from '@maturity/plugin-maturity-node';
import type { MaturityConfig } from '../config/readMaturityConfig';
import type { RubricRecipe } from './workerProtocol';

/** The recipe of the rubric built from the built-in checks, the config and the sources. */
export function rubricRecipe(
  settings: MaturityConfig,
  sources: ReadonlyArray<Pick<MaturityFactSource, 'id' | 'factNames'>>,
): RubricRecipe {
  const { checks, customChecks, waivers, scoring, staleAfterMs } = settings;
  return {
    builtInCheckIds: defaultChecks.map(c => c.id),
    config: { checks, customChecks, waivers, scoring, staleAfterMs },
    sourceFactNames: sources.flatMap(s => s.factNames ?? []),
  };
}
