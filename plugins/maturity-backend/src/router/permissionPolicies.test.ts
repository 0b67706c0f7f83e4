/*
 * Every route × three permission policies: what the caller may not see is never returned,
 * listed, counted or exported, and what they may see still is.
 *
 * Where the policies act, as in a real Backstage:
 * - The policy is a real `PermissionPolicy`. The permission framework only passes it the
 *   permission, never the entity, so a policy that limits catalog reads entity by entity
 *   answers CONDITIONAL with catalog rule conditions (`IS_ENTITY_OWNER`, `IS_ENTITY_KIND`,
 *   `HAS_METADATA`, built here the way `catalogConditions` builds them).
 * - "Owner only" limits Components (what the plugin scores) and leaves other kinds readable,
 *   so the group views stay reachable and their counts can be checked.
 * - The catalog applies that decision to every read made on a user's behalf (fake catalog
 *   below, using the framework's `createConditionAuthorizer` over the catalog's rules).
 *   Service principals (the collector) see everything, as `ServerPermissionClient` allows
 *   them everything.
 * - The plugin learns what the caller may see in two places: the scorecard, history and
 *   refresh routes ask the catalog for the entity with the caller's credentials (404 when it
 *   is hidden, like one that does not exist); VisibilityService asks the permissions service
 *   for catalog read and, when the answer is CONDITIONAL, lists the Components through the
 *   catalog with the caller's credentials. Its per-caller cache is why each policy gets its
 *   own backend.
 *
 * Expected figures come from what a service principal (who sees everything) gets, cut down
 * to the entities the caller may see. The list of routes comes from the router itself, so a
 * new route without an entry in `routeCases` fails the first test.
 *
 * GET /sources: a test source records, like the GitHub source does, an error naming a
 * repository per Component; a caller who may not see everything must not read those names.
 */
import {
  coreServices,
  createServiceFactory,
  type BackstageCredentials,
  type BackstageUserPrincipal,
  type PermissionsService,
} from '@backstage/backend-plugin-api';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import {
  mockCredentials,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  parseEntityRef,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogEntityPermissionResourceRef } from '@backstage/plugin-catalog-node/alpha';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  AuthorizeResult,
  isPermission,
  isResourcePermission,
  type Permission,
  type PolicyDecision,
  type ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  createConditionAuthorizer,
  createConditionExports,
  createPermissionRule,
  type PermissionPolicy,
} from '@backstage/plugin-permission-node';
import type {
  EntityScorecard,
  GroupResponse,
  RollupResponse,
  RubricResponse,
} from '@maturity/plugin-maturity-common';
import request from 'supertest';
import { fixtureEntities } from '../__testUtils__/fixtures';
import { listRoutes } from '../__testUtils__/listRoutes';
import { maturityPlugin } from '../plugin';
import {
  collectAtOnceConfig,
  sourceModule,
} from '../__testUtils__/testBackend';

jest.setTimeout(120_000);

const ADA = 'user:default/ada'; // member of payments
const CY = 'user:default/cy'; // member of solo
const PAYMENTS_API = 'component:default/payments-api'; // owned by group payments
const OPS_SCRIPTS = 'component:default/ops-scripts'; // owned by user cy
const ROUTE_PLANNER = 'component:default/route-planner'; // owned by group solo
const COMPONENTS = [PAYMENTS_API, OPS_SCRIPTS, ROUTE_PLANNER];
const GROUPS = ['group:default/payments', 'group:default/solo'];

// --- The catalog's permission rules and conditions, as the catalog backend defines them.

const isEntityOwner = createPermissionRule<
  typeof catalogEntityPermissionResourceRef,
  { claims: string[] }
>({
  name: 'IS_ENTITY_OWNER',
  description: 'Allow entities owned by a specified claim',
  resourceRef: catalogEntityPermissionResourceRef,
  apply: (entity, { claims }) =>
    (entity.relations ?? []).some(
      r => r.type === 'ownedBy' && claims.includes(r.targetRef),
    ),
  toQuery: ({ claims }) => ({ key: 'relations.ownedBy', values: claims }),
});
const isEntityKind = createPermissionRule<
  typeof catalogEntityPermissionResourceRef,
  { kinds: string[] }
>({
  name: 'IS_ENTITY_KIND',
  description: 'Allow entities matching a specified kind',
  resourceRef: catalogEntityPermissionResourceRef,
  apply: (entity, { kinds }) =>
    kinds.some(k => k.toLowerCase() === entity.kind.toLowerCase()),
  toQuery: ({ kinds }) => ({
    key: 'kind',
    values: kinds.map(k => k.toLowerCase()),
  }),
});
const hasMetadata = createPermissionRule<
  typeof catalogEntityPermissionResourceRef,
  { key: string; value: string }
>({
  name: 'HAS_METADATA',
  description: 'Allow entities with the specified metadata subfield',
  resourceRef: catalogEntityPermissionResourceRef,
  apply: (entity, { key, value }) =>
    String(entity.metadata[key] ?? '').toLowerCase() === value.toLowerCase(),
  toQuery: ({ key, value }) => ({ key: `metadata.${key}`, values: [value] }),
});
const catalogRules = { isEntityOwner, isEntityKind, hasMetadata };
const { conditions: catalogConditions, createConditionalDecision } =
  createConditionExports({
    resourceRef: catalogEntityPermissionResourceRef,
    rules: catalogRules,
  });
const mayRead = createConditionAuthorizer<Entity>({
  getRuleByName: name =>
    Object.values(catalogRules).find(rule => rule.name === name)! as any,
});

// --- The three policies.

const isCatalogRead = (
  permission: Permission,
): permission is ResourcePermission<'catalog-entity'> =>
  isPermission(permission, catalogEntityReadPermission) &&
  isResourcePermission(permission, 'catalog-entity');

const allowAll: PermissionPolicy = {
  handle: async () => ({ result: AuthorizeResult.ALLOW }),
};

/** Reading that one Component is denied; everything else is allowed. */
const denyOne = (entityRef: string): PermissionPolicy => ({
  handle: async ({ permission }) => {
    if (!isCatalogRead(permission)) return { result: AuthorizeResult.ALLOW };
    const { kind, namespace, name } = parseEntityRef(entityRef);
    return createConditionalDecision(permission, {
      not: {
        allOf: [
          catalogConditions.isEntityKind({ kinds: [kind] }),
          catalogConditions.hasMetadata({ key: 'namespace', value: namespace }),
          catalogConditions.hasMetadata({ key: 'name', value: name }),
        ],
      },
    });
  },
});

/** Components only for their owners (the user or one of their groups); other kinds open. */
const ownerOnly: PermissionPolicy = {
  handle: async ({ permission }, user) => {
    if (!isCatalogRead(permission)) return { result: AuthorizeResult.ALLOW };
    return createConditionalDecision(permission, {
      anyOf: [
        catalogConditions.isEntityOwner({
          claims: user?.info.ownershipEntityRefs ?? [],
        }),
        { not: catalogConditions.isEntityKind({ kinds: ['Component'] }) },
      ],
    });
  },
};

const policies: {
  name: string;
  policy: PermissionPolicy;
  callers: { caller: string; sees: string[] }[];
}[] = [
  {
    name: 'allow all',
    policy: allowAll,
    callers: [{ caller: ADA, sees: COMPONENTS }],
  },
  {
    name: 'deny one entity',
    policy: denyOne(ROUTE_PLANNER),
    callers: [{ caller: ADA, sees: [PAYMENTS_API, OPS_SCRIPTS] }],
  },
  {
    name: 'owner only (conditional)',
    policy: ownerOnly,
    callers: [
      { caller: ADA, sees: [PAYMENTS_API] },
      { caller: CY, sees: [OPS_SCRIPTS, ROUTE_PLANNER] },
    ],
  },
];

// --- The catalog and permissions services, deciding with the policy.

/** The fixtures as the catalog serves them: ownedBy relations stitched from spec.owner. */
const catalogEntities: Entity[] = fixtureEntities.map(entity => {
  const owner = entity.spec?.owner;
  if (typeof owner !== 'string' || entity.relations?.length) return entity;
  const targetRef = stringifyEntityRef(
    parseEntityRef(owner, {
      defaultKind: 'group',
      defaultNamespace: 'default',
    }),
  );
  return { ...entity, relations: [{ type: 'ownedBy', targetRef }] };
});
const refOf = (entity: Entity) => stringifyEntityRef(entity).toLowerCase();

/** The caller's identity as the policy receives it: the user and the groups they are in. */
function policyUser(credentials: BackstageCredentials) {
  const { userEntityRef } = credentials.principal as BackstageUserPrincipal;
  const groups = catalogEntities.filter(e =>
    e.relations?.some(
      r => r.type === 'hasMember' && r.targetRef === userEntityRef,
    ),
  );
  return {
    credentials,
    info: {
      userEntityRef,
      ownershipEntityRefs: [userEntityRef, ...groups.map(refOf)],
    },
  };
}

async function decide(
  policy: PermissionPolicy,
  permission: Permission,
  credentials: BackstageCredentials,
): Promise<PolicyDecision> {
  // ServerPermissionClient allows service principals everything, without asking the policy.
  if ((credentials.principal as { type: string }).type === 'service') {
    return { result: AuthorizeResult.ALLOW };
  }
  return policy.handle({ permission }, policyUser(credentials));
}

function permissionsFactory(policy: PermissionPolicy) {
  const permissions = {
    authorizeConditional: async (queries, { credentials }) =>
      Promise.all(queries.map(q => decide(policy, q.permission, credentials))),
    authorize: async (requests, { credentials }) =>
      Promise.all(
        requests.map(async ({ permission, resourceRef }: any) => {
          const decision = await decide(policy, permission, credentials);
          if (decision.result !== AuthorizeResult.CONDITIONAL) return decision;
          const entity = catalogEntities.find(e => refOf(e) === resourceRef);
          return {
            result: mayRead(decision, entity)
              ? AuthorizeResult.ALLOW
              : AuthorizeResult.DENY,
          };
        }),
      ),
  } as PermissionsService;
  return createServiceFactory({
    service: coreServices.permissions,
    deps: {},
    factory: () => permissions,
  });
}

/** Every read goes to a catalog holding only what the caller may read. */
function catalogFactory(policy: PermissionPolicy) {
  const readable = async (credentials?: BackstageCredentials) => {
    if (!credentials) throw new Error('catalog read without credentials');
    const decision = await decide(
      policy,
      catalogEntityReadPermission,
      credentials,
    );
    return catalogServiceMock({
      entities: catalogEntities.filter(e => mayRead(decision, e)),
    });
  };
  const read =
    (method: string) =>
    async (...args: any[]) => {
      const options = args.find(
        a => a && typeof a === 'object' && 'credentials' in a,
      );
      return ((await readable(options?.credentials)) as any)[method](...args);
    };
  return createServiceFactory({
    service: catalogServiceRef,
    deps: {},
    factory: () =>
      ({
        getEntities: read('getEntities'),
        getEntitiesByRefs: read('getEntitiesByRefs'),
        queryEntities: read('queryEntities'),
        getEntityByRef: read('getEntityByRef'),
        getEntityAncestors: read('getEntityAncestors'),
        getEntityFacets: read('getEntityFacets'),
      } as any),
  });
}

// --- What each route must answer.

const SERVICE = mockCredentials.service.header();
const GHOST = 'component:default/no-such-service';

interface Case {
  call: (method: 'get' | 'post', path: string) => Promise<request.Response>;
  sees: string[];
  hidden: string[];
  restricted: boolean;
  /** What a service principal, who sees everything, gets. */
  truth: Truth;
}

interface Truth {
  scorecards: Map<string, EntityScorecard>;
  /** Each group's services (its own and its sub-groups'), weakest first. */
  groupServices: Map<string, string[]>;
}

const pathOf = (entityRef: string) => {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  return `/entities/${kind.toLowerCase()}/${namespace}/${name}`;
};
const nameOf = (entityRef: string) => parseEntityRef(entityRef).name;
const component = (entityRef: string) =>
  catalogEntities.find(e => refOf(e) === entityRef)!;

/** No hidden entity's name anywhere in the answer. */
function expectNothingHidden(res: request.Response, hidden: string[]) {
  for (const ref of hidden) expect(res.text).not.toContain(nameOf(ref));
}

/** Visible: the entity's own answer. Hidden: exactly what a missing entity gets. */
const entityRoute =
  (method: 'get' | 'post', suffix: string) =>
  async ({ call, sees, hidden }: Case) => {
    for (const ref of sees) {
      const res = await call(method, `${pathOf(ref)}${suffix}`);
      expect({ ref, status: res.status }).toEqual({ ref, status: 200 });
      expect(res.body.entityRef).toBe(ref);
      expectNothingHidden(res, hidden);
    }
    const ghost = await call(method, `${pathOf(GHOST)}${suffix}`);
    expect(ghost.status).toBe(404);
    for (const ref of hidden) {
      const res = await call(method, `${pathOf(ref)}${suffix}`);
      expect({ ref, status: res.status }).toEqual({ ref, status: 404 });
      expect(res.text).toBe(ghost.text.replaceAll(nameOf(GHOST), nameOf(ref)));
    }
  };

/** Rollup queries, with which fixture Components each one covers. */
const rollupQueries: {
  query: string;
  covers: (ref: string, truth: Truth) => boolean;
}[] = [
  { query: '', covers: () => true },
  {
    query: '?lifecycle=production',
    covers: ref => component(ref).spec?.lifecycle === 'production',
  },
  {
    query: '?lifecycle=experimental',
    covers: ref => component(ref).spec?.lifecycle === 'experimental',
  },
  {
    query: '?system=payments-platform',
    covers: ref => component(ref).spec?.system === 'payments-platform',
  },
  {
    query: '?root=group:default/payments',
    covers: (ref, t) => t.groupServices.get(GROUPS[0])!.includes(ref),
  },
  {
    query: '?root=group:default/solo',
    covers: (ref, t) => t.groupServices.get(GROUPS[1])!.includes(ref),
  },
];

/** Failing and unknown counts per check are over the visible services only. */
async function rubricCounts({ call, sees, hidden, truth }: Case) {
  const res = await call('get', '/rubric');
  expect(res.status).toBe(200);
  const count = (refs: string[], checkId: string, state: string) =>
    refs.filter(
      ref =>
        truth.scorecards.get(ref)!.checks.find(c => c.checkId === checkId)
          ?.state === state,
    ).length;
  const expected = (refs: string[]) =>
    (res.body as RubricResponse).checks.map(c => ({
      id: c.id,
      failing: count(refs, c.id, 'fail'),
      unknown: count(refs, c.id, 'unknown'),
    }));
  expect(
    (res.body as RubricResponse).checks.map(({ id, failing, unknown }) => ({
      id,
      failing,
      unknown,
    })),
  ).toEqual(expected(sees));
  // The hidden services do fail or miss checks, so counting them would show.
  if (hidden.length) expect(expected(sees)).not.toEqual(expected(COMPONENTS));
}

/** Each team lists and counts only its visible services. */
async function groupViews({ call, sees, hidden, truth }: Case) {
  for (const groupRef of GROUPS) {
    const res = await call('get', `/groups/default/${nameOf(groupRef)}`);
    expect(res.status).toBe(200);
    const body = res.body as GroupResponse;
    const expected = truth.groupServices
      .get(groupRef)!
      .filter(ref => sees.includes(ref));
    expect({
      groupRef,
      services: body.services.map(s => s.entityRef),
    }).toEqual({ groupRef, services: expected });
    expect(body.group.figures.services).toBe(expected.length);
    expect(body.holdingBack.filter(ref => !expected.includes(ref))).toEqual([]);
    expectNothingHidden(res, hidden);
  }
}

/** The org and every group count only visible services, with or without filters. */
async function orgRollups({ call, sees, hidden, restricted, truth }: Case) {
  for (const { query, covers } of rollupQueries) {
    const res = await call('get', `/rollup${query}`);
    expect(res.status).toBe(200);
    const body = res.body as RollupResponse;
    const counted = sees.filter(ref => covers(ref, truth));
    expect({ query, org: body.org.services }).toEqual({
      query,
      org: counted.length,
    });
    for (const group of body.groups) {
      const inGroup = counted.filter(ref =>
        truth.groupServices.get(group.groupRef)?.includes(ref),
      );
      expect({
        query,
        group: group.groupRef,
        n: group.figures.services,
      }).toEqual({ query, group: group.groupRef, n: inGroup.length });
      // A week-old level would still count the hidden services.
      if (restricted) expect(group.trend).toBeNull();
    }
    expectNothingHidden(res, hidden);
  }
}

/** One row per visible service, with or without filters. */
async function csvExports({ call, sees, hidden, truth }: Case) {
  const filters = rollupQueries.filter(q => !q.query.startsWith('?root'));
  for (const { query, covers } of filters) {
    const res = await call('get', `/export.csv${query}`);
    expect(res.status).toBe(200);
    const rows = res.text.trim().split('\r\n').slice(1);
    expect({
      query,
      refs: rows.map(row => row.split(',')[0]).sort(),
    }).toEqual({
      query,
      refs: sees.filter(ref => covers(ref, truth)).sort(),
    });
    expectNothingHidden(res, hidden);
  }
}

/** Run records name no hidden entity; a caller who sees everything reads the errors. */
async function sourceRuns({ call, hidden, restricted }: Case) {
  const res = await call('get', '/sources');
  expect(res.status).toBe(200);
  // Refresh runs the sources for one entity, so the errors spread over several runs.
  const runs = res.body.runs.filter(
    (r: { source: string }) => r.source === 'repositories',
  );
  expect(runs.length).toBeGreaterThan(0);
  const errors = runs.map((r: { error: string }) => r.error).join('\n');
  if (!restricted)
    for (const ref of COMPONENTS) expect(errors).toContain(nameOf(ref));
  expectNothingHidden(res, hidden);
}

/** A source whose errors name every Component's repository, as the GitHub source's do. */
const errorNamingSource = sourceModule('error-naming-source', {
  id: 'repositories',
  async collect({ entities }) {
    const components = entities.filter(e => e.kind === 'Component');
    return {
      facts: [
        {
          entityRef: stringifyEntityRef(components[0]),
          name: 'test.reachable',
          value: true,
        },
      ],
      requests: 1,
      errors: components.map(
        e => `acme/${e.metadata.name}: repository not found`,
      ),
    };
  },
});

/** What each route must answer. The first test checks these are exactly the router's routes. */
const routeCases: Record<string, (c: Case) => Promise<void>> = {
  'GET /rubric': rubricCounts,
  'GET /entities/{kind}/{namespace}/{name}': entityRoute('get', ''),
  'GET /entities/{kind}/{namespace}/{name}/history': entityRoute(
    'get',
    '/history',
  ),
  'POST /entities/{kind}/{namespace}/{name}/refresh': entityRoute(
    'post',
    '/refresh',
  ),
  'GET /groups/{namespace}/{name}': groupViews,
  'GET /rollup': orgRollups,
  'GET /export.csv': csvExports,
  'GET /sources': sourceRuns,
};

it('has an expectation for every route the router serves', async () => {
  expect(Object.keys(routeCases).sort()).toEqual(await listRoutes());
});

describe.each(policies)('with the "$name" policy', ({ policy, callers }) => {
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  const truth: Truth = { scorecards: new Map(), groupServices: new Map() };
  const as =
    (authorization: string) => (method: 'get' | 'post', path: string) =>
      request(backend.server)
        [method](`/api/maturity${path}`)
        .set('Authorization', authorization);

  beforeAll(async () => {
    backend = await startTestBackend({
      features: [
        maturityPlugin,
        errorNamingSource,
        schedulerServiceFactory,
        catalogFactory(policy),
        permissionsFactory(policy),
        collectAtOnceConfig(),
      ],
    });
    const admin = as(SERVICE);
    for (let i = 0; ; i++) {
      const res = await admin('get', '/rollup');
      if (res.status === 200 && res.body.org.services === COMPONENTS.length) {
        break;
      }
      if (i === 200) throw new Error('no rollup after start-up');
      await new Promise(r => setTimeout(r, 100));
    }
    for (const ref of COMPONENTS) {
      truth.scorecards.set(ref, (await admin('get', pathOf(ref))).body);
    }
    for (const groupRef of GROUPS) {
      const res = await admin('get', `/groups/default/${nameOf(groupRef)}`);
      truth.groupServices.set(
        groupRef,
        (res.body as GroupResponse).services.map(s => s.entityRef),
      );
    }
  });

  afterAll(() => backend?.stop());

  describe.each(callers)('as $caller', ({ caller, sees }) => {
    const hidden = COMPONENTS.filter(ref => !sees.includes(ref));
    it.each(Object.keys(routeCases))('%s', async route => {
      expect.hasAssertions();
      await routeCases[route]({
        call: as(mockCredentials.user.header(caller)),
        sees,
        hidden,
        restricted: policy !== allowAll,
        truth,
      });
    });
  });
});
