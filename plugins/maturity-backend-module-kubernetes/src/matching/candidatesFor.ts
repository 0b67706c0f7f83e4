import { lookup } from './lookupIndex';
import type { EntityLink } from './entityLink';

interface Labelled {
  metadata?: { labels?: Record<string, string> };
}

const BY_LABEL = {
  name: 'label',
  keysOf: (item: Labelled) =>
    Object.entries(item.metadata?.labels ?? {}).map(([k, v]) => `${k}=${v}`),
};

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
  return lookup(items, BY_LABEL, [`${anchor.key}=${anchor.values[0]}`]);
}
