import {
  rollupServices,
  type GroupResponse,
  type GroupSummary,
  type RollupFigures,
  type RollupResponse,
  type ServiceSummary,
} from '@maturity/plugin-maturity-common';
import type { MaturityStore, StoredPlacement } from '../database/MaturityStore';
import type { GroupNode, RollupStore } from '../database/RollupStore';
import type { RollupOptions } from '../config/readMaturityConfig';
import { subtree } from './rollupTree';
import type { RollupVersion } from './RollupVersion';
import {
  TREND_DAYS,
  toOwnedService,
  type RollupService,
} from './RollupService';

export interface RollupFilters {
  lifecycle?: string;
  /** A system entity ref, normalized. */
  system?: string;
  tier?: string;
}

const MAX_CACHED_ROOTS = 500;

/** `'all'`, or the Component refs the caller may see. */
export type Visible = 'all' | Set<string>;

/**
 * Answers the team and org views. Unfiltered views for a caller who may see everything
 * read the stored rollups; filters or a restricted caller roll up the matching
 * placements with the same code, so the figures never count what the caller cannot see.
 */
export class RollupQueries {
  /**
   * The unfiltered org rollup for callers who see everything, per root, for the current
   * rollup version and day. Every write of placements or groups is followed by a rollup
   * recompute (here or in another replica), which changes the version, so this never
   * serves figures older than the stored rollups.
   */
  private readonly wholeOrg = new Map<string, Promise<RollupResponse>>();
  private wholeOrgVersion = '';

  constructor(
    private readonly store: MaturityStore,
    private readonly rollupStore: RollupStore,
    private readonly rollups: RollupService,
    private readonly options: RollupOptions,
    private readonly version: RollupVersion,
  ) {}

  async orgRollup(request: {
    visible: Visible;
    root?: string;
    filters: RollupFilters;
  }): Promise<RollupResponse> {
    const { visible, root, filters } = request;
    if (visible !== 'all' || hasFilters(filters)) return this.compute(request);
    const computedAt = await this.version.current();
    if (!computedAt) return this.compute(request);
    const version = `${computedAt}|${utcToday()}`;
    if (version !== this.wholeOrgVersion) {
      this.wholeOrg.clear();
      this.wholeOrgVersion = version;
    }
    const key = root ?? '';
    let response = this.wholeOrg.get(key);
    if (!response) {
      // Kept as the computation in flight, so callers arriving while it runs share it: it
      // yields to the event loop, and at 50,000 services ten concurrent misses each
      // computing took six seconds apiece.
      const computing = this.compute(request);
      response = computing;
      // Roots come from the query string: a bounded cache cannot be grown without end.
      if (this.wholeOrg.size < MAX_CACHED_ROOTS) {
        this.wholeOrg.set(key, computing);
        computing.catch(() => {
          if (this.wholeOrg.get(key) === computing) this.wholeOrg.delete(key);
        });
      }
    }
    return response;
  }

  private async compute(request: {
    visible: Visible;
    root?: string;
    filters: RollupFilters;
  }): Promise<RollupResponse> {
    const { visible, root, filters } = request;
    const groups = await this.rollupStore.listGroups();
    const inScope = root ? subtree(groups, root) : undefined;
    const placements = filterPlacements(
      await this.store.listPlacements(),
      visible,
      filters,
    );
    const figures = await this.figures(groups, placements, visible, filters);
    const trend = await this.trends(visible, filters);

    const scopedPlacements = inScope
      ? placements.filter(p => p.ownerRef && inScope.has(p.ownerRef))
      : placements;
    return {
      root: root ?? null,
      filters,
      computedAt: placements.reduce<string | null>(
        (latest, p) =>
          !latest || p.evaluatedAt > latest ? p.evaluatedAt : latest,
        null,
      ),
      org: rollupServices(scopedPlacements.map(toOwnedService), this.options),
      groups: groups
        .filter(g => !inScope || inScope.has(g.groupRef))
        .map(g => summarize(g, figures.get(g.groupRef), trend)),
    };
  }

  async group(
    groupRef: string,
    visible: Visible,
  ): Promise<GroupResponse | undefined> {
    const groups = await this.rollupStore.listGroups();
    const node = groups.find(g => g.groupRef === groupRef);
    if (!node) return undefined;
    const placements = filterPlacements(
      await this.store.listPlacements(),
      visible,
      {},
    );
    const figures = await this.figures(groups, placements, visible, {});
    const trend = await this.trends(visible, {});
    const members = subtree(groups, groupRef);
    const own = placements
      .filter(p => p.ownerRef && members.has(p.ownerRef))
      .sort(
        (a, b) => a.level - b.level || a.entityRef.localeCompare(b.entityRef),
      );
    const group = summarize(node, figures.get(groupRef), trend);
    const nextLevel = group.figures.level + 1;
    return {
      group,
      children: groups
        .filter(g => g.parentRef === groupRef)
        .map(g => summarize(g, figures.get(g.groupRef), trend)),
      services: own.map(toServiceSummary),
      holdingBack:
        nextLevel > 5
          ? []
          : own
              .filter(p => !p.assessed || p.level < nextLevel)
              .map(p => p.entityRef),
    };
  }

  private async figures(
    groups: GroupNode[],
    placements: StoredPlacement[],
    visible: Visible,
    filters: RollupFilters,
  ): Promise<Map<string, RollupFigures>> {
    if (visible === 'all' && !hasFilters(filters)) {
      const stored = await this.rollupStore.listRollups();
      return new Map(stored.map(r => [r.groupRef, r.figures]));
    }
    return this.rollups.compute(groups, placements);
  }

  private async trends(visible: Visible, filters: RollupFilters) {
    if (visible !== 'all' || hasFilters(filters)) return undefined;
    const day = new Date(Date.now() - TREND_DAYS * 86_400_000)
      .toISOString()
      .slice(0, 10);
    return this.rollupStore.readSnapshotsOn(day);
  }
}

// Today's UTC date (`2026-12-06`), written again only when the day has turned (or the
// clock went back): every whole-org rollup request keys its cache on it.
let today = { day: '', from: 0, until: 0 };

function utcToday(): string {
  const now = Date.now();
  if (now < today.from || now >= today.until) {
    const date = new Date(now);
    const from = Date.UTC(
      date.getUTCFullYear(),
      date.getUTCMonth(),
      date.getUTCDate(),
    );
    today = {
      day: date.toISOString().slice(0, 10),
      from,
      until: from + 86_400_000,
    };
  }
  return today.day;
}

function hasFilters(filters: RollupFilters): boolean {
  return Boolean(filters.lifecycle || filters.system || filters.tier);
}

export function filterPlacements(
  placements: StoredPlacement[],
  visible: Visible,
  filters: RollupFilters,
): StoredPlacement[] {
  return placements.filter(
    p =>
      (visible === 'all' || visible.has(p.entityRef)) &&
      (!filters.lifecycle || p.lifecycle === filters.lifecycle) &&
      (!filters.system || p.systemRef === filters.system) &&
      (!filters.tier || p.tier === filters.tier),
  );
}

const EMPTY = rollupServices([], { strategy: 'share', share: 0.8 });

function summarize(
  group: GroupNode,
  figures: RollupFigures | undefined,
  trend: Map<string, { level: number }> | undefined,
): GroupSummary {
  return {
    groupRef: group.groupRef,
    title: group.title,
    type: group.type,
    parentRef: group.parentRef,
    figures: figures ?? EMPTY,
    trend: trend
      ? {
          days: TREND_DAYS,
          previousLevel: trend.get(group.groupRef)?.level ?? null,
        }
      : null,
  };
}

export function toServiceSummary(p: StoredPlacement): ServiceSummary {
  return {
    entityRef: p.entityRef,
    title: p.title,
    ownerRef: p.ownerRef,
    lifecycle: p.lifecycle,
    systemRef: p.systemRef,
    tier: p.tier,
    level: p.level,
    provisional: p.provisional,
    assessed: p.assessed,
    stale: p.stale,
  };
}
