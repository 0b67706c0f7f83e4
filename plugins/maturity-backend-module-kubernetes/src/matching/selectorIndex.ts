import { selects, type SelectorSpecLike } from './labelSelector';

const WILDCARD = '*';
const indexes = new WeakMap<readonly object[], Map<string, object[]>>();

/**
 * The items whose selector selects `labels`. Each list is indexed once by the first
 * `matchLabels` pair of its items' selectors (items without one go under a wildcard), so a
 * lookup only checks items that share a label with the pods instead of the whole cluster.
 */
export function selecting<T extends object>(
  items: readonly T[],
  selectorOf: (item: T) => SelectorSpecLike | undefined,
  labels: Record<string, string>,
): T[] {
  let index = indexes.get(items);
  if (!index) {
    index = new Map();
    for (const item of items) {
      const first = Object.entries(selectorOf(item)?.matchLabels ?? {})[0];
      const key = first ? `${first[0]}=${first[1]}` : WILDCARD;
      const group = index.get(key) ?? [];
      group.push(item);
      index.set(key, group);
    }
    indexes.set(items, index);
  }
  const candidates = new Set<object>(index.get(WILDCARD) ?? []);
  for (const [key, value] of Object.entries(labels)) {
    for (const item of index.get(`${key}=${value}`) ?? []) candidates.add(item);
  }
  // The index holds the very items of `items`, so they have its element type.
  return ([...candidates] as T[]).filter(item =>
    selects(selectorOf(item), labels),
  );
}
