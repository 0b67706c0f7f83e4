import type { LoggerService } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import type { JsonObject } from '@backstage/types';
import {
  collectAllFacts,
  type CollectedFactRecord,
  type FactCollectionOutcome,
} from '@maturity/plugin-maturity-node';
import type { ServiceProfile } from '@maturity/sandbox';
import {
  buildGithubWorld,
  startGithubSandbox,
  type GeneratedGithubWorld,
  type GithubSandbox,
} from '@maturity/sandbox';
import { GithubFactSource } from '../service/GithubFactSource';

/** The 14 checks whose GitHub half the sandbox world is built to satisfy. */
export const GITHUB_CHECK_IDS = [
  'ci-builds',
  'ci-green',
  'ci-quality-gates',
  'policy-as-code-ci',
  'iac-in-repo',
  'delivery-all-envs',
  'prod-approval-gate',
  'release-cadence',
  'auto-remediation',
  'continuous-deployment',
  'continuous-scanning',
  'vuln-sla',
  'supply-chain-verified',
  'docs-with-code',
];

/**
 * Service profiles without the scenario generator: service i gets intents drawn from the
 * bits of i, so a few dozen services cover pass and fail of every check.
 */
export function makeProfiles(
  count: number,
  owners = ['acme'],
): ServiceProfile[] {
  return Array.from({ length: count }, (_, i) => {
    const name = `svc-${String(i).padStart(4, '0')}`;
    const intents: Record<string, 'pass' | 'fail'> = {};
    GITHUB_CHECK_IDS.forEach((id, bit) => {
      // Mix the bits so neighbouring checks do not always agree.
      intents[id] = ((i * 2654435761) >>> (bit + 3)) & 1 ? 'pass' : 'fail';
    });
    return {
      entityRef: `component:default/${name}`,
      name,
      githubSlug: `${owners[i % owners.length]}/${name}`,
      targetLevel: 3,
      intents,
    };
  });
}

export function entitiesFor(profiles: readonly ServiceProfile[]): Entity[] {
  return profiles.map(
    (p): Entity => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: p.name,
        namespace: 'default',
        annotations: p.githubSlug
          ? { 'github.com/project-slug': p.githubSlug }
          : ({} as Record<string, string>),
      },
      spec: {
        type: 'service',
        lifecycle: 'production',
        owner: 'group:default/team',
      },
    }),
  );
}

export interface Harness {
  world: GeneratedGithubWorld;
  sandbox: GithubSandbox;
  source: GithubFactSource;
  now: Date;
}

export async function startHarness(
  profiles: readonly ServiceProfile[],
  options: { seed?: number; github?: JsonObject; now?: Date } = {},
): Promise<Harness> {
  const now = options.now ?? new Date();
  const world = buildGithubWorld(profiles, options.seed ?? 42, { now });
  const sandbox = await startGithubSandbox({ world });
  const source = createSource(sandbox, options.github);
  return { world, sandbox, source, now };
}

export function createSource(
  sandbox: GithubSandbox,
  github: JsonObject = {},
  token = sandbox.token,
) {
  return GithubFactSource.fromConfig(
    new ConfigReader({
      integrations: {
        github: [{ host: 'github.com', apiBaseUrl: sandbox.apiBaseUrl, token }],
      },
      maturity: { github: { requestTimeout: { seconds: 5 }, ...github } },
    }),
  );
}

/** What the backend would have stored of each source's facts, across its runs. */
const stored = new WeakMap<GithubFactSource, CollectedFactRecord>();

/**
 * One run of `source` as the backend makes it: facts handed over in earlier runs of the
 * same source are kept for it to re-observe. Answers the facts the run left observed,
 * sorted by entity and name (batches arrive in any order).
 */
export async function collect(
  source: GithubFactSource,
  entities: readonly Entity[],
  options: {
    now?: Date;
    signal?: AbortSignal;
    logger?: LoggerService;
    /** Stands in for the facts table; kept per source unless given. */
    record?: CollectedFactRecord;
  } = {},
): Promise<FactCollectionOutcome & { handovers: number; reobserved: number }> {
  let record = options.record ?? stored.get(source);
  if (!record) stored.set(source, (record = new Map()));
  const outcome = await collectAllFacts(
    source,
    {
      entities,
      logger: options.logger ?? mockServices.logger.mock(),
      signal: options.signal ?? new AbortController().signal,
      now: options.now ?? new Date(),
    },
    record,
  );
  outcome.facts.sort(
    (a, b) => compare(a.entityRef, b.entityRef) || compare(a.name, b.name),
  );
  return outcome;
}

function compare(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** Fact values of one entity by name (problems as `{ problem }`). */
export function factsOf(outcome: FactCollectionOutcome, entityRef: string) {
  return Object.fromEntries(
    outcome.facts
      .filter(f => f.entityRef === entityRef)
      .map(f => [f.name, f.problem ? { problem: f.problem } : f.value]),
  );
}
