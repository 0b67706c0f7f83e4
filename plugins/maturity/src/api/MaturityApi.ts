import { createApiRef } from '@backstage/core-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import type {
  EntityHistory,
  EntityScorecard,
  GroupResponse,
  RollupResponse,
  RubricResponse,
  SourcesResponse,
} from '@maturity/plugin-maturity-common';

/** Filters of the org rollup; each maps to a `GET /rollup` query parameter. @public */
export interface RollupQuery {
  /** A group ref; only that group's subtree is returned. */
  root?: string;
  lifecycle?: string;
  /** A system ref or name. */
  system?: string;
  tier?: string;
}

/** Talks to the maturity backend. @public */
export interface MaturityApi {
  getScorecard(entity: CompoundEntityRef): Promise<EntityScorecard>;
  getHistory(
    entity: CompoundEntityRef,
    options?: { days?: number },
  ): Promise<EntityHistory>;
  /** Re-collects and re-evaluates the entity now; resolves to its new scorecard. */
  refresh(entity: CompoundEntityRef): Promise<EntityScorecard>;
  getGroup(group: { namespace: string; name: string }): Promise<GroupResponse>;
  getRollup(query?: RollupQuery): Promise<RollupResponse>;
  getRubric(): Promise<RubricResponse>;
  getSources(): Promise<SourcesResponse>;
  /** The CSV export (one row per service), fetched with the caller's token. */
  downloadCsv(): Promise<Blob>;
}

/** @public */
export const maturityApiRef = createApiRef<MaturityApi>({
  id: 'plugin.maturity.api',
});
