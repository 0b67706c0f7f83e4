import { setTimeout as sleep } from 'node:timers/promises';
import {
  ApisApi,
  AppsV1Api,
  AutoscalingV2Api,
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  NetworkingV1Api,
  PolicyV1Api,
  ServerConfiguration,
  createConfiguration,
  type Configuration,
  type V1APIResourceList,
  type V1ListMeta,
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
import { describeFailure } from './describeFailure';

/** Why a cluster could not be read; its message names the request and the cause. */
export class ClusterRequestError extends Error {
  readonly name = 'ClusterRequestError';

  constructor(message: string, readonly status?: number) {
    super(message);
  }
}

/** A page request: `limit` always, `_continue` from the second page on. */
export interface PageRequest {
  limit: number;
  _continue?: string;
}

/** What a typed list call of `@kubernetes/client-node` answers. */
export interface TypedList<T> {
  items: T[];
  metadata?: V1ListMeta;
}

/** The typed API groups the source lists built-in types from. */
export interface BuiltInApis {
  core: CoreV1Api;
  apps: AppsV1Api;
  autoscaling: AutoscalingV2Api;
  policy: PolicyV1Api;
  networking: NetworkingV1Api;
}

/** How many times a list restarts after 410 Gone before the cluster counts as failed. */
const MAX_LIST_RESTARTS = 3;

/**
 * Reads one cluster through `@kubernetes/client-node`: every request gets its own timeout
 * and the run's abort signal, 429/5xx answers are retried honouring Retry-After, a list is
 * paged with `limit`/`continue` and restarted when its continue token expires (410), and
 * every HTTP request is counted.
 */
export class ClusterClient {
  readonly apis: BuiltInApis;
  private readonly customObjects: CustomObjectsApi;
  private readonly discoveryApi: ApisApi;
  private requests = 0;

  constructor(
    readonly connection: ClusterConnection,
    private readonly settings: RequestSettings,
    private readonly signal: AbortSignal,
  ) {
    const configuration = this.configuration();
    this.apis = {
      core: new CoreV1Api(configuration),
      apps: new AppsV1Api(configuration),
      autoscaling: new AutoscalingV2Api(configuration),
      policy: new PolicyV1Api(configuration),
      networking: new NetworkingV1Api(configuration),
    };
    this.customObjects = new CustomObjectsApi(configuration);
    this.discoveryApi = new ApisApi(configuration);
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
   * Every object of a built-in type, cluster-wide, through a typed list call; each object
   * as `slim` reduces it.
   */
  listBuiltIn<T, Kept>(
    what: string,
    list: (page: PageRequest) => Promise<TypedList<T>>,
    slim: (item: T) => Kept,
  ): Promise<Kept[]> {
    return this.listPaged(
      what,
      async token => {
        const page = await list({
          limit: this.settings.pageSize,
          ...(token ? { _continue: token } : {}),
        });
        return { items: page.items, continueToken: page.metadata?._continue };
      },
      slim,
    );
  }

  /** Every object of a discovered custom type, cluster-wide; each object as `slim` reduces it. */
  listCustom<T, Kept>(
    kind: CustomKind,
    type: DiscoveredType,
    slim: (item: T) => Kept,
  ): Promise<Kept[]> {
    const { group, version, plural } = type;
    return this.listPaged(
      `list ${kind}`,
      async token => {
        const request = {
          group,
          version,
          plural,
          limit: this.settings.pageSize,
          ...(token ? { _continue: token } : {}),
        };
        // The custom objects API answers untyped JSON; CustomObjectTypes documents its shape.
        const page: { items?: T[]; metadata?: { continue?: string } } =
          type.namespaced
            ? await this.customObjects.listCustomObjectForAllNamespaces(request)
            : await this.customObjects.listClusterCustomObject(request);
        return {
          items: page.items ?? [],
          continueToken: page.metadata?.continue,
        };
      },
      slim,
    );
  }

  private async listPaged<T, Kept>(
    what: string,
    fetchPage: (
      token: string | undefined,
    ) => Promise<{ items: T[]; continueToken?: string }>,
    slim: (item: T) => Kept,
  ): Promise<Kept[]> {
    for (let restarts = 0; ; restarts += 1) {
      const items: Kept[] = [];
      let token: string | undefined;
      try {
        do {
          const current = token;
          const page = await this.call(what, () => fetchPage(current));
          // Reduced page by page, outside the retried call: the full page is garbage at once,
          // and an object of an unexpected shape is not reported as a failed request.
          for (const item of page.items) items.push(slimmed(what, item, slim));
          token = page.continueToken || undefined;
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

  private configuration(): Configuration {
    const { name, url, token, caData, skipTLSVerify } = this.connection;
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromOptions({
      clusters: [{ name, server: url, caData, skipTLSVerify }],
      users: [{ name: 'maturity', token }],
      contexts: [{ name, cluster: name, user: 'maturity' }],
      currentContext: name,
    });
    return createConfiguration({
      baseServer: new ServerConfiguration(url, {}),
      authMethods: { default: kubeConfig },
      promiseMiddleware: [
        {
          pre: async context => {
            this.requests += 1;
            context.setSignal(
              AbortSignal.any([
                this.signal,
                AbortSignal.timeout(this.settings.requestTimeoutMs),
              ]),
            );
            return context;
          },
          post: async context => context,
        },
      ],
    });
  }
}
