import { createHash } from 'node:crypto';
import type { Scenario } from '@maturity/sandbox';

/**
 * A digest of what the peer is fed from a scenario (every service's ref and intents, and
 * the entity count). The peer's process regenerates the scenario from its seed and size
 * rather than receiving tens of megabytes over IPC; comparing digests proves it got the
 * same one the caller holds (and catches a caller that altered its copy).
 */
export function scenarioFingerprint(scenario: Scenario): string {
  const hash = createHash('sha256');
  hash.update(
    `${scenario.seed}/${scenario.size}/${scenario.entities.length}\n`,
  );
  for (const service of scenario.services) {
    const intents = Object.keys(service.intents)
      .sort()
      .map(id => `${id}=${service.intents[id]}`)
      .join(',');
    hash.update(`${service.entityRef}:${intents}\n`);
  }
  return hash.digest('hex');
}
