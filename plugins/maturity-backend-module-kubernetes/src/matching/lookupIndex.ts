interface Filed<T> {
  positions: Map<string, number[]>;
  /** One key's items, built once: callers get the same array each time. */
  items: Map<string, readonly T[]>;
}

const indexes = new WeakMap<readonly object[], Map<string, Filed<object>>>();
const NONE: readonly never[] = [];

/**
 * The items of a snapshot list filed under any of `keys`, in list order. Each list is
 * filed once per index name (and kept as long as the list lives), so matching N entities
 * costs N lookups rather than N scans of every object of the cluster. A one-key lookup
 * answers the same array every time, so indexes keyed on it (selectorIndex) are built
 * once per namespace rather than once per workload.
 */
export function lookup<T extends object>(
  items: readonly T[],
  index: { name: string; keysOf: (item: T) => readonly string[] },
  keys: readonly (string | undefined)[],
): readonly T[] {
  const filed = filedBy(items, index);
  const present = keys.filter((k): k is string => k !== undefined);
  if (present.length === 1) {
    const key = present[0];
    let found = filed.items.get(key);
    if (!found) {
      const positions = filed.positions.get(key);
      found = positions ? positions.map(p => items[p]) : NONE;
      filed.items.set(key, found);
    }
    return found;
  }
  const positions = new Set<number>();
  for (const key of present) {
    for (const position of filed.positions.get(key) ?? []) {
      positions.add(position);
    }
  }
  return [...positions].sort((a, b) => a - b).map(p => items[p]);
}

function filedBy<T extends object>(
  items: readonly T[],
  index: { name: string; keysOf: (item: T) => readonly string[] },
): Filed<T> {
  let byName = indexes.get(items);
  if (!byName) {
    byName = new Map();
    indexes.set(items, byName);
  }
  let filed = byName.get(index.name) as Filed<T> | undefined;
  if (!filed) {
    const positions = new Map<string, number[]>();
    items.forEach((item, position) => {
      for (const key of new Set(index.keysOf(item))) {
        const list = positions.get(key);
        if (list) list.push(position);
        else positions.set(key, [position]);
      }
    });
    filed = { positions, items: new Map() };
    byName.set(index.name, filed as Filed<object>);
  }
  return filed;
}
