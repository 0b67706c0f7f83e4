import type { Entity, EntityRelation } from '@backstage/catalog-model';

/**
 * Adds the relations the catalog's processors would compute (memberOf/hasMember,
 * childOf/parentOf, ownedBy/ownerOf, partOf/hasPart, providesApi/apiProvidedBy), so a
 * scenario can be served by a catalog mock that does not process entities.
 */
export function withRelations(entities: readonly Entity[]): Entity[] {
  const byRef = new Map<string, EntityRelation[]>();
  const add = (source: string, type: string, target: string) => {
    const list = byRef.get(source) ?? [];
    list.push({ type, targetRef: target });
    byRef.set(source, list);
  };
  for (const entity of entities) {
    const ref = refOf(entity);
    const spec = (entity.spec ?? {}) as Record<string, unknown>;
    const pair = (
      field: unknown,
      kind: string,
      forward: string,
      backward: string,
    ) => {
      if (typeof field !== 'string' || !field) return;
      const target = qualify(field, kind);
      add(ref, forward, target);
      add(target, backward, ref);
    };
    if (entity.kind === 'User') {
      for (const group of asStrings(spec.memberOf))
        pair(group, 'group', 'memberOf', 'hasMember');
    }
    if (entity.kind === 'Group')
      pair(spec.parent, 'group', 'childOf', 'parentOf');
    pair(spec.owner, 'group', 'ownedBy', 'ownerOf');
    if (entity.kind !== 'System')
      pair(spec.system, 'system', 'partOf', 'hasPart');
    for (const api of asStrings(spec.providesApis))
      pair(api, 'api', 'providesApi', 'apiProvidedBy');
  }
  return entities.map(entity => ({
    ...entity,
    relations: byRef.get(refOf(entity)) ?? [],
  }));
}

/** `kind:namespace/name`, lower-case kind, as the catalog prints refs. */
export function refOf(entity: Entity): string {
  return `${entity.kind.toLocaleLowerCase('en-US')}:${
    entity.metadata.namespace ?? 'default'
  }/${entity.metadata.name}`;
}

function qualify(ref: string, defaultKind: string): string {
  const withKind = ref.includes(':') ? ref : `${defaultKind}:${ref}`;
  const [kind, rest] = withKind.split(':');
  return `${kind.toLocaleLowerCase('en-US')}:${
    rest.includes('/') ? rest : `default/${rest}`
  }`;
}

function asStrings(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string')
    : [];
}
