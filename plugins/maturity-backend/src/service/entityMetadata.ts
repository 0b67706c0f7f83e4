import {
  parseEntityRef,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import { normalizeEntityRef } from '@maturity/plugin-maturity-common';

/** The annotation that puts a service in a tier (tier-1, tier-2 …) for filtering. */
export const TIER_ANNOTATION = 'maturity/tier';

export interface EntityMetadata {
  ownerRef: string | null;
  lifecycle: string | null;
  systemRef: string | null;
  tier: string | null;
  title: string | null;
}

/** What rollups, filters and the CSV need from an entity, read once at evaluation. */
export function entityMetadata(entity: Entity): EntityMetadata {
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  const namespace = entity.metadata.namespace ?? 'default';
  return {
    ownerRef: refOrNull(spec.owner, 'group', namespace),
    lifecycle: typeof spec.lifecycle === 'string' ? spec.lifecycle : null,
    systemRef: refOrNull(spec.system, 'system', namespace),
    tier: entity.metadata.annotations?.[TIER_ANNOTATION] ?? null,
    title: entity.metadata.title ?? null,
  };
}

export function refOrNull(
  value: unknown,
  defaultKind: string,
  defaultNamespace: string,
): string | null {
  if (typeof value !== 'string' || !value) return null;
  try {
    return normalizeEntityRef(
      stringifyEntityRef(
        parseEntityRef(value, { defaultKind, defaultNamespace }),
      ),
    );
  } catch {
    return null;
  }
}
