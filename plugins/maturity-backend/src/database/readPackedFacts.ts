import type { Knex } from 'knex';
import { packFacts, packJoinedFields } from '../evaluation/factPack';
import type { FactRow } from './rows';

/**
 * One entity's fields joined in SQLite, in the order and with the separator packFacts
 * uses. `awkward` flags an entity whose name, source, time or problem holds the
 * separator itself (values are JSON text, which never holds it raw): packFacts sends
 * those as JSON, so they are read as rows.
 */
const JOINED = `group_concat(name || char(0) || source || char(0) || observed_at
  || char(0) || coalesce(problem, '') || char(0) || value, char(0))`;
const AWKWARD = `max(instr(name || source || observed_at || coalesce(problem, ''), char(0)))`;

/**
 * The facts of the given entities (up to a few hundred), packed one string per entity as
 * the evaluation worker takes them (see factPack); an entity without facts is left out.
 *
 * On SQLite the database joins each entity's facts: the main thread then gets one row
 * per entity, not thirty, and makes a string instead of seven per fact. A cold
 * evaluation at 10,000 services reads 288,000 facts; as rows they were a fifth of the
 * main thread's time (reading, packing and collecting them). PostgreSQL cannot hold the
 * separator in text, so there the rows are read and packed here.
 */
export async function readPackedFacts(
  db: Knex,
  entityRefs: readonly string[],
  /** The store's own reading of fact rows, for what is packed here. */
  readRows: (entityRefs: readonly string[]) => Promise<FactRow[]>,
): Promise<Map<string, string>> {
  if (db.client.dialect !== 'sqlite3') {
    return packRows(await readRows(entityRefs));
  }
  const joined: Array<{ entity_ref: string; joined: string; awkward: number }> =
    await db('maturity_facts')
      .select('entity_ref', db.raw(`${JOINED} as joined`))
      .select(db.raw(`${AWKWARD} as awkward`))
      .whereIn('entity_ref', entityRefs)
      .groupBy('entity_ref');
  const packed = new Map<string, string>();
  const awkward: string[] = [];
  for (const row of joined) {
    if (row.awkward) awkward.push(row.entity_ref);
    else packed.set(row.entity_ref, packJoinedFields(row.joined));
  }
  if (awkward.length === 0) return packed;
  for (const [ref, facts] of packRows(await readRows(awkward))) {
    packed.set(ref, facts);
  }
  return packed;
}

function packRows(rows: readonly FactRow[]): Map<string, string> {
  const byEntity = new Map<string, FactRow[]>();
  for (const row of rows) {
    const facts = byEntity.get(row.entity_ref);
    if (facts) facts.push(row);
    else byEntity.set(row.entity_ref, [row]);
  }
  return new Map([...byEntity].map(([ref, facts]) => [ref, packFacts(facts)]));
}
