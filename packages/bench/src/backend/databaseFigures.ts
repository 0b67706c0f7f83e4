import { existsSync, statSync } from 'node:fs';
import knexFactory from 'knex';
import type { DatabaseFigures } from './protocol';

/** Size of the plugin's SQLite file (with its write-ahead log) and rows per table. */
export async function databaseFigures(file: string): Promise<DatabaseFigures> {
  const bytes = [file, `${file}-wal`]
    .filter(f => existsSync(f))
    .reduce((sum, f) => sum + statSync(f).size, 0);
  const db = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: file, options: { readonly: true } },
    useNullAsDefault: true,
  });
  try {
    const tables: { name: string }[] = await db('sqlite_master')
      .where({ type: 'table' })
      .whereNot('name', 'like', 'sqlite_%')
      .whereNot('name', 'like', 'knex_%')
      .orderBy('name')
      .select('name');
    const rows: Record<string, number> = {};
    for (const { name } of tables) {
      const [{ n }] = await db(name).count({ n: '*' });
      rows[name] = Number(n);
    }
    return { sizeMb: Math.round((bytes / 1024 / 1024) * 10) / 10, rows };
  } finally {
    await db.destroy();
  }
}
