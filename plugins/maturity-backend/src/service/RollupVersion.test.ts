import { RollupVersion } from './RollupVersion';

/** A rollup store whose answers the test releases one by one. */
function slowStore() {
  const pending: ((value: string) => void)[] = [];
  return {
    reads: () => pending.length,
    answer: (value: string) => pending.shift()!(value),
    latestComputedAt: () =>
      new Promise<string | null>(resolve => pending.push(resolve)),
  };
}

describe('RollupVersion', () => {
  it('reads the version once for every caller within the trusted time', async () => {
    const store = slowStore();
    const version = new RollupVersion(store, 60_000);
    const first = version.current();
    const second = version.current();
    expect(store.reads()).toBe(1);
    store.answer('v1');
    await expect(Promise.all([first, second])).resolves.toEqual(['v1', 'v1']);
    await expect(version.current()).resolves.toBe('v1');
    expect(store.reads()).toBe(0);
  });

  it('reads again once the trusted time has passed', async () => {
    const store = slowStore();
    const version = new RollupVersion(store, 0);
    const first = version.current();
    store.answer('v1');
    await first;
    const second = version.current();
    expect(store.reads()).toBe(1);
    store.answer('v2');
    await expect(second).resolves.toBe('v2');
  });

  it('after this process stored rollups, never trusts a read that started before', async () => {
    const store = slowStore();
    const version = new RollupVersion(store, 60_000);
    const before = version.current();
    version.forget();
    const after = version.current();
    expect(store.reads()).toBe(2);
    store.answer('old');
    store.answer('new');
    await expect(before).resolves.toBe('old');
    await expect(after).resolves.toBe('new');
    await expect(version.current()).resolves.toBe('new');
    expect(store.reads()).toBe(0);
  });
});
