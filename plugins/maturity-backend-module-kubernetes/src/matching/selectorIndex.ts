import { selects, type SelectorSpecLike } from './labelSelector';
import { lookup } from './lookupIndex';

const WILDCARD = '*';

/**
 * The items whose selector selects `labels`, in list order. Each list is filed once by the
 * first `matchLabels` pair of its items' selectors (items without one under a wildcard), so
 * a lookup only checks items that share a label with the pods instead of the whole cluster.
 * A list is filed for one `selectorOf`: each caller passes its own kind's lists.
 */
export function selecting<T extends object>(
  items: readonly T[],
  selectorOf: (item: T) => SelectorSpecLike | undefined,
  labels: Record<string, string>,
): T[] {
  const candidates = lookup(
    items,
    {
      name: 'selector-first-label',
      keysOf: item => {
        const first = Object.entries(selectorOf(item)?.matchLabels ?? {})[0];
        return [first ? `${first[0]}=${first[1]}` : WILDCARD];
      },
    },
    [WILDCARD, ...Object.entries(labels).map(([k, v]) => `${k}=${v}`)],
  );
  return candidates.filter(item => selects(selectorOf(item), labels));
}
