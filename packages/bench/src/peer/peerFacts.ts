import { parseEntityRef } from '@backstage/catalog-model';
import type { TechInsightFact } from '@backstage-community/plugin-tech-insights-node';
import type { ServiceProfile } from '@maturity/sandbox';
import type { PeerCheck, PeerSource } from './peerRubric';

/**
 * The fact rows one source's retriever stores: per service, one row whose fields are the
 * intended outcome (true = pass) of each rubric check that source carries.
 *
 * This is deliberately generous to Tech Insights: our engine stores raw evidence (CI runs,
 * workloads, annotations …) and runs each check's rule over it, whereas the peer gets the
 * answer already computed and only compares a boolean with `true`. Whatever the peer
 * measures is a lower bound of what equivalent work would cost it, so the ratios we print
 * are conservative.
 *
 * A check whose intent is absent (the service is not linked to that source, or the
 * evidence is unobservable by design) gets no field, so json-rules-engine skips it, just
 * as our scorecard reports no outcome from that source. A service with no field at all
 * for a source gets no row, as an unlinked service has no data there.
 */
export function factsForSource(
  source: PeerSource,
  checks: PeerCheck[],
  services: ServiceProfile[],
): TechInsightFact[] {
  const ofSource = checks.filter(check => check.source === source);
  const rows: TechInsightFact[] = [];
  for (const service of services) {
    const facts: Record<string, boolean> = {};
    let fields = 0;
    for (const check of ofSource) {
      const intent = service.intents[check.rubricId];
      if (intent === undefined) continue;
      facts[check.factName] = intent === 'pass';
      fields += 1;
    }
    if (fields === 0) continue;
    const { kind, namespace, name } = parseEntityRef(service.entityRef);
    rows.push({ entity: { kind, namespace, name }, facts });
  }
  return rows;
}

/** How many check results Tech Insights should answer for a service: one per intent. */
export function expectedResultCount(
  service: ServiceProfile,
  checks: PeerCheck[],
): number {
  return checks.filter(check => service.intents[check.rubricId] !== undefined)
    .length;
}
