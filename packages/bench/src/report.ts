import type { LoadFigures } from './load/loadTest';
import type { FloorFigures } from './load/plainServerFloor';
import type { ScenarioResult } from './runScenario';

/** The figures of one scenario as the `--json` document carries them. */
export function summarize(result: ScenarioResult) {
  const at = (figures: LoadFigures[], connections: number) =>
    figures.find(f => f.connections === connections)!;
  const { cold, warm, delta } = result;
  const highest = highestPhase(result);
  return {
    entities: result.entities,
    latency: result.latency.name,
    refreshColdMs: cold.timings.totalMs,
    refreshWarmMs: warm.timings.totalMs,
    refreshDeltaMs: delta.timings.totalMs,
    computeAndWriteColdMs: cold.timings.evaluateMs + cold.timings.rollupMs,
    githubRequestsPerEntity: ratio(cold.githubRequests, result.entities),
    githubRequestsPerEntityWarm: ratio(warm.githubRequests, result.entities),
    githubRequestsPerEntityDelta: ratio(delta.githubRequests, result.entities),
    githubGraphqlPoints: cold.githubGraphqlPoints,
    kubernetesRequests: cold.kubernetesRequests,
    catalogRequests: cold.catalogRequests,
    idleRssMb: result.idleRssMb,
    peakRssMb: highest.peakRssMb,
    rssAboveIdleMb: round(highest.peakRssMb - result.idleRssMb),
    heapAtPeakRssMb: highest.heapAtPeakRssMb,
    liveHeapAboveIdleMb: round(
      result.liveHeapMb.afterRuns - result.liveHeapMb.idle,
    ),
    heapAfterFullGcAboveIdleMb: heapAfterFullGcAboveIdle(result),
    eventLoopDelayP99Ms: Math.max(
      cold.eventLoopDelayP99Ms,
      warm.eventLoopDelayP99Ms,
      delta.eventLoopDelayP99Ms,
    ),
    databaseSizeMb: result.database.sizeMb,
    scorecardP50Ms: at(result.scorecard, 50).p50Ms,
    scorecardP99Ms: at(result.scorecard, 50).p99Ms,
    rollupP50Ms: at(result.rollup, 50).p50Ms,
    rollupP99Ms: at(result.rollup, 50).p99Ms,
    floorScorecardP99Ms: result.floor.scorecard.p99Ms,
    floorRollupP99Ms: result.floor.rollup.p99Ms,
    ...peerFigures(result),
    phases: { cold, warm, delta },
    database: result.database,
    load: {
      scorecard: result.scorecard,
      rollup: result.rollup,
      floor: result.floor,
    },
    sourceStatuses: result.sourceStatuses,
  };
}

/**
 * Tech Insights side by side. Scorecard: one entity's checks, p99 at 50 connections on
 * both sides. Rollup: its whole-org check run (median) against our org rollup's p99 at
 * 50 connections, the conservative pairing.
 */
function peerFigures(result: ScenarioResult) {
  const { peer } = result;
  if (!peer) return {};
  const ours = {
    scorecard: result.scorecard.find(f => f.connections === 50)!,
    rollup: result.rollup.find(f => f.connections === 50)!,
  };
  const theirs = peer.singleEntity.find(f => f.connections === 50)!;
  return {
    peer,
    scorecardRatioVsPeer: round(
      theirs.p99Ms / Math.max(ours.scorecard.p99Ms, 1),
    ),
    rollupRatioVsPeer: round(peer.orgRunMs / Math.max(ours.rollup.p99Ms, 1)),
  };
}

/** The cycle whose RSS peaked highest. */
function highestPhase({ cold, warm, delta }: ScenarioResult) {
  return [cold, warm, delta].reduce((a, b) =>
    b.peakRssMb > a.peakRssMb ? b : a,
  );
}

/** Null when V8 ran no full collection during any of the cycles (small scenarios). */
function heapAfterFullGcAboveIdle(result: ScenarioResult): number | null {
  const { cold, warm, delta } = result;
  const highest = Math.max(
    ...[cold, warm, delta].map(phase => phase.heapAfterFullGcMb ?? -Infinity),
  );
  return highest === -Infinity ? null : round(highest - result.liveHeapMb.idle);
}

export type ScenarioSummary = ReturnType<typeof summarize>;

/** A markdown report: one column per scenario size. */
export function markdownReport(summaries: ScenarioSummary[]): string {
  const rows: [string, (s: ScenarioSummary) => string][] = [
    ['Latency profile', s => s.latency],
    ['Refresh, cold (ms)', s => ms(s.refreshColdMs)],
    ['Refresh, warm (ms)', s => ms(s.refreshWarmMs)],
    ['Refresh, delta 1% (ms)', s => ms(s.refreshDeltaMs)],
    ['Compute + write, cold (ms)', s => ms(s.computeAndWriteColdMs)],
    ['Sandbox CPU, cold (ms)', s => ms(s.phases.cold.upstreamCpuMs)],
    [
      'Sources, cold: catalog / GitHub / Kubernetes (ms)',
      s =>
        ['catalog', 'github', 'kubernetes']
          .map(id => ms(s.sourceStatuses[id]?.durationMs ?? NaN))
          .join(' / '),
    ],
    [
      'Entities evaluated cold / warm / delta',
      s =>
        `${s.phases.cold.evaluated} / ${s.phases.warm.evaluated} / ${s.phases.delta.evaluated}`,
    ],
    [
      'GitHub requests cold / warm / delta',
      s =>
        `${s.phases.cold.githubRequests} / ${s.phases.warm.githubRequests} / ${s.phases.delta.githubRequests}`,
    ],
    [
      'GitHub requests per service, cold',
      s => s.githubRequestsPerEntity.toFixed(4),
    ],
    [
      'GitHub requests per service, warm',
      s => s.githubRequestsPerEntityWarm.toFixed(4),
    ],
    ['GitHub GraphQL points, cold', s => String(s.githubGraphqlPoints)],
    ['Kubernetes requests, cold', s => String(s.kubernetesRequests)],
    ['Catalog requests, cold', s => String(s.catalogRequests)],
    ['RSS idle / peak (MB)', s => `${s.idleRssMb} / ${s.peakRssMb}`],
    ['RSS above idle (MB)', s => String(s.rssAboveIdleMb)],
    [
      'Heap in use at the RSS peak (MB, uncollected garbage included)',
      s => String(s.heapAtPeakRssMb),
    ],
    [
      'Heap held after the runs, above idle (MB, after a full collection)',
      s => String(s.liveHeapAboveIdleMb),
    ],
    [
      'Heap in use during refresh, above idle (MB, highest after V8’s full collections)',
      s => String(s.heapAfterFullGcAboveIdleMb ?? '–'),
    ],
    [
      'Event-loop delay p99 during refresh (ms)',
      s => String(s.eventLoopDelayP99Ms),
    ],
    ['Database size (MB)', s => String(s.databaseSizeMb)],
    [
      'Database rows',
      s =>
        Object.entries(s.database.rows)
          .filter(([, n]) => n > 0)
          .map(([t, n]) => `${t} ${n}`)
          .join(', '),
    ],
    ...[10, 50].flatMap(
      c =>
        [
          [
            `Scorecard p50 / p99 / req/s @${c}`,
            (s: ScenarioSummary) => load(s.load.scorecard, c),
          ],
          [
            `Org rollup p50 / p99 / req/s @${c}`,
            (s: ScenarioSummary) => load(s.load.rollup, c),
          ],
        ] as [string, (s: ScenarioSummary) => string][],
    ),
    [
      'Plain Node server, same bytes: scorecard p50 / p99 / req/s @50',
      s => floor(s.load.floor.scorecard),
    ],
    [
      'Plain Node server, same bytes: org rollup p50 / p99 / req/s @50',
      s => floor(s.load.floor.rollup),
    ],
    [
      'Tech Insights: one entity p50 / p99 / req/s @50',
      s => (s.peer ? load(s.peer.singleEntity, 50) : '–'),
    ],
    [
      'Tech Insights: whole-org check run (ms)',
      s => (s.peer ? ms(s.peer.orgRunMs) : '–'),
    ],
    [
      'Scorecard faster than Tech Insights (p99 @50)',
      s => (s.scorecardRatioVsPeer ? `${s.scorecardRatioVsPeer}×` : '–'),
    ],
    [
      'Org rollup faster than Tech Insights',
      s => (s.rollupRatioVsPeer ? `${s.rollupRatioVsPeer}×` : '–'),
    ],
  ];
  const header = `| | ${summaries
    .map(s => `${s.entities.toLocaleString('en')} services`)
    .join(' | ')} |`;
  const rule = `|---|${summaries.map(() => '---:').join('|')}|`;
  return [
    header,
    rule,
    ...rows.map(
      ([label, cell]) => `| ${label} | ${summaries.map(cell).join(' | ')} |`,
    ),
  ].join('\n');
}

/** The floor of one route: its bytes, and the plain server's latency sending them. */
function floor(f: FloorFigures) {
  return `${load([f], f.connections)} (${(f.bytes / 1024).toFixed(1)} KB)`;
}

function load(figures: LoadFigures[], connections: number) {
  const f = figures.find(x => x.connections === connections);
  return f
    ? `${f.p50Ms} / ${f.p99Ms} ms / ${Math.round(f.requestsPerSecond)}`
    : '–';
}

function ms(value: number) {
  return value.toLocaleString('en');
}

function ratio(a: number, b: number) {
  return Math.round((a / b) * 10_000) / 10_000;
}

function round(value: number) {
  return Math.round(value * 10) / 10;
}
