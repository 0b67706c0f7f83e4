import { FactHandover } from './FactHandover';
import type { CollectedFact } from './FactSource';

const facts = (count: number, from = 0): CollectedFact[] =>
  Array.from({ length: count }, (_, i) => ({
    entityRef: `component:default/svc-${from + i}`,
    name: 'test.fact',
    value: from + i,
  }));

describe('FactHandover', () => {
  it('hands facts over once a part is full and keeps the rest for the outcome', async () => {
    const parts: CollectedFact[][] = [];
    const handover = new FactHandover(async part => {
      parts.push(part);
    }, 3);
    await handover.add(facts(2));
    expect(parts).toEqual([]);
    await handover.add(facts(2, 2)); // 4 pending: one part of all four
    await handover.add(facts(1, 4));
    expect(parts.map(p => p.length)).toEqual([4]);
    expect(handover.rest().map(f => f.value)).toEqual([4]);
    expect(handover.rest()).toEqual([]);
  });
});
