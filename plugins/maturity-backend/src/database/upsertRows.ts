import type { Knex } from 'knex';

/**
 * Writes rows (all with the same columns) in one statement, and with `key` replaces the
 * rows already stored under the same key:
 *
 *   insert into "t" ("a", "b") values (?, ?), (?, ?)
 *     on conflict ("a") do update set "b" = excluded."b"
 *
 * SQLite (3.24+) and PostgreSQL both read this. knex writes a multi-row insert for
 * SQLite as a `select … union all select …` chain instead, aliasing and quoting every
 * cell on each call: at 10,000 services that was a tenth of all the memory a cold
 * refresh allocated. The statement text depends only on the table, the columns and the
 * number of rows, so it is made once per shape.
 */
export async function upsertRows<Row extends object>(
  db: Knex,
  table: string,
  rows: readonly Row[],
  key?: readonly (keyof Row & string)[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]) as (keyof Row & string)[];
  const bindings: Knex.Value[] = [];
  for (const row of rows) {
    for (const column of columns) {
      bindings.push((row[column] ?? null) as Knex.Value);
    }
  }
  await db.raw(statementFor(table, columns, rows.length, key), bindings);
}

// Table and column names are the store's own constants, never input.
const quote = (name: string) => `"${name}"`;

// By shape; bounded by the store's tables times its batch sizes (at most 100 rows).
const statements = new Map<string, string>();

function statementFor(
  table: string,
  columns: readonly string[],
  rowCount: number,
  key: readonly string[] | undefined,
): string {
  const shape = `${table}|${columns.join(',')}|${rowCount}|${key?.join(',')}`;
  let sql = statements.get(shape);
  if (sql === undefined) {
    const row = `(${columns.map(() => '?').join(', ')})`;
    sql = `insert into ${quote(table)} (${columns
      .map(quote)
      .join(', ')}) values ${Array(rowCount).fill(row).join(', ')}`;
    if (key) {
      const updates = columns
        .filter(c => !key.includes(c))
        .map(c => `${quote(c)} = excluded.${quote(c)}`);
      sql += ` on conflict (${key
        .map(quote)
        .join(', ')}) do update set ${updates.join(', ')}`;
    }
    statements.set(shape, sql);
  }
  return sql;
}
