import {
  addTally,
  emptyTally,
  rollupFigures,
  tallyService,
  type RolledUpService,
  type RollupFigures,
  type RollupOptions,
  type RollupTally,
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
    const siblings = children.get(group.parentRef);
    if (siblings) siblings.push(group.groupRef);
    else children.set(group.parentRef, [group.groupRef]);
  }
  const own = new Map<string, RollupTally>();
  for (const service of services) {
    if (!service.ownerRef) continue;
    let tally = own.get(service.ownerRef);
    if (!tally) own.set(service.ownerRef, (tally = emptyTally()));
    tallyService(tally, service);
  }

  const memo = new Map<string, RollupTally>();
  // A catalog with a parent cycle must not hang the rollup: each group is visited once.
  const collect = (groupRef: string, visiting: Set<string>): RollupTally => {
    const cached = memo.get(groupRef);
    if (cached) return cached;
    const total = emptyTally();
    if (visiting.has(groupRef)) return total;
    visiting.add(groupRef);
    const mine = own.get(groupRef);
    if (mine) addTally(total, mine);
    if (options.includeChildGroups) {
      for (const child of children.get(groupRef) ?? []) {
        addTally(total, collect(child, visiting));
      }
    }
    visiting.delete(groupRef);
    memo.set(groupRef, total);
    return total;
  };

  return new Map(
    groups.map(g => [
      g.groupRef,
      rollupFigures(collect(g.groupRef, new Set()), options),
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
