/**
 * Opens a database the benchmark kept (`BENCH_KEEP_DB=<dir> yarn bench`), for the
 * development scripts that time the evaluation over it: the assessed entities saved
 * beside it, the store, and the default rubric with default settings.
 */
import { ConfigReader } from '@backstage/config';
import type { Entity } from '@backstage/catalog-model';
import { defaultChecks } from '@maturity/plugin-maturity-common';
import knexFactory from 'knex';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readMaturityConfig } from '../src/config/readMaturityConfig';
import { DatabaseMaturityStore } from '../src/database/DatabaseMaturityStore';
import { buildRubric } from '../src/rubric/buildRubric';

/** The entities the benchmark assessed, saved in the kept directory. */
export function readKeptEntities(kept: string): Entity[] {
  return JSON.parse(readFileSync(join(kept, 'entities.json'), 'utf8'));
}

/** The kept `maturity.sqlite` in `directory`; destroy `db` when done. */
export async function openKeptDatabase(directory: string) {
  const db = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: join(directory, 'maturity.sqlite') },
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
    return { db, store, settings, rubric, waivers };
  } catch (error) {
    await db.destroy();
    throw error;
  }
}
