import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import type {
  EntityHistory,
  EntityScorecard,
  GroupResponse,
  RollupResponse,
  RubricResponse,
  SourcesResponse,
} from '@maturity/plugin-maturity-common';
import type { MaturityApi, RollupQuery } from './MaturityApi';

/** The default {@link MaturityApi}: discovery for the base URL, fetchApi for auth. @public */
export class MaturityClient implements MaturityApi {
  constructor(
    private readonly deps: { discoveryApi: DiscoveryApi; fetchApi: FetchApi },
  ) {}

  getScorecard(entity: CompoundEntityRef): Promise<EntityScorecard> {
    return this.request<EntityScorecard>(entityPath(entity));
  }

  getHistory(
    entity: CompoundEntityRef,
    options?: { days?: number },
  ): Promise<EntityHistory> {
    const query = options?.days ? `?days=${options.days}` : '';
    return this.request<EntityHistory>(`${entityPath(entity)}/history${query}`);
  }

  refresh(entity: CompoundEntityRef): Promise<EntityScorecard> {
    return this.request<EntityScorecard>(`${entityPath(entity)}/refresh`, {
      method: 'POST',
    });
  }

  getGroup(group: { namespace: string; name: string }): Promise<GroupResponse> {
    const path = [group.namespace, group.name]
      .map(encodeURIComponent)
      .join('/');
    return this.request<GroupResponse>(`/groups/${path}`);
  }

  getRollup(query: RollupQuery = {}): Promise<RollupResponse> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value) params.set(key, value);
    }
    const search = params.toString();
    return this.request<RollupResponse>(`/rollup${search ? `?${search}` : ''}`);
  }

  getRubric(): Promise<RubricResponse> {
    return this.request<RubricResponse>('/rubric');
  }

  getSources(): Promise<SourcesResponse> {
    return this.request<SourcesResponse>('/sources');
  }

  downloadCsv(): Promise<Blob> {
    return this.request<Blob>('/export.csv', undefined, 'blob');
  }

  // The one place that talks HTTP, so every call fails the same way: a ResponseError
  // carrying the backend's JSON error.
  private async request<T>(
    path: string,
    init?: RequestInit,
    body: 'json' | 'blob' = 'json',
  ): Promise<T> {
    const baseUrl = await this.deps.discoveryApi.getBaseUrl('maturity');
    const response = await this.deps.fetchApi.fetch(`${baseUrl}${path}`, init);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (
      body === 'blob' ? await response.blob() : await response.json()
    ) as T;
  }
}

function entityPath(entity: CompoundEntityRef): string {
  return `/entities/${[entity.kind, entity.namespace, entity.name]
    .map(encodeURIComponent)
    .join('/')}`;
}
