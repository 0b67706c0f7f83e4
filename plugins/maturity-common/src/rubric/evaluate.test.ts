import type { Fact } from '../types';
import type { CheckDefinition } from './CheckDefinition';
import { evaluateCheckAsync, evaluateCheckSettled } from './evaluate';
import { FactEvidence, FactUnavailableError } from './facts';

const now = new Date('2026-11-21T12:00:00Z');
const facts = new Map<string, Fact>([
  [
    'catalog.lifecycle',
    {
      entityRef: 'component:default/a',
      name: 'catalog.lifecycle',
      value: 'production',
      source: 'catalog',
      observedAt: '2026-11-21T11:00:00Z',
    },
  ],
]);
const options = { facts, now, staleAfterMs: 86_400_000 };

function check(rule: CheckDefinition['rule']): CheckDefinition {
  return {
    id: 'c',
    title: 'C',
    level: 1,
    dimension: 'business',
    lens: 'reliability',
    required: false,
    weight: 1,
    hint: '',
    sources: ['catalog'],
    facts: ['catalog.lifecycle'],
    rule,
  } as unknown as CheckDefinition;
}

describe('evaluateCheckSettled', () => {
  it('answers a synchronous rule at once, with the facts it read', () => {
    const result = evaluateCheckSettled(
      check(({ facts: f }) => ({
        state: f.get('catalog.lifecycle') === 'production' ? 'pass' : 'fail',
        reason: 'lifecycle',
      })),
      options,
    );
    expect(result).not.toBeInstanceOf(Promise);
    expect(result).toMatchObject({
      state: 'pass',
      evidence: [{ fact: 'catalog.lifecycle', value: 'production' }],
    });
  });

  it('lists each fact once in the evidence, in the order first read, however often it is read', () => {
    const result = evaluateCheckSettled(
      check(({ facts: f }) => {
        f.find('catalog.system');
        f.get('catalog.lifecycle');
        f.find('catalog.lifecycle');
        f.find('catalog.system');
        return { state: 'pass', reason: 'read twice' };
      }),
      { ...options, evidence: new FactEvidence(options) },
    );
    expect(
      (result as Exclude<typeof result, Promise<unknown>>).evidence.map(
        e => e.fact,
      ),
    ).toEqual(['catalog.system', 'catalog.lifecycle']);
  });

  it('answers an asynchronous rule with a promise, and a rejection as unknown', async () => {
    const passing = evaluateCheckSettled(
      check(async () => ({ state: 'pass', reason: 'ok' })),
      options,
    );
    expect(passing).toBeInstanceOf(Promise);
    await expect(passing).resolves.toMatchObject({ state: 'pass' });
    await expect(
      evaluateCheckAsync(
        check(async () => {
          throw new Error('boom');
        }),
        options,
      ),
    ).resolves.toMatchObject({
      state: 'unknown',
      reason: 'The check could not be evaluated: boom',
    });
  });

  it('turns a missing fact into unknown with the reason, without a stack trace', () => {
    let thrown: unknown;
    const result = evaluateCheckSettled(
      check(({ facts: f }) => {
        try {
          f.get('github.repository');
        } catch (error) {
          thrown = error;
          throw error;
        }
        return { state: 'pass', reason: 'never' };
      }),
      options,
    );
    expect(result).toMatchObject({
      state: 'unknown',
      reason: 'Fact github.repository has not been collected',
    });
    expect(thrown).toBeInstanceOf(FactUnavailableError);
    expect((thrown as Error).stack).not.toMatch(/\n\s+at /);
    // Other errors keep their stacks.
    expect(new Error('x').stack).toMatch(/\n\s+at /);
  });
});

describe('FactEvidence', () => {
  /** The entity's facts, counting how often each is looked up. */
  function countingFacts() {
    const lookups = new Map<string, number>();
    const counted = new (class extends Map<string, Fact> {
      get(name: string) {
        lookups.set(name, (lookups.get(name) ?? 0) + 1);
        return super.get(name);
      }
    })(facts);
    return { counted, lookups };
  }
  const readsLifecycle = check(({ facts: f }) => ({
    state: f.get('catalog.lifecycle') === 'production' ? 'pass' : 'fail',
    reason: 'lifecycle',
  }));

  it('works each fact out once for all the checks of an evaluation', () => {
    const { counted, lookups } = countingFacts();
    const shared = { ...options, facts: counted };
    const evidence = new FactEvidence(shared);
    const first = evaluateCheckSettled(readsLifecycle, { ...shared, evidence });
    const second = evaluateCheckSettled(readsLifecycle, {
      ...shared,
      evidence,
    });
    expect(lookups.get('catalog.lifecycle')).toBe(1);
    expect(first).toEqual(second);

    // Without a shared table each check looks again.
    evaluateCheckSettled(readsLifecycle, shared);
    expect(lookups.get('catalog.lifecycle')).toBe(2);
  });

  it('describes usable, stale and missing facts', () => {
    const evidence = new FactEvidence({ ...options, staleAfterMs: 1_800_000 });
    expect(new FactEvidence(options).of('catalog.lifecycle')).toEqual({
      fact: 'catalog.lifecycle',
      value: 'production',
      source: 'catalog',
      observedAt: '2026-11-21T11:00:00Z',
      stale: false,
    });
    expect(evidence.of('catalog.lifecycle')).toMatchObject({
      stale: true,
      problem:
        'fact catalog.lifecycle is stale: last observed 2026-11-21T11:00:00Z by catalog',
    });
    expect(evidence.of('github.repository')).toMatchObject({
      value: null,
      source: null,
      problem: 'fact github.repository has not been collected',
    });
  });
});
