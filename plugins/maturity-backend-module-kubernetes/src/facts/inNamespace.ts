interface Namespaced {
  metadata?: { namespace?: string };
}

const indexes = new WeakMap<readonly Namespaced[], Map<string, Namespaced[]>>();

/**
 * The items of a snapshot list in one namespace. The list is grouped once and the groups
 * are kept for as long as the list lives, so matching N entities costs N lookups rather
 * than N scans of every object of the cluster.
 */
export function inNamespace<T extends Namespaced>(
  items: readonly T[],
  namespace: string,
): T[] {
  let index = indexes.get(items);
  if (!index) {
    index = new Map();
    for (const item of items) {
      const key = item.metadata?.namespace ?? '';
      const group = index.get(key) ?? [];
      group.push(item);
      index.set(key, group);
    }
    indexes.set(items, index);
  }
  // The groups hold the very items of `items`, so they have its element type.
  return (index.get(namespace) ?? []) as T[];
}
