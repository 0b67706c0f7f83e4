import {
  DEFAULT_SCORING,
  defaultChecks,
  type CheckDefinition,
} from '@maturity/plugin-maturity-common';

/** Which evidence sources a service is linked to (the catalog always is). */
export interface Linkage {
  github: boolean;
  kubernetes: boolean;
}

/** Dimensions that are shown but do not decide a level by default. */
export const NON_GATING_DIMENSIONS: readonly string[] =
  DEFAULT_SCORING.nonGatingDimensions;

/**
 * The default checks whose outcome the service's evidence can decide: every source the
 * check reads must be linked. A cross-source check with one side missing is left out, as
 * its outcome then depends on which side is unreadable rather than on the evidence.
 */
export function checksInScope(linkage: Linkage): CheckDefinition[] {
  return defaultChecks.filter(check =>
    check.sources.every(
      source =>
        source === 'catalog' ||
        (source === 'github' && linkage.github) ||
        (source === 'kubernetes' && linkage.kubernetes),
    ),
  );
}
