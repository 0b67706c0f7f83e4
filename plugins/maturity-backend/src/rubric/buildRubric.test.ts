import { ConfigReader } from '@backstage/config';
import {
  CATALOG_FACTS,
  defaultChecks,
  evaluateCheckAsync,
  type Fact,
} from '@maturity/plugin-maturity-common';
import { readMaturityConfig } from '../config/readMaturityConfig';
import { buildRubric } from './buildRubric';

function build(maturity: object, factNames: string[] = []) {
  const config = readMaturityConfig(new ConfigReader({ maturity }));
  return buildRubric({
    checks: defaultChecks,
    sources: [
      {
        id: 'extra',
        factNames,
      },
    ],
    config,
  });
}

const NOW = new Date('2026-11-21T12:00:00Z');
function facts(values: Record<string, unknown>): Map<string, Fact> {
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

const runbookCheck = {
  id: 'runbook-link',
  title: 'Runbook linked',
  level: 3,
  dimension: 'process',
  rule: {
    all: [
      { fact: CATALOG_FACTS.linkTypes, operator: 'contains', value: 'runbook' },
    ],
  },
};

describe('buildRubric', () => {
  it('has every check of the rubric by default', () => {
    expect(build({}).rubric.checks).toHaveLength(42);
  });

  it('disables, moves, re-weighs and re-parameterises checks', () => {
    const { rubric } = build({
      checks: {
        'mesh-mtls': { enabled: false },
        'prod-approval-gate': { level: 3, required: true },
        'ci-green': { weight: 2, params: { window: 20 } },
      },
    });
    expect(rubric.get('mesh-mtls')).toBeUndefined();
    expect(rubric.get('prod-approval-gate')).toMatchObject({
      level: 3,
      required: true,
    });
    expect(rubric.get('ci-green')).toMatchObject({
      weight: 2,
      params: { window: 20, minSuccessRatio: 0.8 },
    });
  });

  it('changes its version when config changes', () => {
    expect(build({}).rubric.version).toBe(build({}).rubric.version);
    expect(
      build({ checks: { 'ci-green': { weight: 2 } } }).rubric.version,
    ).not.toBe(build({}).rubric.version);
  });

  it.each`
    case                            | maturity                                                                                                                                           | message
    ${'unknown check id'}           | ${{ checks: { 'ci-grene': { weight: 2 } } }}                                                                                                       | ${/'maturity.checks.ci-grene': unknown check id 'ci-grene'/}
    ${'unknown parameter'}          | ${{ checks: { 'ci-green': { params: { windw: 3 } } } }}                                                                                            | ${/'maturity.checks.ci-green.params.windw': unknown parameter; ci-green has window, minSuccessRatio/}
    ${'level outside 1–5'}          | ${{ checks: { 'ci-green': { level: 6 } } }}                                                                                                        | ${/'maturity.checks.ci-green.level': must be a level from 1 to 5/}
    ${'unknown key in an override'} | ${{ checks: { 'ci-green': { levle: 2 } } }}                                                                                                        | ${/'maturity.checks.ci-green': unknown key 'levle'/}
    ${'custom level outside 1–5'}   | ${{ customChecks: [{ ...runbookCheck, level: 0 }] }}                                                                                               | ${/'maturity.customChecks.0.level': must be a level from 1 to 5/}
    ${'unknown operator'}           | ${{ customChecks: [{ ...runbookCheck, rule: { all: [{ fact: CATALOG_FACTS.linkTypes, operator: 'matches', value: 'x' }] } }] }}                    | ${/'maturity.customChecks\[0\].rule.all\[0\].operator': unknown operator 'matches'/}
    ${'unknown fact'}               | ${{ customChecks: [{ ...runbookCheck, rule: { any: [{ fact: 'catalog.linkTypez', operator: 'contains', value: 'x' }] } }] }}                       | ${/'maturity.customChecks\[0\].rule.any\[0\].fact': unknown fact 'catalog.linkTypez'/}
    ${'a script path'}              | ${{ customChecks: [{ ...runbookCheck, rule: { all: [{ fact: CATALOG_FACTS.annotations, path: '$..[?(@.x)]', operator: 'equal', value: 1 }] } }] }} | ${/path.*must be a plain path/}
    ${'custom id clash'}            | ${{ customChecks: [{ ...runbookCheck, id: 'ci-green' }] }}                                                                                         | ${/'maturity.customChecks\[0\].id': 'ci-green' is already a check/}
    ${'waiver for unknown check'}   | ${{ waivers: [{ check: 'nope', entity: 'component:default/a', reason: 'r', expires: '2027-01-01', approvedBy: 'group:default/p' }] }}              | ${/'maturity.waivers\[0\].check': unknown check id 'nope'/}
    ${'waiver with a bad date'}     | ${{ waivers: [{ check: 'pdb', entity: 'component:default/a', reason: 'r', expires: 'someday', approvedBy: 'group:default/p' }] }}                  | ${/'maturity.waivers.0.expires': must be a date/}
    ${'waiver without reason'}      | ${{ waivers: [{ check: 'pdb', entity: 'component:default/a', expires: '2027-01-01', approvedBy: 'group:default/p' }] }}                            | ${/'maturity.waivers.0.reason'/}
  `('stops at start-up on $case', ({ maturity, message }) => {
    expect(() => build(maturity)).toThrow(message);
  });

  it('accepts facts declared by a module source', () => {
    const custom = {
      ...runbookCheck,
      rule: {
        all: [{ fact: 'extra.score', operator: 'greaterThan', value: 3 }],
      },
    };
    expect(() => build({ customChecks: [custom] })).toThrow(
      /unknown fact 'extra.score'/,
    );
    expect(
      build({ customChecks: [custom] }, ['extra.score']).rubric.get(
        'runbook-link',
      ),
    ).toBeDefined();
  });

  describe('a custom check', () => {
    const check = build({
      customChecks: [
        runbookCheck,
        {
          ...runbookCheck,
          id: 'tier-one',
          rule: {
            fact: CATALOG_FACTS.annotations,
            path: "$['maturity/tier']",
            operator: 'equal',
            value: 'tier-1',
          },
        },
      ],
    }).rubric;

    it('passes and fails through json-rules-engine, with the failing condition as reason', async () => {
      const options = { now: NOW, staleAfterMs: 86_400_000 };
      const passing = await evaluateCheckAsync(check.get('runbook-link')!, {
        ...options,
        facts: facts({ [CATALOG_FACTS.linkTypes]: ['runbook', 'dashboard'] }),
      });
      expect(passing.state).toBe('pass');
      const failing = await evaluateCheckAsync(check.get('runbook-link')!, {
        ...options,
        facts: facts({ [CATALOG_FACTS.linkTypes]: ['dashboard'] }),
      });
      expect(failing).toMatchObject({
        state: 'fail',
        reason:
          'Not met: catalog.linkTypes contains "runbook" (found ["dashboard"])',
      });
    });

    it('is unknown when its fact is missing', async () => {
      const result = await evaluateCheckAsync(check.get('runbook-link')!, {
        now: NOW,
        staleAfterMs: 1,
        facts: new Map(),
      });
      expect(result).toMatchObject({
        state: 'unknown',
        reason: 'Fact catalog.linkTypes has not been collected',
      });
    });

    it('resolves plain paths itself', async () => {
      const result = await evaluateCheckAsync(check.get('tier-one')!, {
        now: NOW,
        staleAfterMs: 86_400_000,
        facts: facts({
          [CATALOG_FACTS.annotations]: { 'maturity/tier': 'tier-1' },
        }),
      });
      expect(result.state).toBe('pass');
    });
  });
});
