import {
  CATALOG_FACTS,
  GITHUB_FACTS,
  KUBERNETES_FACTS,
  type CheckDefinition,
} from '@maturity/plugin-maturity-common';
import type { MaturityFactSource } from '@maturity/plugin-maturity-node';
import { configError } from '../config/configError';
import type { MaturityConfig } from '../config/readMaturityConfig';
import { applyCheckOverrides } from './applyCheckOverrides';
import { compileCustomCheck } from './compileCustomCheck';
import { Rubric } from './Rubric';
import { Waivers } from './waivers';

/** The facts every install can read: the contracts of the built-in and bundled sources. */
const CONTRACT_FACTS = [
  ...Object.values(CATALOG_FACTS),
  ...Object.values(GITHUB_FACTS),
  ...Object.values(KUBERNETES_FACTS),
];

/**
 * The effective rubric: built-in and module checks with `maturity.checks` applied, plus
 * the custom checks, plus the waivers checked against the result. Runs once at start-up;
 * anything wrong throws with the config key path.
 */
export function buildRubric(options: {
  checks: readonly CheckDefinition[];
  /** Only the fact names they declare are read. */
  sources: ReadonlyArray<Pick<MaturityFactSource, 'id' | 'factNames'>>;
  config: Pick<MaturityConfig, 'checks' | 'customChecks' | 'waivers'>;
}): { rubric: Rubric; waivers: Waivers } {
  const { checks, sources, config } = options;
  const knownFacts = new Set([
    ...CONTRACT_FACTS,
    ...sources.flatMap(s => s.factNames ?? []),
  ]);
  const builtIn = new Set(checks.map(c => c.id));
  const custom = config.customChecks.map((c, i) => {
    if (builtIn.has(c.id)) {
      throw configError(
        `maturity.customChecks[${i}].id`,
        `'${c.id}' is already a check of the rubric`,
      );
    }
    return compileCustomCheck(c, i, knownFacts);
  });
  const rubric = new Rubric(
    [...applyCheckOverrides(checks, config.checks), ...custom],
    JSON.stringify([config.customChecks, config.waivers]),
  );
  const waivers = new Waivers(
    config.waivers,
    new Set(rubric.checks.map(c => c.id)),
  );
  return { rubric, waivers };
}
