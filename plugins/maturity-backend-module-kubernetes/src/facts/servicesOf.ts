import type { BuiltInObjectTypes } from '../client/builtInObjects';
import { selecting } from '../matching/selectorIndex';
import { inNamespace } from './inNamespace';
import type { MatchedWorkload } from './matchedWorkload';

/** The Services whose selector picks the workload's pods (selector-less Services pick none). */
export function servicesOf(
  w: MatchedWorkload,
): BuiltInObjectTypes['Service'][] {
  return selecting(
    inNamespace(w.snapshot.services, w.namespace),
    service =>
      Object.keys(service.spec?.selector ?? {}).length > 0
        ? { matchLabels: service.spec?.selector }
        : undefined,
    w.podLabels,
  );
}
