/**
 * Replays a cold evaluation, alone, over a copy of a database the benchmark kept:
 *
 *   BENCH_KEEP_DB=/tmp/kept yarn bench --entities 10000
 *   yarn --cwd plugins/maturity-backend replay-evaluation /tmp/kept [runs]
 *
 * Each run empties the evaluation's tables (results, placements, snapshots, level
 * changes) and evaluates every entity again from the stored facts, with the default
 * rubric; then once more with nothing changed, as a warm cycle does. In the benchmark
 * the evaluation shares its process with the sources' garbage and its figures swing
 * with the machine; here the same work is timed by itself, which is what tells a change
 * to the evaluation from noise. The rules run in the evaluation worker, as in the backend;
 * REPLAY_MAIN_THREAD=1 runs them on the main thread instead.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Evaluator } from '../src/service/Evaluator';
import { rubricRecipe } from '../src/evaluation/rubricRecipe';
import { openKeptDatabase, readKeptEntities } from './keptDatabase';

const EVALUATION_TABLES = [
  'maturity_entity_results',
  'maturity_placements',
  'maturity_entity_snapshots',
  'maturity_level_changes',
];

async function main(kept: string | undefined, runs: number) {
  if (!kept) {
    throw new Error(
      'usage: replay-evaluation <kept database directory> [runs]',
    );
  }
  const entities = readKeptEntities(kept);
  const directory = mkdtempSync(join(tmpdir(), 'maturity-replay-'));
  cpSync(kept, directory, { recursive: true });
  const { db, store, settings, rubric, waivers } = await openKeptDatabase(
    directory,
  ).catch(error => {
    rmSync(directory, { recursive: true, force: true });
    throw error;
  });
  try {
    const evaluator = new Evaluator({
      store,
      rubric,
      waivers,
      scoring: settings.scoring,
      staleAfterMs: settings.staleAfterMs,
      worker:
        process.env.REPLAY_MAIN_THREAD === '1'
          ? undefined
          : rubricRecipe(settings, []),
      // Says so when the evaluation falls back to the main thread.
      logger: { warn: message => process.stderr.write(`${message}\n`) },
    });
    // Started before the first run, as the backend starts it with itself: otherwise the
    // first run would time loading the worker's modules too (about 0.4 s).
    await evaluator.warmUp();
    for (let run = 1; run <= runs; run++) {
      for (const table of EVALUATION_TABLES) await db(table).delete();
      await db.raw('pragma wal_checkpoint(TRUNCATE)');
      const rssBefore = process.memoryUsage.rss();
      let peakRss = rssBefore;
      const sampler = setInterval(() => {
        peakRss = Math.max(peakRss, process.memoryUsage.rss());
      }, 20);
      const started = performance.now();
      const loopBefore = performance.eventLoopUtilization();
      const summary = await evaluator.evaluate(entities);
      const ms = Math.round(performance.now() - started);
      // How long the main thread worked rather than waited for the worker: which of the
      // two threads is the slower side.
      const busyMs = Math.round(
        performance.eventLoopUtilization(loopBefore).active,
      );
      clearInterval(sampler);
      const rssMb = Math.round((peakRss - rssBefore) / 2 ** 20);
      // Then again with nothing changed, as a warm cycle finds it: every entity skipped.
      const warmStarted = performance.now();
      const warm = await evaluator.evaluate(entities);
      const warmMs = Math.round(performance.now() - warmStarted);
      process.stdout.write(
        `run ${run}: ${summary.evaluated} entities evaluated, ${summary.levelChanges} level changes, ${ms} ms (main thread busy ${busyMs} ms), peak RSS +${rssMb} MB; again unchanged: ${warm.unchanged} skipped in ${warmMs} ms\n`,
      );
    }
    await evaluator.close();
  } finally {
    await db.destroy();
    rmSync(directory, { recursive: true, force: true });
  }
}

main(process.argv[2], Number(process.argv[3] ?? 3)).catch(error => {
  process.stderr.write(`${error instanceof Error ? error.message : error}\n`);
  process.exit(1);
});
