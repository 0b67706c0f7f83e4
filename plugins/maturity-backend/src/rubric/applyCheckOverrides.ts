import type { CheckDefinition } from '@maturity/plugin-maturity-common';
import { configError } from '../config/configError';
import type { CheckOverride } from '../config/schema';

/**
 * Applies `maturity.checks.<id>` to the checks: disable, move to another level, make
 * required, re-weigh, change parameters. An id or parameter that does not exist is a
 * config error rather than a silently ignored line.
 */
export function applyCheckOverrides(
  checks: readonly CheckDefinition[],
  overrides: Record<string, CheckOverride>,
): CheckDefinition[] {
  const ids = new Set(checks.map(c => c.id));
  for (const id of Object.keys(overrides)) {
    if (!ids.has(id)) {
      throw configError(
        `maturity.checks.${id}`,
        `unknown check id '${id}'; the rubric has ${[...ids]
          .sort()
          .join(', ')}`,
      );
    }
  }
  return checks.flatMap(check => {
    const override = overrides[check.id];
    if (!override) return [check];
    if (override.enabled === false) return [];
    for (const param of Object.keys(override.params ?? {})) {
      if (!(param in check.params)) {
        const known = Object.keys(check.params);
        throw configError(
          `maturity.checks.${check.id}.params.${param}`,
          `unknown parameter; ${check.id} has ${
            known.length ? known.join(', ') : 'no parameters'
          }`,
        );
      }
    }
    return [
      {
        ...check,
        level: override.level ?? check.level,
        required: override.required ?? check.required,
        weight: override.weight ?? check.weight,
        params: {
          ...check.params,
          ...(override.params as CheckDefinition['params']),
        },
      } as CheckDefinition,
    ];
  });
}
