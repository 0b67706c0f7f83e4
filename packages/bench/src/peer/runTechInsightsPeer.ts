import { readFileSync } from 'node:fs';
import { parseEntityRef } from '@backstage/catalog-model';
import { mockCredentials } from '@backstage/backend-test-utils';
import type { Scenario } from '@maturity/sandbox';
import type { LoadFigures } from '../load/loadTest';
import { loadTestApart } from '../load/loadTestApart';
import { postJson } from './httpJson';
import { peerChecks } from './peerRubric';
import { PeerProcess } from './peerProcess';
import {
  buildExpectations,
  verifyOrgAnswer,
  verifySingleEntityAnswer,
  type Expectations,
} from './verifyAnswers';

export interface TechInsightsPeerOptions {
  scenario: Scenario;
  /** One single-entity load run per value. */
  connections: number[];
  durationSeconds: number;
  /** Whole-org runs to take the median of; default 3. */
  orgRuns?: number;
}

export interface TechInsightsPeerResult {
  name: 'tech-insights';
  /** The installed @backstage-community/plugin-tech-insights-backend version. */
  version: string;
  checks: number;
  entities: number;
  factRows: number;
  /** Wall time of one run of every peer retriever (handler + TI's insertFacts), together. */
  factsWriteMs: number;
  /** POST /api/tech-insights/checks/run/:namespace/:kind/:name, all checks, rotating over entities. */
  singleEntity: LoadFigures[];
  /** Median wall time of POST /api/tech-insights/checks/run for the whole org. */
  orgRunMs: number;
  /** Nearest-rank p99 of the org runs (the slowest run when there are fewer than 100). */
  orgRunP99Ms?: number;
}

const API = '/api/tech-insights';

/** Whatever the test backend's mock httpAuth accepts as a signed-in user. */
const AUTH_HEADERS = { authorization: mockCredentials.user.header() };

/** How many entities to check in full before the load runs. */
const SAMPLE_SIZE = 25;

export function techInsightsVersion(): string {
  const path = require.resolve(
    '@backstage-community/plugin-tech-insights-backend/package.json',
  );
  return JSON.parse(readFileSync(path, 'utf8')).version;
}

function entityRunPath(entityRef: string): string {
  const { namespace, kind, name } = parseEntityRef(entityRef);
  return `${API}/checks/run/${encodeURIComponent(
    namespace,
  )}/${encodeURIComponent(kind)}/${encodeURIComponent(name)}`;
}

function nearestRank(sorted: number[], p: number): number {
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** Checks a spread of entities in full, so the load run below times correct answers. */
async function verifySample(
  backend: PeerProcess,
  refs: string[],
  expectations: Expectations,
): Promise<void> {
  const step = Math.max(1, Math.floor(refs.length / SAMPLE_SIZE));
  for (let i = 0; i < refs.length; i += step) {
    const answer = await postJson(
      `${backend.baseUrl}${entityRunPath(refs[i])}`,
      {},
      AUTH_HEADERS,
    );
    verifySingleEntityAnswer(refs[i], answer, expectations);
  }
}

async function measureSingleEntity(
  backend: PeerProcess,
  refs: string[],
  options: TechInsightsPeerOptions,
): Promise<LoadFigures[]> {
  const paths = refs.map(entityRunPath);
  const figures: LoadFigures[] = [];
  for (const connections of options.connections) {
    const run = await loadTestApart({
      url: backend.baseUrl,
      paths,
      method: 'POST',
      headers: { ...AUTH_HEADERS, 'content-type': 'application/json' },
      // No `checks` list: TI runs all registered checks.
      body: '{}',
      connections,
      durationSeconds: options.durationSeconds,
    });
    if (run.requests === 0 || run.failures > 0) {
      throw new Error(
        `Tech Insights single-entity load at ${connections} connections: ${run.requests} requests, ${run.failures} failures`,
      );
    }
    figures.push(run);
  }
  return figures;
}

/**
 * The whole-org run through TI's bulk endpoint. `entities: []` is its own "every entity
 * that has facts" mode (it reads the list from its facts table); we use it rather than
 * listing the refs because its router parses bodies with express.json's default 100 kB
 * limit, which 10k refs exceed (413). The answer is checked entity by entity.
 */
async function measureOrgRuns(
  backend: PeerProcess,
  expectations: Expectations,
  runs: number,
): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const answer = await postJson(
      `${backend.baseUrl}${API}/checks/run`,
      { entities: [] },
      AUTH_HEADERS,
    );
    verifyOrgAnswer(answer, expectations);
    times.push(answer.ms);
  }
  return times;
}

/**
 * Tech Insights, side by side: the published backend plugin and its json-rules-engine
 * checker on the same scenario, with one fact per rubric check and one check per rubric
 * check (see peerFacts.ts for why this favours the peer). Stores the facts, then times one
 * entity's checks under load and the whole-org run, verifying the answers.
 */
export async function runTechInsightsPeer(
  options: TechInsightsPeerOptions,
): Promise<TechInsightsPeerResult> {
  const { scenario } = options;
  const runs = options.orgRuns ?? 3;
  if (runs < 1) throw new Error('orgRuns must be at least 1');
  const checks = peerChecks();
  const expectations = buildExpectations(scenario.services, checks);
  const refs = [...expectations.keys()];
  if (refs.length === 0)
    throw new Error('The scenario has no service with facts');
  const expectedRows = new Set(
    scenario.services.flatMap(service =>
      checks
        .filter(check => service.intents[check.rubricId] !== undefined)
        .map(check => `${service.entityRef}\u0000${check.retrieverId}`),
    ),
  ).size;

  // In its own process, like our backend, so it shares no event loop with the load.
  const backend = await PeerProcess.start(scenario);
  try {
    const written = await backend.writeFacts(expectedRows);
    await verifySample(backend, refs, expectations);
    const singleEntity = await measureSingleEntity(backend, refs, options);
    const times = await measureOrgRuns(backend, expectations, runs);
    const sorted = [...times].sort((a, b) => a - b);
    return {
      name: 'tech-insights',
      version: techInsightsVersion(),
      checks: checks.length,
      entities: refs.length,
      factRows: written.rows,
      factsWriteMs: written.ms,
      singleEntity,
      orgRunMs: nearestRank(sorted, 50),
      orgRunP99Ms: nearestRank(sorted, 99),
    };
  } finally {
    await backend.stop();
  }
}
