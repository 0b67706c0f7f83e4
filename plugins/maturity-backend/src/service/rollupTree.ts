import {
  rollupServices,
  type RolledUpService,
  type RollupFigures,
  type RollupOptions,
} from '@maturity/plugin-maturity-common';
import type { GroupNode } from '../database/RollupStore';

/** A service as the rollup needs it: who owns it and where it stands. */
export interface OwnedService extends RolledUpService {
  ownerRef: string | null;
}

/**
 * Rolls every group up over the services it owns and, with `includeChildGroups`, those
 * of its sub-groups at any depth. Pure, so the stored org rollup and a rollup restricted
 * to what one caller may see come from the same code.
 */
export function rollupTree(
  groups: readonly GroupNode[],
  services: readonly OwnedService[],
  options: RollupOptions & { includeChildGroups: boolean },
): Map<string, RollupFigures> {
  const children = new Map<string, string[]>();
  for (const group of groups) {
    if (!group.parentRef) continue;
    children.set(group.parentRef, [
      ...(children.get(group.parentRef) ?? []),
      group.groupRef,
    ]);
  }
  const owned = new Map<string, OwnedService[]>();
  for (const service of services) {
    if (!service.ownerRef) continue;
    owned.set(service.ownerRef, [
      ...(owned.get(service.ownerRef) ?? []),
      service,
    ]);
  }

  const memo = new Map<string, OwnedService[]>();
  // A catalog with a parent cycle must not hang the rollup: each group is visited once.
  const collect = (groupRef: string, visiting: Set<string>): OwnedService[] => {
    const cached = memo.get(groupRef);
    if (cached) return cached;
    if (visiting.has(groupRef)) return [];
    visiting.add(groupRef);
    const own = owned.get(groupRef) ?? [];
    const all = options.includeChildGroups
      ? [
          ...own,
          ...(children.get(groupRef) ?? []).flatMap(c => collect(c, visiting)),
        ]
      : own;
    visiting.delete(groupRef);
    memo.set(groupRef, all);
    return all;
  };

  return new Map(
    groups.map(g => [
      g.groupRef,
      rollupServices(collect(g.groupRef, new Set()), options),
    ]),
  );
}

/** Every group under `root` (inclusive), for the `root` parameter of the org rollup. */
export function subtree(
  groups: readonly GroupNode[],
  root: string,
): Set<string> {
  const result = new Set<string>([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const g of groups) {
      if (g.parentRef && result.has(g.parentRef) && !result.has(g.groupRef)) {
        result.add(g.groupRef);
        grew = true;
      }
    }
  }
  return result;
}
