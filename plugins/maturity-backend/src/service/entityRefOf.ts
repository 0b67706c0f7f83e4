import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { normalizeEntityRef } from '@maturity/plugin-maturity-common';

export function entityRefOf(entity: Entity): string {
  return normalizeEntityRef(stringifyEntityRef(entity));
}
