import { mockCredentials } from '@backstage/backend-test-utils';
import { generateScenario } from '@maturity/sandbox';
import type { DatabaseFigures, RefreshFigures } from './backend/protocol';
import { BackendProcess } from './backendProcess';
import type { LatencyProfile } from './latencyProfiles';
import type { LoadFigures } from './load/loadTest';
import { loadTestApart } from './load/loadTestApart';
import { plainServerFloor, type FloorFigures } from './load/plainServerFloor';
import { runTechInsightsPeer, type TechInsightsPeerResult } from './peer';
import { checkSourceRuns } from './sourceRuns';
import { startUpstreams, type UpstreamCounts } from './upstreams';

export const CONNECTIONS = [10, 50];
/** Share of repositories that get a new commit before the delta run. */
const DELTA_SHARE = 0.01;
/** Scorecards requested in turn under load, so no single row stays hot. */
const SCORECARD_ROTATION = 1_000;

/** The GitHub source settings the benchmark runs with (see the README). */
export const GITHUB_SETTINGS = { concurrency: 4, batchSize: 50 };

export type PhaseResult = RefreshFigures & UpstreamCounts;

export interface ScenarioResult {
  entities: number;
  catalogEntities: number;
  repositories: number;
  latency: LatencyProfile;
  idleRssMb: number;
  /** Heap after a full collection: idle, and after the cycles and the load. */
  liveHeapMb: { idle: number; afterRuns: number };
  /** After the cold run: each source's status and how long it took. */
  sourceStatuses: Record<string, { status: string; durationMs: number }>;
  cold: PhaseResult;
  warm: PhaseResult;
  delta: PhaseResult & { changedRepositories: number };
  database: DatabaseFigures;
  scorecard: LoadFigures[];
  rollup: LoadFigures[];
  /** A plain Node server sending the same bytes at 50 connections (see plainServerFloor). */
  floor: { scorecard: FloorFigures; rollup: FloorFigures };
  peer?: TechInsightsPeerResult;
}

/** One scenario size: cold, warm and delta collection, then the API under load. */
export async function runScenario(options: {
  size: number;
  seed: number;
  latency: LatencyProfile;
  durationSeconds: number;
  peer?: 'tech-insights';
  log: (line: string) => void;
}): Promise<ScenarioResult> {
  const { size, seed, latency, log } = options;
  log(`${size} services: generating the scenario and its upstreams`);
  const scenario = generateScenario({ seed, size });
  const upstreams = await startUpstreams(scenario, latency);
  let upstreamsOpen = true;
  let backend: BackendProcess | undefined;
  try {
    backend = await BackendProcess.start({
      seed,
      size,
      catalogLatencyMs: latency.catalogMs,
      config: {
        ...upstreams.config,
        maturity: {
          // The first cycle starts once the idle figures are taken (a trigger cannot
          // cut the scheduler's initial delay short); the plugin adds one follow-up
          // 15 s later, as on every fresh install; the rest start when the benchmark
          // says so.
          schedule: {
            frequency: { hours: 24 },
            timeout: { hours: 1 },
            initialDelay: { seconds: 5 },
          },
          github: GITHUB_SETTINGS,
        },
      },
    });
    const phase = async (
      name: string,
      trigger: 'now' | 'follow-up' = 'now',
    ) => {
      await upstreams.resetCounts();
      log(`${size} services: ${name} collection`);
      const figures = await backend!.refresh(name, trigger);
      return { ...figures, ...(await upstreams.counts()) };
    };

    const cold = await phase('cold');
    const baseUrl = `http://127.0.0.1:${backend.port}`;
    const headers = { Authorization: mockCredentials.user.header() };
    const sourceStatuses = await checkSourceRuns(baseUrl, headers);
    const warm = await phase('warm', 'follow-up');
    const changedRepositories = upstreams.pushToShare(DELTA_SHARE);
    const delta = { ...(await phase('delta')), changedRepositories };
    const database = await backend.databaseFigures();
    // The sandboxes' worlds are gigabytes at 10,000 services: drop them before the load
    // runs, so collector pauses in this process (which drives the load) do not show up as
    // the backend's latency.
    await upstreams.close();
    upstreamsOpen = false;
    global.gc?.();

    const scorecardPaths = scenario.services
      .slice(0, SCORECARD_ROTATION)
      .map(s => `/api/maturity/entities/${s.entityRef.replace(/[:/]/g, '/')}`);
    // As a browser asks: the cached org rollup is then served in its stored gzip form.
    const loadHeaders = { ...headers, 'Accept-Encoding': 'gzip, deflate, br' };
    const scorecard: LoadFigures[] = [];
    const rollup: LoadFigures[] = [];
    for (const connections of CONNECTIONS) {
      log(
        `${size} services: scorecard and rollup at ${connections} connections`,
      );
      scorecard.push(
        await loadTestApart({
          url: baseUrl,
          paths: scorecardPaths,
          headers: loadHeaders,
          connections,
          durationSeconds: options.durationSeconds,
        }),
      );
      rollup.push(
        await loadTestApart({
          url: baseUrl,
          paths: ['/api/maturity/rollup'],
          headers: loadHeaders,
          connections,
          durationSeconds: options.durationSeconds,
        }),
      );
    }
    log(`${size} services: a plain server with the same bytes, for the floor`);
    const floor = await plainServerFloor({
      baseUrl,
      routes: { scorecard: scorecardPaths[0], rollup: '/api/maturity/rollup' },
      headers: loadHeaders,
      connections: 50,
      durationSeconds: options.durationSeconds,
    });
    for (const figures of [
      ...scorecard,
      ...rollup,
      floor.scorecard,
      floor.rollup,
    ])
      if (figures.failures > 0)
        throw new Error(
          `${figures.failures} failed requests at ${figures.connections} connections`,
        );

    const idleRssMb = backend.idleRssMb;
    // Forces a full collection, so only once everything is measured.
    const liveHeapMb = {
      idle: backend.idleHeapMb,
      afterRuns: await backend.liveHeapMb(),
    };
    // The peer runs after our backend has stopped, so neither competes for the CPU.
    await backend.stop(scenario.entities);
    backend = undefined;
    let peer: TechInsightsPeerResult | undefined;
    if (options.peer) {
      log(`${size} services: Tech Insights on the same scenario`);
      peer = await runTechInsightsPeer({
        scenario,
        connections: CONNECTIONS,
        durationSeconds: options.durationSeconds,
      });
    }

    return {
      peer,
      entities: size,
      catalogEntities: scenario.entities.length,
      repositories: upstreams.repositories,
      latency,
      idleRssMb,
      liveHeapMb,
      sourceStatuses,
      cold,
      warm,
      delta,
      database,
      scorecard,
      rollup,
      floor,
    };
  } finally {
    await backend?.stop();
    if (upstreamsOpen) await upstreams.close();
  }
}
