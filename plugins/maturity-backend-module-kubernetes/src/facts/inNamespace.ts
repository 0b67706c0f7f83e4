import { lookup } from '../matching/lookupIndex';

interface Namespaced {
  metadata?: { namespace?: string };
}

const BY_NAMESPACE = {
  name: 'namespace',
  keysOf: (item: Namespaced) => [item.metadata?.namespace ?? ''],
};

/** The items of a snapshot list in one namespace, looked up rather than scanned. */
export function inNamespace<T extends Namespaced>(
  items: readonly T[],
  namespace: string,
): readonly T[] {
  return lookup(items, BY_NAMESPACE, [namespace]);
}
