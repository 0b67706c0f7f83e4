import { kubernetesChecks } from '@maturity/plugin-maturity-common';
import type { CollectedFact } from '@maturity/plugin-maturity-node';
import type { ServiceProfile } from '@maturity/sandbox';
import { evaluate, factsOf } from './sandboxHarness';

/**
 * Evaluates every Kubernetes check over the collected facts of each linked service and
 * lists where the outcome differs from the profile: an intent not met, or an unobservable
 * check that is not unknown with the expected reason.
 */
export function intentMismatches(
  services: readonly ServiceProfile[],
  facts: readonly CollectedFact[],
): { mismatches: string[]; compared: number } {
  const mismatches: string[] = [];
  let compared = 0;
  for (const service of services.filter(s => s.kubernetes)) {
    const entityFacts = factsOf(facts, service.entityRef);
    for (const check of kubernetesChecks) {
      const result = evaluate(check, entityFacts);
      const unobservable = service.unobservable?.[check.id];
      const intent = service.intents[check.id];
      if (unobservable) {
        if (result.state !== 'unknown' || result.reason !== unobservable) {
          mismatches.push(
            `${service.name} ${check.id}: expected unknown (${unobservable}), got ${result.state}: ${result.reason}`,
          );
        }
      } else if (intent) {
        compared += 1;
        if (result.state !== intent) {
          mismatches.push(
            `${service.name} ${check.id}: intended ${intent}, got ${result.state}: ${result.reason}`,
          );
        }
      }
    }
  }
  return { mismatches, compared };
}
