import { collectAllFacts, type CollectedFactRecord } from './FactHandover';
import { FactHandover } from './FactHandover';
import type { CollectedFact, MaturityFactSource } from './FactSource';

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

describe('collectAllFacts', () => {
  const context = {
    entities: [],
    logger: {} as any,
    signal: new AbortController().signal,
    now: new Date(),
  };
  /** Re-observes a and b, and hands over facts for whichever of them is missing. */
  const source: MaturityFactSource = {
    id: 'test',
    async collect({ reobserveFacts, storeFacts }) {
      const missing = await reobserveFacts([
        'component:default/svc-0',
        'component:default/svc-1',
      ]);
      await storeFacts(facts(2).filter(f => missing.includes(f.entityRef)));
      return { facts: [], requests: missing.length, errors: [] };
    },
  };

  it('answers every entity as missing when nothing is stored', async () => {
    const outcome = await collectAllFacts(source, context);
    expect(outcome).toMatchObject({ requests: 2, reobserved: 0, handovers: 1 });
    expect(outcome.facts).toEqual(facts(2));
  });

  it('re-observes what an earlier run with the same record handed over', async () => {
    const record: CollectedFactRecord = new Map();
    await collectAllFacts(source, context, record);
    const second = await collectAllFacts(source, context, record);
    expect(second).toMatchObject({ requests: 0, reobserved: 2 });
    // The re-observed facts are the run's, with the values last handed over.
    expect(second.facts).toEqual(facts(2));
  });
});
