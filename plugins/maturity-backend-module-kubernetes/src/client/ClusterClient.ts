import { setTimeout as sleep } from 'node:timers/promises';
import {
  ApiException,
  ApisApi,
  CustomObjectsApi,
  HttpMethod,
  KubeConfig,
  ServerConfiguration,
  createConfiguration,
  type Configuration,
  type RequestContext,
  type V1APIResourceList,
} from '@kubernetes/client-node';
import type {
  ClusterConnection,
  RequestSettings,
} from '../config/readKubernetesSourceConfig';
import {
  CUSTOM_RESOURCE_TYPES,
  type CustomKind,
  type DiscoveredType,
} from './customResourceTypes';
import { slimmed } from './slimObjects';
import { ClusterRequestError } from './ClusterRequestError';
import { parsePart, readPage } from './listPage';
import { describeFailure } from './describeFailure';

/** How many times a list restarts after 410 Gone before the cluster counts as failed. */
const MAX_LIST_RESTARTS = 3;

/**
 * Reads one cluster with `@kubernetes/client-node`'s configuration and HTTP layer
 * (discovery through its typed calls, lists as bytes): every request gets its own timeout
 * and the run's abort signal, 429/5xx answers are retried honouring Retry-After, a list is
 * paged with `limit`/`continue` and restarted when its continue token expires (410), and
 * every HTTP request is counted.
 */
export class ClusterClient {
  private readonly kubeConfig: KubeConfig;
  private readonly configuration: Configuration;
  private readonly customObjects: CustomObjectsApi;
  private readonly discoveryApi: ApisApi;
  private requests = 0;

  constructor(
    readonly connection: ClusterConnection,
    private readonly settings: RequestSettings,
    private readonly signal: AbortSignal,
  ) {
    this.kubeConfig = this.createKubeConfig();
    this.configuration = this.createConfiguration();
    this.customObjects = new CustomObjectsApi(this.configuration);
    this.discoveryApi = new ApisApi(this.configuration);
  }

  /** HTTP requests made so far, retries included. */
  get requestCount(): number {
    return this.requests;
  }

  /**
   * Which of the wanted custom kinds are served, and where: one request for the group
   * list, then one per group version that could hold a wanted kind.
   */
  async discover(
    kinds: readonly CustomKind[],
  ): Promise<Map<CustomKind, DiscoveredType>> {
    const groupList = await this.call('discovery /apis', () =>
      this.discoveryApi.getAPIVersions(),
    );
    const served = new Map(
      groupList.groups.map(g => [g.name, g.versions.map(v => v.version)]),
    );
    const resourceLists = new Map<string, Promise<V1APIResourceList>>();
    const resourcesOf = (group: string, version: string) => {
      const key = `${group}/${version}`;
      if (!resourceLists.has(key)) {
        resourceLists.set(
          key,
          this.call(`discovery /apis/${key}`, () =>
            this.customObjects.getAPIResources({ group, version }),
          ),
        );
      }
      return resourceLists.get(key)!;
    };
    const found = new Map<CustomKind, DiscoveredType>();
    // Groups are looked up in parallel; within a group, versions in order of preference.
    await Promise.all(
      kinds.map(async kind => {
        const { group, versions } = CUSTOM_RESOURCE_TYPES[kind];
        for (const version of versions.filter(v =>
          served.get(group)?.includes(v),
        )) {
          const resource = (await resourcesOf(group, version)).resources.find(
            r => r.kind === kind && !r.name.includes('/'),
          );
          if (resource) {
            found.set(kind, {
              group,
              version,
              plural: resource.name,
              namespaced: resource.namespaced,
            });
            return;
          }
        }
      }),
    );
    return found;
  }

  /**
   * Every object at a list path (`/api/v1/services`, `/apis/apps/v1/deployments`,
   * `/apis/{group}/{version}/{plural}` for a custom type), cluster-wide, each as `slim`
   * reduces it.
   *
   * Pages are read from their bytes one object at a time (`jsonElements`), not parsed
   * whole and then copied into the client's typed models: a page of 500 objects held
   * that way while it was slimmed outlived V8's young generation, and the Kubernetes
   * source was most of what a warm cycle moved into the old one.
   */
  async list<T, Kept>(
    what: string,
    path: string,
    slim: (item: T) => Kept,
  ): Promise<Kept[]> {
    for (let restarts = 0; ; restarts += 1) {
      const items: Kept[] = [];
      let token: string | undefined;
      try {
        do {
          const current = token;
          const page = await this.call(what, () =>
            this.fetchPage(path, current),
          );
          // Reduced outside the retried call: an object of an unexpected shape is not
          // reported as a failed request.
          const { objects, continueToken } = readPage(what, page);
          for (const span of objects) {
            items.push(slimmed(what, parsePart(what, page, span) as T, slim));
          }
          token = continueToken;
        } while (token);
        return items;
      } catch (error) {
        // 410 Gone: the continue token outlived etcd's compaction; only a fresh list is consistent.
        const gone =
          error instanceof ClusterRequestError && error.status === 410;
        if (gone && token && restarts < MAX_LIST_RESTARTS) continue;
        throw error;
      }
    }
  }

  /** One page of a list, as bytes; a status other than 2xx throws as the typed calls do. */
  private async fetchPage(
    path: string,
    token: string | undefined,
  ): Promise<Uint8Array> {
    const { baseServer, httpApi } = this.configuration;
    const request = baseServer.makeRequestContext(path, HttpMethod.GET);
    request.setQueryParam('limit', String(this.settings.pageSize));
    if (token) request.setQueryParam('continue', token);
    request.setHeaderParam('Accept', 'application/json');
    await this.kubeConfig.applySecurityAuthentication(request);
    this.prepare(request);
    const response = await httpApi.send(request).toPromise();
    const body = await response.body.binary();
    const status = response.httpStatusCode;
    if (status >= 200 && status < 300) return body;
    // Like the typed calls: no body kept for 401, the Status text for the rest.
    throw new ApiException(
      status,
      `listing ${path} failed`,
      status === 401 ? undefined : body.toString('utf8'),
      response.headers,
    );
  }

  private async call<T>(what: string, request: () => Promise<T>): Promise<T> {
    const { maxRetries, maxRetryAfterMs, requestTimeoutMs } = this.settings;
    for (let attempt = 0; ; attempt += 1) {
      this.signal.throwIfAborted();
      try {
        return await request();
      } catch (error) {
        this.signal.throwIfAborted();
        const failure = describeFailure(error, requestTimeoutMs);
        const retryable =
          failure.status === 429 ||
          (failure.status !== undefined && failure.status >= 500) ||
          (failure.status === 403 && failure.retryAfterMs !== undefined);
        if (!retryable || attempt >= maxRetries) {
          throw new ClusterRequestError(
            `${what}: ${failure.message}`,
            failure.status,
          );
        }
        const waitMs = failure.retryAfterMs ?? 250 * 2 ** attempt;
        if (waitMs > maxRetryAfterMs) {
          throw new ClusterRequestError(
            `${what}: ${failure.message}, Retry-After ${Math.ceil(
              waitMs / 1000,
            )} s is longer than the ${
              maxRetryAfterMs / 1000
            } s the source waits`,
            failure.status,
          );
        }
        // Rejects when the run is aborted; the run's reason is the better error to surface.
        await sleep(waitMs, undefined, { signal: this.signal }).catch(() =>
          this.signal.throwIfAborted(),
        );
      }
    }
  }

  private createKubeConfig(): KubeConfig {
    const { name, url, token, caData, skipTLSVerify } = this.connection;
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromOptions({
      clusters: [{ name, server: url, caData, skipTLSVerify }],
      users: [{ name: 'maturity', token }],
      contexts: [{ name, cluster: name, user: 'maturity' }],
      currentContext: name,
    });
    return kubeConfig;
  }

  private createConfiguration(): Configuration {
    return createConfiguration({
      baseServer: new ServerConfiguration(this.connection.url, {}),
      authMethods: { default: this.kubeConfig },
      promiseMiddleware: [
        {
          pre: async context => this.prepare(context),
          post: async context => context,
        },
      ],
    });
  }

  /** Counts a request and gives it its timeout and the run's abort signal. */
  private prepare(request: RequestContext): RequestContext {
    this.requests += 1;
    request.setSignal(
      AbortSignal.any([
        this.signal,
        AbortSignal.timeout(this.settings.requestTimeoutMs),
      ]),
    );
    return request;
  }
}
