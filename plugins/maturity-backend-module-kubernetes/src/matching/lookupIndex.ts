const indexes = new WeakMap<
  readonly object[],
  Map<string, Map<string, number[]>>
>();

/**
 * The items of a snapshot list filed under any of `keys`, in list order. Each list is
 * filed once per index name (and kept as long as the list lives), so matching N entities
 * costs N lookups rather than N scans of every object of the cluster.
 */
export function lookup<T extends object>(
  items: readonly T[],
  index: { name: string; keysOf: (item: T) => readonly string[] },
  keys: readonly (string | undefined)[],
): T[] {
  let byName = indexes.get(items);
  if (!byName) {
    byName = new Map();
    indexes.set(items, byName);
  }
  let filed = byName.get(index.name);
  if (!filed) {
    filed = new Map();
    items.forEach((item, position) => {
      for (const key of new Set(index.keysOf(item))) {
        const positions = filed!.get(key) ?? [];
        positions.push(position);
        filed!.set(key, positions);
      }
    });
    byName.set(index.name, filed);
  }
  const present = keys.filter((k): k is string => k !== undefined);
  if (present.length === 1) {
    // One key: its positions are already in list order.
    return (filed.get(present[0]) ?? []).map(p => items[p]);
  }
  const positions = new Set<number>();
  for (const key of present) {
    for (const position of filed.get(key) ?? []) positions.add(position);
  }
  return [...positions].sort((a, b) => a - b).map(p => items[p]);
}
