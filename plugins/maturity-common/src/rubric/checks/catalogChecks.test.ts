import type { JsonValue } from '@backstage/types';
import type { Fact } from '../../types';
import { evaluateCheck } from '../evaluate';
import { CATALOG_FACTS } from '../catalogFacts';
import { catalogChecks } from './catalogChecks';

const NOW = new Date('2026-11-21T12:00:00Z');
const DAY = 86_400_000;

const wellKept: Record<string, JsonValue> = {
  [CATALOG_FACTS.owner]: {
    ref: 'group:default/shipments',
    kind: 'group',
    resolved: true,
    memberCount: 3,
  },
  [CATALOG_FACTS.type]: 'service',
  [CATALOG_FACTS.lifecycle]: 'production',
  [CATALOG_FACTS.system]: 'system:default/shipment-tracking',
  [CATALOG_FACTS.annotations]: {
    'github.com/project-slug': 'acme/shipments-api',
    'grafana/dashboard-selector': "tags @> 'svc:shipments-api'",
    'backstage.io/source-template': 'template:default/springboot-service',
    'backstage.io/techdocs-ref': 'dir:.',
  },
  [CATALOG_FACTS.linkTypes]: ['runbook'],
  [CATALOG_FACTS.providedApis]: [
    { ref: 'api:default/shipments-rest', hasDefinition: true },
  ],
  'github.docsLastChangedAt': new Date(NOW.getTime() - 10 * DAY).toISOString(),
};

function run(
  checkId: string,
  overrides: Record<string, JsonValue | undefined> = {},
  ageMs = 0,
) {
  const values = { ...wellKept, ...overrides };
  const facts = new Map<string, Fact>();
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) continue;
    facts.set(name, {
      entityRef: 'component:default/x',
      name,
      value,
      source: name.split('.')[0],
      observedAt: new Date(NOW.getTime() - ageMs).toISOString(),
    });
  }
  const check = catalogChecks.find(c => c.id === checkId)!;
  return evaluateCheck(check, { facts, now: NOW, staleAfterMs: DAY });
}

describe('catalog checks', () => {
  it.each(catalogChecks.map(c => c.id))(
    '%s passes for a well-kept service',
    id => {
      expect(run(id).state).toBe('pass');
    },
  );

  it.each`
    id                        | overrides                                                                                                         | reason
    ${'owner-defined'}        | ${{ [CATALOG_FACTS.owner]: { ref: 'group:default/legacy-ops', kind: null, resolved: false, memberCount: null } }} | ${/legacy-ops is not in the catalog/}
    ${'owner-defined'}        | ${{ [CATALOG_FACTS.owner]: { ref: 'user:default/jane', kind: 'user', resolved: true, memberCount: null } }}       | ${/is a user, not a Group/}
    ${'owner-defined'}        | ${{ [CATALOG_FACTS.system]: null, [CATALOG_FACTS.lifecycle]: null }}                                              | ${/no spec.lifecycle; no spec.system/i}
    ${'repo-linked'}          | ${{ [CATALOG_FACTS.annotations]: {} }}                                                                            | ${/github.com\/project-slug/}
    ${'owner-is-team'}        | ${{ [CATALOG_FACTS.owner]: { ref: 'group:default/ml', kind: 'group', resolved: true, memberCount: 1 } }}          | ${/has 1 member; at least 2 needed/}
    ${'dashboards-linked'}    | ${{ [CATALOG_FACTS.annotations]: {} }}                                                                            | ${/No dashboard/}
    ${'apis-declared'}        | ${{ [CATALOG_FACTS.providedApis]: [] }}                                                                           | ${/Provides no API/}
    ${'apis-declared'}        | ${{ [CATALOG_FACTS.providedApis]: [{ ref: 'api:default/a', hasDefinition: false }] }}                             | ${/api:default\/a has no definition/}
    ${'self-service-created'} | ${{ [CATALOG_FACTS.annotations]: {} }}                                                                            | ${/source-template/}
    ${'docs-with-code'}       | ${{ [CATALOG_FACTS.annotations]: {} }}                                                                            | ${/techdocs-ref/}
    ${'docs-with-code'}       | ${{ 'github.docsLastChangedAt': '2025-01-01T00:00:00Z' }}                                                         | ${/more than 180/}
  `('$id fails with a reason ($reason)', ({ id, overrides, reason }) => {
    const result = run(id, overrides);
    expect(result.state).toBe('fail');
    expect(result.reason).toMatch(reason);
  });

  it('a dashboard link of type dashboard is enough', () => {
    expect(
      run('dashboards-linked', {
        [CATALOG_FACTS.annotations]: {},
        [CATALOG_FACTS.linkTypes]: ['dashboard'],
      }).state,
    ).toBe('pass');
  });

  it('libraries are exempt from apis-declared', () => {
    expect(
      run('apis-declared', {
        [CATALOG_FACTS.type]: 'library',
        [CATALOG_FACTS.providedApis]: [],
      }).state,
    ).toBe('not-applicable');
  });

  it('docs-with-code is unknown, not pass, while GitHub has not been observed', () => {
    const result = run('docs-with-code', {
      'github.docsLastChangedAt': undefined,
    });
    expect(result.state).toBe('unknown');
    expect(result.reason).toMatch(/not been observed from GitHub/);
  });

  it.each(catalogChecks.map(c => c.id))(
    '%s is unknown when its facts are stale',
    id => {
      const result = run(id, {}, 2 * DAY);
      expect(result.state).toBe('unknown');
      expect(result.reason).toMatch(/stale/);
      expect(result.evidence.some(e => e.stale)).toBe(true);
    },
  );

  it.each(catalogChecks.map(c => c.id))(
    '%s is unknown when the catalog facts were never collected',
    id => {
      const result = run(
        id,
        Object.fromEntries(Object.keys(wellKept).map(k => [k, undefined])),
      );
      expect(result.state).toBe('unknown');
      expect(result.reason).toMatch(/has not been collected/);
    },
  );

  it('records the facts a check read as evidence', () => {
    const result = run('owner-is-team');
    expect(result.evidence).toEqual([
      {
        fact: CATALOG_FACTS.owner,
        value: wellKept[CATALOG_FACTS.owner],
        source: 'catalog',
        observedAt: NOW.toISOString(),
        stale: false,
      },
    ]);
  });
});
