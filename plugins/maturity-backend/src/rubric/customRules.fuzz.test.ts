import { ConfigReader } from '@backstage/config';
import {
  CATALOG_FACTS,
  defaultChecks,
  evaluateCheckAsync,
  type Fact,
} from '@maturity/plugin-maturity-common';
import fc from 'fast-check';
import { readMaturityConfig } from '../config/readMaturityConfig';
import { buildRubric } from './buildRubric';

const NOW = new Date('2026-11-21T12:00:00Z');
const FACT_NAMES = [
  CATALOG_FACTS.annotations,
  CATALOG_FACTS.linkTypes,
  CATALOG_FACTS.owner,
  'catalog.nope',
  '__proto__',
  'constructor',
];
const OPERATORS = [
  'equal',
  'notEqual',
  'in',
  'contains',
  'greaterThan',
  'someValue:equal',
  'not:contains',
  'eval',
  'constructor',
  '__proto__',
  'toString',
];
const VALID_FACTS = [
  CATALOG_FACTS.annotations,
  CATALOG_FACTS.linkTypes,
  CATALOG_FACTS.owner,
];
const VALID_OPERATORS = [
  'equal',
  'notEqual',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
  'greaterThan',
  'lessThanInclusive',
  'someValue:equal',
  'not:contains',
];
const PATHS = [
  undefined,
  '$.a',
  "$['maturity/tier']",
  '$[0]',
  '$..*',
  '$[?(@.x)]',
  '$.__proto__.polluted',
  "$['constructor']['prototype']",
  '$.constructor.prototype',
];

// Mostly well-formed, so evaluation is exercised; sometimes hostile, so refusal is too.
const leaf = fc.record({
  fact: fc.oneof(
    { arbitrary: fc.constantFrom(...VALID_FACTS), weight: 8 },
    { arbitrary: fc.constantFrom(...FACT_NAMES), weight: 1 },
    { arbitrary: fc.string({ maxLength: 12 }), weight: 1 },
  ),
  operator: fc.oneof(
    { arbitrary: fc.constantFrom(...VALID_OPERATORS), weight: 8 },
    { arbitrary: fc.constantFrom(...OPERATORS), weight: 1 },
    { arbitrary: fc.string({ maxLength: 12 }), weight: 1 },
  ),
  value: fc.jsonValue({ maxDepth: 3 }),
  path: fc.oneof(
    {
      arbitrary: fc.constantFrom(
        undefined,
        '$.a',
        "$['maturity/tier']",
        '$[0]',
      ),
      weight: 6,
    },
    { arbitrary: fc.constantFrom(...PATHS), weight: 1 },
  ),
});
const { condition } = fc.letrec(tie => ({
  condition: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.record({
      all: fc.array(tie('condition'), { minLength: 1, maxLength: 3 }),
    }),
    fc.record({
      any: fc.array(tie('condition'), { minLength: 1, maxLength: 3 }),
    }),
    fc.record({ not: tie('condition') }),
  ),
}));

function factsFor(values: Record<string, unknown>): Map<string, Fact> {
  return new Map(
    Object.entries(values).map(([name, value]) => [
      name,
      {
        entityRef: 'component:default/a',
        name,
        value: value as Fact['value'],
        source: 'catalog',
        observedAt: NOW.toISOString(),
      },
    ]),
  );
}

describe('custom rules from config, fuzzed', () => {
  it('are rejected with a config error or evaluate quickly, never running code or touching prototypes', async () => {
    const prototypeKeys = Object.getOwnPropertyNames(Object.prototype)
      .sort()
      .join();
    let evaluated = 0;
    await expect(
      fc.assert(
        fc.asyncProperty(
          condition,
          fc.jsonValue({ maxDepth: 3 }),
          async (rule, annotations) => {
            let rubric;
            try {
              rubric = buildRubric({
                checks: defaultChecks,
                sources: [],
                config: readMaturityConfig(
                  // Config arrives as JSON: no undefined values, no functions.
                  new ConfigReader(
                    JSON.parse(
                      JSON.stringify({
                        maturity: {
                          customChecks: [
                            {
                              id: 'fuzz',
                              title: 'Fuzz',
                              level: 2,
                              dimension: 'process',
                              rule,
                            },
                          ],
                        },
                      }),
                    ),
                  ),
                ),
              }).rubric;
            } catch (error) {
              // Refused at start-up, and the message says where.
              const message = (error as Error).message;
              if (!/^Invalid config at 'maturity\.customChecks/.test(message)) {
                throw new Error(`Refused without naming the key: ${message}`);
              }
              return;
            }
            evaluated += 1;
            const started = Date.now();
            const result = await evaluateCheckAsync(rubric.get('fuzz')!, {
              now: NOW,
              staleAfterMs: 86_400_000,
              facts: factsFor({
                [CATALOG_FACTS.annotations]: annotations,
                [CATALOG_FACTS.linkTypes]: ['dashboard'],
                [CATALOG_FACTS.owner]: {
                  ref: 'group:default/t',
                  memberCount: 2,
                },
              }),
            });
            expect(Date.now() - started).toBeLessThan(200);
            expect(['pass', 'fail', 'unknown']).toContain(result.state);
            expect(
              Object.getOwnPropertyNames(Object.prototype).sort().join(),
            ).toBe(prototypeKeys);
            expect(({} as any).polluted).toBeUndefined();
          },
        ),
        { numRuns: 1000 },
      ),
    ).resolves.toBeUndefined();
    // The generator must exercise evaluation, not only the config checks.
    expect(evaluated).toBeGreaterThan(100);
  });
});
