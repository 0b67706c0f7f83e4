import type { EntityLink } from './entityLink';

interface Labelled {
  metadata?: { labels?: Record<string, string> };
}

const indexes = new WeakMap<readonly Labelled[], Map<string, Labelled[]>>();

/**
 * The items that can match the link: those carrying its first single-valued equality
 * label, looked up in an index built once per list; every item when the link has no such
 * requirement. Callers still check the full link on each candidate.
 */
export function candidatesFor<T extends Labelled>(
  link: EntityLink,
  items: readonly T[],
): readonly T[] {
  const anchor = link.requirements.find(
    r => r.operator === 'in' && r.values.length === 1,
  );
  if (!anchor || anchor.operator !== 'in') return items;
  let index = indexes.get(items);
  if (!index) {
    index = new Map();
    for (const item of items) {
      for (const [key, value] of Object.entries(item.metadata?.labels ?? {})) {
        const pair = `${key}=${value}`;
        const group = index.get(pair) ?? [];
        group.push(item);
        index.set(pair, group);
      }
    }
    indexes.set(items, index);
  }
  // The groups hold the very items of `items`, so they have its element type.
  return (index.get(`${anchor.key}=${anchor.values[0]}`) ?? []) as T[];
}
