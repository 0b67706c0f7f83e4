import type { TestDatabaseId } from '@backstage/backend-test-utils';
import type { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/databases';
import { upsertRows } from './upsertRows';

jest.setTimeout(60_000);

const databases = createTestDatabases();

interface Row {
  entity_ref: string;
  day: string;
  level: number;
  note: string | null;
  flag: boolean;
}

const row = (entityRef: string, day: string, level: number): Row => ({
  entity_ref: entityRef,
  day,
  level,
  note: `level ${level}`,
  flag: level > 1,
});

describe.each(databases.eachSupportedId())('upsertRows on %s', databaseId => {
  let knex: Knex;

  beforeEach(async () => {
    knex = await databases.init(databaseId as TestDatabaseId);
    await knex.schema.dropTableIfExists('upsert_test');
    await knex.schema.createTable('upsert_test', table => {
      table.string('entity_ref').notNullable();
      table.string('day').notNullable();
      table.integer('level').notNullable();
      table.text('note').nullable();
      table.boolean('flag').notNullable();
      table.primary(['entity_ref', 'day']);
    });
  });

  const stored = () =>
    knex('upsert_test')
      .orderBy(['entity_ref', 'day'])
      .then(rows =>
        rows.map(r => ({
          ...r,
          level: Number(r.level),
          flag: Boolean(r.flag),
        })),
      );

  it('inserts every row, and with a key replaces only the rows stored under it', async () => {
    await upsertRows(knex, 'upsert_test', [
      row('a', 'd1', 1),
      row('b', 'd1', 2),
    ]);
    await upsertRows(
      knex,
      'upsert_test',
      [row('a', 'd1', 3), row('a', 'd2', 1)],
      ['entity_ref', 'day'],
    );
    expect(await stored()).toEqual([
      row('a', 'd1', 3),
      row('a', 'd2', 1),
      row('b', 'd1', 2),
    ]);
  });

  it('fails on a duplicate key without one, writing none of the rows', async () => {
    await upsertRows(knex, 'upsert_test', [row('a', 'd1', 1)]);
    // Matched by message: better-sqlite3's errors fail Jest's toThrow across realms.
    await expect(
      upsertRows(knex, 'upsert_test', [row('b', 'd1', 1), row('a', 'd1', 2)]),
    ).rejects.toMatchObject({
      message: expect.stringMatching(/unique|duplicate/i),
    });
    expect(await stored()).toEqual([row('a', 'd1', 1)]);
  });

  it('writes undefined as null, and binds text that looks like SQL as text', async () => {
    const odd = {
      ...row('c', 'd1', 1),
      note: undefined as unknown as null,
    };
    const quoted = { ...row("x'); drop table upsert_test; --", 'd?', 2) };
    await upsertRows(knex, 'upsert_test', [odd, quoted], ['entity_ref', 'day']);
    expect(await stored()).toEqual([{ ...odd, note: null }, quoted]);
  });

  it('writes batches of different sizes and shapes one after the other', async () => {
    const many = Array.from({ length: 150 }, (_, i) => row(`e${i}`, 'd1', 1));
    await upsertRows(knex, 'upsert_test', many.slice(0, 100), [
      'entity_ref',
      'day',
    ]);
    await upsertRows(knex, 'upsert_test', many.slice(100), [
      'entity_ref',
      'day',
    ]);
    await upsertRows(knex, 'upsert_test', many.slice(0, 100), [
      'entity_ref',
      'day',
    ]);
    expect(await stored()).toEqual(
      [...many].sort((x, y) => x.entity_ref.localeCompare(y.entity_ref)),
    );
  });
});
