import type { FactRow } from './rows';

type StoredFact = Pick<
  FactRow,
  'entity_ref' | 'name' | 'value' | 'source' | 'problem'
>;

/**
 * Splits incoming fact rows into those whose value, source or problem differ from what is
 * stored (to be written) and those only observed again, grouped by their observation
 * (time and run), so each group is one UPDATE of two columns.
 */
export function factChanges(
  incoming: readonly FactRow[],
  stored: readonly StoredFact[],
): { changed: FactRow[]; reobserved: FactRow[][] } {
  const key = (r: { entity_ref: string; name: string }) =>
    `${r.entity_ref}\u0000${r.name}`;
  const before = new Map(stored.map(r => [key(r), r]));
  const changed: FactRow[] = [];
  const reobserved = new Map<string, FactRow[]>();
  for (const row of incoming) {
    const old = before.get(key(row));
    const same =
      old &&
      old.value === row.value &&
      old.source === row.source &&
      (old.problem ?? null) === row.problem;
    if (!same) {
      changed.push(row);
      continue;
    }
    const observation = `${row.observed_at}\u0000${row.run_id ?? ''}`;
    const group = reobserved.get(observation);
    if (group) group.push(row);
    else reobserved.set(observation, [row]);
  }
  return { changed, reobserved: [...reobserved.values()] };
}
