import {
  parseEntityRef,
  type CompoundEntityRef,
} from '@backstage/catalog-model';

/** `component:default/payments-api` → `payments-api` (namespace kept when not default). */
export function shortRef(ref: string): string {
  const { namespace, name } = parseEntityRef(ref);
  return namespace === 'default' ? name : `${namespace}/${name}`;
}

/** A ref as the route parameters of the entity page. */
export function routeParams(ref: string): {
  kind: string;
  namespace: string;
  name: string;
} {
  const parsed: CompoundEntityRef = parseEntityRef(ref);
  return {
    kind: parsed.kind.toLocaleLowerCase('en-US'),
    namespace: parsed.namespace,
    name: parsed.name,
  };
}
