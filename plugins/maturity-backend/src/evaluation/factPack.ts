import type { FactRow } from '../database/rows';

/**
 * One entity's facts as one string, to send to the evaluation worker. Copying a message
 * between threads costs per object and per property far more than per byte: 288,000
 * fact rows as objects took a tenth of a cold evaluation at 10,000 services to send, one
 * string per entity almost nothing. Fields are joined with U+0000, which stored JSON
 * never contains raw (JSON escapes it); an entity whose other fields contain it is sent
 * as a JSON list instead.
 */
const SEPARATOR = '\u0000';
const PACKED = 'P';
const AS_JSON = 'J';

export function packFacts(rows: readonly FactRow[]): string {
  const parts: string[] = [PACKED];
  for (const row of rows) {
    const fields = [row.name, row.source, row.observed_at, row.problem ?? ''];
    if (fields.some(field => field.includes(SEPARATOR))) {
      return AS_JSON + JSON.stringify(rows);
    }
    parts.push(...fields, row.value);
  }
  return parts.join(SEPARATOR);
}

/**
 * An entity's facts packed from its fields already joined in the packed order (name,
 * source, observation time, problem or '', value) with U+0000 between all of them: what
 * SQLite joins itself (see readPackedFacts).
 */
export function packJoinedFields(joined: string): string {
  return `${PACKED}${SEPARATOR}${joined}`;
}

export function unpackFacts(entityRef: string, packed: string): FactRow[] {
  if (packed.startsWith(AS_JSON)) return JSON.parse(packed.slice(1));
  const fields = packed.split(SEPARATOR);
  const rows: FactRow[] = [];
  for (let i = 1; i + 4 < fields.length; i += 5) {
    rows.push({
      entity_ref: entityRef,
      name: fields[i],
      source: fields[i + 1],
      observed_at: fields[i + 2],
      problem: fields[i + 3] || null,
      value: fields[i + 4],
      // Which run observed a fact plays no part in evaluating it.
      run_id: null,
    });
  }
  return rows;
}
