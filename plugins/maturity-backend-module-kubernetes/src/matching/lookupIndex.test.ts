import { lookup } from './lookupIndex';
import { selecting } from './selectorIndex';

const BY_NAMESPACE = {
  name: 'namespace',
  keysOf: (item: { namespace: string }) => [item.namespace],
};

describe('lookup', () => {
  const items = [
    { namespace: 'a', name: 'one' },
    { namespace: 'b', name: 'two' },
    { namespace: 'a', name: 'three' },
  ];

  it('finds the items under one key, or several, in list order', () => {
    expect(lookup(items, BY_NAMESPACE, ['a']).map(i => i.name)).toEqual([
      'one',
      'three',
    ]);
    expect(
      lookup(items, BY_NAMESPACE, ['b', 'a', undefined]).map(i => i.name),
    ).toEqual(['one', 'two', 'three']);
    expect(lookup(items, BY_NAMESPACE, ['c'])).toEqual([]);
  });

  it('answers a one-key lookup with the same array each time, so indexes built on it are kept', () => {
    const first = lookup(items, BY_NAMESPACE, ['a']);
    expect(lookup(items, BY_NAMESPACE, ['a'])).toBe(first);
    // selecting() files its index per array: with the same array it is filed once.
    let filed = 0;
    const selectorOf = (item: { name: string }) => {
      filed += 1;
      return { matchLabels: { app: item.name } };
    };
    selecting(first, selectorOf, { app: 'one' });
    const afterFirst = filed;
    selecting(lookup(items, BY_NAMESPACE, ['a']), selectorOf, { app: 'one' });
    // The second call only checks its one candidate, it does not file both items again.
    expect(filed - afterFirst).toBe(1);
  });
});
