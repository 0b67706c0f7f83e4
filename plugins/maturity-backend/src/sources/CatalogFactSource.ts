import type { AuthService } from '@backstage/backend-plugin-api';
import {
  RELATION_HAS_MEMBER,
  RELATION_PROVIDES_API,
  type Entity,
} from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  CATALOG_FACTS,
  normalizeEntityRef,
  type CatalogOwnerFact,
  type CatalogProvidedApiFact,
} from '@maturity/plugin-maturity-common';
import type {
  CollectedFact,
  FactCollectionContext,
  FactCollectionOutcome,
  MaturityFactSource,
} from '@maturity/plugin-maturity-node';
import { queryAll } from '../catalog/queryAll';
import { entityRefOf } from '../service/entityRefOf';
import { refOrNull } from '../service/entityMetadata';

interface CatalogLookups {
  /** Group ref → member count. */
  groups: Map<string, number>;
  users: Set<string>;
  /** API ref → whether it has a non-empty definition. */
  apis: Map<string, boolean>;
}

/**
 * The built-in source: facts read from the catalog itself. Besides the entities it is
 * handed, it reads all Groups, Users and APIs once per run (paged), so owner and API
 * facts cost a handful of requests however many services there are.
 */
export class CatalogFactSource implements MaturityFactSource {
  readonly id = 'catalog';

  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
  ) {}

  async collect(
    context: FactCollectionContext,
  ): Promise<FactCollectionOutcome> {
    const { lookups, requests } = await this.readLookups(context.signal);
    const facts = context.entities.flatMap(entity =>
      entityFacts(entity, lookups),
    );
    return { facts, requests, errors: [] };
  }

  private async readLookups(signal: AbortSignal) {
    const credentials = await this.auth.getOwnServiceCredentials();
    const nameFields = ['kind', 'metadata.name', 'metadata.namespace'];
    const [groups, users, apis] = await Promise.all([
      queryAll(
        this.catalog,
        credentials,
        { filter: { kind: 'Group' }, fields: [...nameFields, 'relations'] },
        signal,
      ),
      queryAll(
        this.catalog,
        credentials,
        { filter: { kind: 'User' }, fields: nameFields },
        signal,
      ),
      queryAll(
        this.catalog,
        credentials,
        { filter: { kind: 'API' }, fields: [...nameFields, 'spec.definition'] },
        signal,
      ),
    ]);
    const lookups: CatalogLookups = {
      groups: new Map(
        groups.entities.map(g => [
          entityRefOf(g),
          (g.relations ?? []).filter(r => r.type === RELATION_HAS_MEMBER)
            .length,
        ]),
      ),
      users: new Set(users.entities.map(entityRefOf)),
      apis: new Map(
        apis.entities.map(a => [
          entityRefOf(a),
          hasDefinition(a.spec?.definition),
        ]),
      ),
    };
    return {
      lookups,
      requests: groups.requests + users.requests + apis.requests,
    };
  }
}

function entityFacts(entity: Entity, lookups: CatalogLookups): CollectedFact[] {
  const entityRef = entityRefOf(entity);
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  const namespace = entity.metadata.namespace ?? 'default';
  const fact = (
    name: string,
    value: CollectedFact['value'],
  ): CollectedFact => ({
    entityRef,
    name,
    value,
  });

  const providedApis: CatalogProvidedApiFact[] = (entity.relations ?? [])
    .filter(r => r.type === RELATION_PROVIDES_API)
    .map(r => normalizeEntityRef(r.targetRef))
    .map(ref => ({ ref, hasDefinition: lookups.apis.get(ref) ?? false }));

  return [
    fact(CATALOG_FACTS.owner, ownerFact(spec.owner, namespace, lookups)),
    fact(CATALOG_FACTS.type, stringOrNull(spec.type)),
    fact(CATALOG_FACTS.lifecycle, stringOrNull(spec.lifecycle)),
    fact(CATALOG_FACTS.system, refOrNull(spec.system, 'system', namespace)),
    fact(CATALOG_FACTS.annotations, entity.metadata.annotations ?? {}),
    fact(CATALOG_FACTS.linkTypes, [
      ...new Set(
        (entity.metadata.links ?? []).flatMap(l => (l.type ? [l.type] : [])),
      ),
    ]),
    fact(CATALOG_FACTS.providedApis, providedApis),
  ];
}

function ownerFact(
  owner: unknown,
  namespace: string,
  lookups: CatalogLookups,
): CatalogOwnerFact {
  const ref = refOrNull(owner, 'group', namespace);
  if (!ref)
    return { ref: null, kind: null, resolved: false, memberCount: null };
  if (lookups.groups.has(ref)) {
    return {
      ref,
      kind: 'group',
      resolved: true,
      memberCount: lookups.groups.get(ref)!,
    };
  }
  if (lookups.users.has(ref)) {
    return { ref, kind: 'user', resolved: true, memberCount: null };
  }
  return { ref, kind: null, resolved: false, memberCount: null };
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' && value ? value : null;
}

function hasDefinition(definition: unknown): boolean {
  return typeof definition === 'string'
    ? definition.trim().length > 0
    : Boolean(definition);
}
