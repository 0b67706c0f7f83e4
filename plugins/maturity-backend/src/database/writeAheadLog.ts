import type { Knex } from 'knex';

/**
 * On SQLite, switches the database file to write-ahead logging (it stays so): a cycle
 * commits a transaction per chunk of entities, and the default rollback journal copies
 * and syncs every page each commit touches (a tenth of a cold evaluation). Readers are
 * not blocked by the writer either. A no-op elsewhere and for in-memory databases.
 */
export async function useWriteAheadLog(db: Knex): Promise<void> {
  if (db.client.dialect !== 'sqlite3') return; // both SQLite drivers
  await db.raw('PRAGMA journal_mode = WAL');
}
