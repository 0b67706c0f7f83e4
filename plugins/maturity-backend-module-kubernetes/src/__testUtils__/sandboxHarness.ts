import type { Entity } from '@backstage/catalog-model';
import {
  buildKubernetesWorld,
  generateScenario,
  startKubernetesSandbox,
  type KubernetesSandbox,
  type KubernetesWorld,
  type Scenario,
} from '@maturity/sandbox';
import {
  evaluateCheck,
  type CheckDefinition,
  type CheckResult,
  type Fact,
} from '@maturity/plugin-maturity-common';
import type {
  CollectedFact,
  FactCollectionOutcome,
} from '@maturity/plugin-maturity-node';
import {
  DEFAULT_REQUEST_SETTINGS,
  type RequestSettings,
} from '../config/readKubernetesSourceConfig';
import { KubernetesFactSource } from '../KubernetesFactSource';
import { collectAll } from './collectAll';

/** The time every sandbox world and every collection in the tests is built for. */
export const NOW = new Date('2026-11-21T12:00:00Z');

/** Fast settings so fault tests do not wait for production timeouts. */
export const TEST_REQUEST_SETTINGS: RequestSettings = {
  ...DEFAULT_REQUEST_SETTINGS,
  requestTimeoutMs: 2_000,
  maxRetries: 1,
  maxRetryAfterMs: 5_000,
};

/** A scenario served by a running Kubernetes sandbox, and a source pointed at it. */
export interface Harness {
  scenario: Scenario;
  world: KubernetesWorld;
  sandbox: KubernetesSandbox;
  components: Entity[];
  source(
    settings?: Partial<RequestSettings>,
    tokens?: Record<string, string>,
  ): KubernetesFactSource;
  collect(
    source?: KubernetesFactSource,
    signal?: AbortSignal,
  ): Promise<FactCollectionOutcome & { handovers: number }>;
  close(): Promise<void>;
}

export async function startHarness(options: {
  seed: number;
  size: number;
}): Promise<Harness> {
  const scenario = generateScenario(options);
  const world = buildKubernetesWorld(scenario.services, {
    now: NOW,
    seed: options.seed,
  });
  const sandbox = await startKubernetesSandbox({ world });
  const components = scenario.entities.filter(e => e.kind === 'Component');
  const source: Harness['source'] = (settings = {}, tokens = {}) =>
    new KubernetesFactSource({
      clusters: sandbox.clusters.map(c => ({
        name: c.name,
        url: c.url,
        token: tokens[c.name] ?? c.token,
        // The sandbox speaks plain HTTP on loopback; client-node only allows that with skipTLSVerify.
        skipTLSVerify: true,
      })),
      requests: { ...TEST_REQUEST_SETTINGS, ...settings },
    });
  return {
    scenario,
    world,
    sandbox,
    components,
    source,
    collect: (s = source(), signal = new AbortController().signal) =>
      collectAll(s, { entities: components, now: NOW, signal }),
    close: () => sandbox.close(),
  };
}

/** Collected facts of one entity, keyed by name, as the backend would store them. */
export function factsOf(
  facts: readonly CollectedFact[],
  entityRef: string,
): Map<string, Fact> {
  return new Map(
    facts
      .filter(f => f.entityRef === entityRef)
      .map(f => [
        f.name,
        {
          entityRef: f.entityRef,
          name: f.name,
          value: f.value,
          ...(f.problem ? { problem: f.problem } : {}),
          source: 'kubernetes',
          observedAt: NOW.toISOString(),
        },
      ]),
  );
}

/** A check's result over one entity's collected facts, evaluated at {@link NOW}. */
export function evaluate(
  check: CheckDefinition,
  facts: ReadonlyMap<string, Fact>,
): CheckResult {
  return evaluateCheck(check, { facts, now: NOW, staleAfterMs: 86_400_000 });
}
