/**
 * Times the evaluation's own work alone, on one thread, over the facts of a database the
 * benchmark kept:
 *
 *   BENCH_KEEP_DB=/tmp/kept yarn bench --entities 10000
 *   yarn --cwd plugins/maturity-backend time-rules /tmp/kept [runs]
 *
 * Each run fingerprints, evaluates and encodes every entity with the default rubric, as
 * the evaluation worker does, and writes nothing. Without the database, the threads and
 * the sources' garbage of replay-evaluation or the benchmark, a change to the rules'
 * machinery shows above the machine's noise.
 */
import { performance } from 'node:perf_hooks';
import {
  encodeEvaluation,
  evaluateEntity,
} from '../src/evaluation/evaluateEntity';
import { packFacts, unpackFacts } from '../src/evaluation/factPack';
import { entityRefOf } from '../src/service/entityRefOf';
import { openKeptDatabase, readKeptEntities } from './keptDatabase';

async function main(kept: string | undefined, runs: number) {
  if (!kept)
    throw new Error('usage: time-rules <kept database directory> [runs]');
  const entities = readKeptEntities(kept);
  const { db, store, settings, rubric, waivers } = await openKeptDatabase(kept);
  try {
    const rules = {
      rubric,
      waivers,
      scoring: settings.scoring,
      staleAfterMs: settings.staleAfterMs,
    };
    const components = entities.filter(e => e.kind === 'Component');
    const packed = await store.readPackedFacts(components.map(entityRefOf));
    const now = new Date();
    for (let run = 1; run <= runs; run++) {
      const started = performance.now();
      let evaluated = 0;
      for (const entity of components) {
        const entityRef = entityRefOf(entity);
        const facts = unpackFacts(
          entityRef,
          packed.get(entityRef) ?? packFacts([]),
        );
        const evaluation = await evaluateEntity(
          rules,
          { entity, entityRef, facts },
          { now },
        );
        if (evaluation) {
          encodeEvaluation(evaluation);
          evaluated += 1;
        }
      }
      const ms = Math.round(performance.now() - started);
      process.stdout.write(`run ${run}: ${evaluated} entities in ${ms} ms\n`);
    }
  } finally {
    await db.destroy();
  }
}

main(process.argv[2], Number(process.argv[3] ?? 5)).catch(error => {
  process.stderr.write(`${error instanceof Error ? error.message : error}\n`);
  process.exit(1);
});
