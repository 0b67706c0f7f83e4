import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import type { ServiceProfile } from '@maturity/sandbox';
import type { JsonAnswer } from './httpJson';
import type { PeerCheck } from './peerRubric';

/**
 * What Tech Insights must answer for each service: per TI check id (the fact name), the
 * expected boolean. Timings of wrong answers are worthless, so every answer the bench
 * times outside the load generator is checked against this, and a sample is checked
 * before the load runs.
 */
export type Expectations = Map<string, Map<string, boolean>>;

/** `Component:default/x` and `component:default/x` are the same entity to TI. */
export function normaliseRef(ref: string): string {
  return stringifyEntityRef(parseEntityRef(ref));
}

export function buildExpectations(
  services: ServiceProfile[],
  checks: PeerCheck[],
): Expectations {
  const expectations: Expectations = new Map();
  for (const service of services) {
    const byCheck = new Map<string, boolean>();
    for (const check of checks) {
      const intent = service.intents[check.rubricId];
      if (intent !== undefined) byCheck.set(check.factName, intent === 'pass');
    }
    if (byCheck.size > 0) {
      expectations.set(normaliseRef(service.entityRef), byCheck);
    }
  }
  return expectations;
}

interface CheckResultLike {
  result?: unknown;
  check?: { id?: unknown };
}

function describe(answer: JsonAnswer): string {
  const text = JSON.stringify(answer.body) ?? String(answer.body);
  return `HTTP ${answer.status}: ${text.slice(0, 300)}`;
}

/** Throws unless `results` is exactly the expected outcome of every check of `entityRef`. */
export function verifyCheckResults(
  entityRef: string,
  results: unknown,
  expectations: Expectations,
): void {
  const expected = expectations.get(normaliseRef(entityRef));
  if (!expected) {
    throw new Error(
      `Tech Insights answered for unexpected entity ${entityRef}`,
    );
  }
  if (!Array.isArray(results)) {
    throw new Error(`Tech Insights answered no result list for ${entityRef}`);
  }
  if (results.length !== expected.size) {
    throw new Error(
      `Tech Insights answered ${results.length} check results for ${entityRef}, expected ${expected.size}`,
    );
  }
  for (const item of results as CheckResultLike[]) {
    const id = String(item.check?.id);
    if (!expected.has(id)) {
      throw new Error(
        `Tech Insights ran unexpected check ${id} for ${entityRef}`,
      );
    }
    if (item.result !== expected.get(id)) {
      throw new Error(
        `Tech Insights says ${id} is ${String(
          item.result,
        )} for ${entityRef}, the scenario intends ${expected.get(id)}`,
      );
    }
  }
}

/** One entity's POST /checks/run/:namespace/:kind/:name answer. */
export function verifySingleEntityAnswer(
  entityRef: string,
  answer: JsonAnswer,
  expectations: Expectations,
): void {
  if (answer.status < 200 || answer.status >= 300) {
    throw new Error(
      `Tech Insights single-entity run for ${entityRef} failed, ${describe(
        answer,
      )}`,
    );
  }
  verifyCheckResults(entityRef, answer.body, expectations);
}

/** The bulk POST /checks/run answer: every service with facts, each fully checked. */
export function verifyOrgAnswer(
  answer: JsonAnswer,
  expectations: Expectations,
): number {
  if (answer.status < 200 || answer.status >= 300) {
    throw new Error(`Tech Insights whole-org run failed, ${describe(answer)}`);
  }
  if (!Array.isArray(answer.body)) {
    throw new Error(
      `Tech Insights whole-org run answered no list, ${describe(answer)}`,
    );
  }
  const entries = answer.body as Array<{
    entity?: unknown;
    error?: unknown;
    results?: unknown;
  }>;
  if (entries.length !== expectations.size) {
    throw new Error(
      `Tech Insights whole-org run answered ${entries.length} entities, expected ${expectations.size}`,
    );
  }
  let results = 0;
  for (const entry of entries) {
    const ref = String(entry.entity);
    if (entry.error) {
      throw new Error(
        `Tech Insights whole-org run failed for ${ref}: ${JSON.stringify(
          entry.error,
        ).slice(0, 300)}`,
      );
    }
    verifyCheckResults(ref, entry.results, expectations);
    results += (entry.results as unknown[]).length;
  }
  return results;
}
