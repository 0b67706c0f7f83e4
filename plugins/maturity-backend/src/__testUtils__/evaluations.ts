import type { CheckResult } from '@maturity/plugin-maturity-common';
import type { EntityEvaluation } from '../database/MaturityStore';

/** An evaluation as the store keeps it: a placement at `level`, owned by group:default/team. */
export function storedEvaluation(
  entityRef: string,
  level: 0 | 1 | 2,
  results: CheckResult[] = [],
): EntityEvaluation {
  return {
    results,
    placement: {
      entityRef,
      level,
      pendingLevel: null,
      computedLevel: level,
      provisional: false,
      assessed: true,
      stale: false,
      details: {
        nextLevel: { level: level + 1, progress: 0.5, blockers: ['x'] },
        dimensions: { people: 1 },
      },
      evaluatedAt: '2026-11-21T10:00:00.000Z',
      inputHash: 'h',
      ownerRef: 'group:default/team',
      lifecycle: 'production',
      systemRef: null,
      tier: null,
      title: null,
    },
  };
}
