import knexFactory, { type Knex } from 'knex';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseMaturityStore } from './DatabaseMaturityStore';

describe('the SQLite database the store creates', () => {
  let directory: string;
  const opened: Knex[] = [];

  const open = (file: string) => {
    const db = knexFactory({
      client: 'better-sqlite3',
      connection: { filename: join(directory, file) },
      useNullAsDefault: true,
    });
    opened.push(db);
    return db;
  };
  const pragma = async (db: Knex, name: string) =>
    Object.values((await db.raw(`PRAGMA ${name}`))[0])[0];

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'maturity-sqlite-'));
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map(db => db.destroy()));
    rmSync(directory, { recursive: true, force: true });
  });

  it('has 16 KB pages and a write-ahead log when it is new', async () => {
    const db = open('new.sqlite');
    await DatabaseMaturityStore.create({
      database: { getClient: async () => db },
    });
    expect(await pragma(db, 'page_size')).toBe(16_384);
    expect(await pragma(db, 'journal_mode')).toBe('wal');
  });

  it('keeps the pages of a database that has tables already', async () => {
    const before = open('existing.sqlite');
    await before.schema.createTable('earlier', table => table.string('id'));
    await before.destroy();
    const db = open('existing.sqlite');
    await DatabaseMaturityStore.create({
      database: { getClient: async () => db },
    });
    expect(await pragma(db, 'page_size')).toBe(4_096);
    expect(await pragma(db, 'journal_mode')).toBe('wal');
    // and the store works on it
    expect(await db('maturity_facts').count({ n: '*' })).toEqual([{ n: 0 }]);
  });
});
