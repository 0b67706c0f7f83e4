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
import { ConfigReader } from '@backstage/config';
import type { Entity } from '@backstage/catalog-model';
import { defaultChecks } from '@maturity/plugin-maturity-common';
import knexFactory from 'knex';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readMaturityConfig } from '../src/config/readMaturityConfig';
import { DatabaseMaturityStore } from '../src/database/DatabaseMaturityStore';
import { buildRubric } from '../src/rubric/buildRubric';
import {
  encodeEvaluation,
  evaluateEntity,
} from '../src/evaluation/evaluateEntity';
import { packFacts, unpackFacts } from '../src/evaluation/factPack';
import { entityRefOf } from '../src/service/entityRefOf';

async function main(kept: string | undefined, runs: number) {
  if (!kept)
    throw new Error('usage: time-rules <kept database directory> [runs]');
  const entities: Entity[] = JSON.parse(
    readFileSync(join(kept, 'entities.json'), 'utf8'),
  );
  const db = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: join(kept, 'maturity.sqlite') },
    useNullAsDefault: true,
  });
  try {
    const store = await DatabaseMaturityStore.create({
      database: { getClient: async () => db, migrations: { skip: true } },
    });
    const settings = readMaturityConfig(new ConfigReader({}));
    const { rubric, waivers } = buildRubric({
      checks: defaultChecks,
      sources: [],
      config: settings,
    });
    const rules = {
      rubric,
      waivers,
      scoring: settings.scoring,
      staleAfterMs: settings.staleAfterMs,
    };
    const components = entities.filter(e => e.kind === 'Component');
    const packed = new Map<string, string>();
    for (let i = 0; i < components.length; i += 500) {
      const refs = components.slice(i, i + 500).map(entityRefOf);
      for (const [ref, facts] of await store.readPackedFacts(refs)) {
        packed.set(ref, facts);
      }
    }
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
