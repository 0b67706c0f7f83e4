import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { ClusterObjectStore } from './ClusterObjectStore';
import { decodeContinueToken, encodeContinueToken } from './continueTokens';
import {
  coreVersions,
  groupList,
  resourceList,
  servedTypes,
} from './discoveryDocuments';
import type { FaultInjector } from './faults';
import { parseLabelSelector, type LabelRequirement } from './labelSelector';
import { groupVersionOf, type SandboxResourceType } from './resourceTypes';
import type { KubeObject, SandboxClusterSpec } from './types';

/** One request as the sandbox saw it, for request-count assertions. */
export interface RecordedRequest {
  cluster: string;
  method: string;
  path: string;
  query: string;
  status: number;
}

/** Knobs shared by every cluster of a sandbox, changeable while it runs. */
export interface ServerSettings {
  latencyMs: number;
}

interface ClusterApiServerOptions {
  spec: SandboxClusterSpec;
  faults: FaultInjector;
  settings: ServerSettings;
  record(request: RecordedRequest): void;
  host: string;
  port: number;
}

type Reply = {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
};

/**
 * A loopback HTTP server speaking the read-only subset of the Kubernetes API that fact
 * collection uses: discovery and cluster-wide or namespaced LIST with `labelSelector`,
 * `limit` and `continue`, behind a bearer token.
 */
export class ClusterApiServer {
  private resourceVersion = 1000;
  /** Continue tokens issued before this resource version answer 410 Gone. */
  private compactedBefore = 0;
  private readonly store: ClusterObjectStore;
  private readonly types: SandboxResourceType[];

  private constructor(
    private readonly server: Server,
    private readonly options: ClusterApiServerOptions,
  ) {
    this.store = new ClusterObjectStore(options.spec.objects);
    this.types = servedTypes(options.spec.notInstalled);
  }

  static async start(
    options: ClusterApiServerOptions,
  ): Promise<ClusterApiServer> {
    const server = createServer();
    const instance = new ClusterApiServer(server, options);
    server.on('request', (req, res) => instance.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host, () => resolve());
    });
    return instance;
  }

  get name(): string {
    return this.options.spec.name;
  }

  get url(): string {
    const address = this.server.address() as AddressInfo;
    return `http://${this.options.host}:${address.port}`;
  }

  /** Simulates an etcd compaction: every continue token issued so far becomes stale (410). */
  compact(): void {
    this.resourceVersion += 1;
    this.compactedBefore = this.resourceVersion;
  }

  async close(): Promise<void> {
    // Hanging requests hold their sockets open; closing them lets the server stop.
    this.server.closeAllConnections();
    await new Promise<void>(resolve => this.server.close(() => resolve()));
  }

  private async handle(
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    let reply: Reply | undefined;
    try {
      reply = await this.reply(req, url);
    } catch (error) {
      // A bug in the sandbox must show as an answer, not as an unhandled rejection.
      reply = status(500, 'InternalError', String(error));
    }
    this.options.record({
      cluster: this.name,
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.search,
      status: reply?.status ?? 0,
    });
    if (!reply) return; // a hang: never answered
    const body =
      typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    res.writeHead(reply.status, {
      'content-type': 'application/json',
      ...reply.headers,
    });
    res.end(body);
  }

  private async reply(
    req: IncomingMessage,
    url: URL,
  ): Promise<Reply | undefined> {
    const { settings, faults, spec } = this.options;
    if (settings.latencyMs > 0) await sleep(settings.latencyMs);
    if (req.headers.authorization !== `Bearer ${spec.token}`) {
      return status(401, 'Unauthorized', 'Unauthorized');
    }
    const fault = faults.take({
      cluster: spec.name,
      path: url.pathname,
      hasContinueToken: url.searchParams.has('continue'),
    });
    if (fault?.type === 'hang') return undefined;
    if (fault?.type === 'malformed')
      return { status: 200, body: '{"kind":"List","items":[{' };
    if (fault?.type === 'expireContinue') return expired();
    if (fault?.type === 'status') {
      const reply = status(
        fault.status,
        reasonFor(fault.status),
        'Injected fault',
      );
      if (fault.retryAfterSeconds !== undefined) {
        reply.headers = { 'retry-after': String(fault.retryAfterSeconds) };
      }
      return reply;
    }
    if (req.method !== 'GET')
      return status(405, 'MethodNotAllowed', 'Read-only sandbox');
    return this.route(url);
  }

  private route(url: URL): Reply {
    const segments = url.pathname.split('/').filter(Boolean);
    const [root, ...rest] = segments;
    if (root === 'api' && rest.length === 0)
      return { status: 200, body: coreVersions() };
    if (root === 'apis' && rest.length === 0)
      return { status: 200, body: groupList(this.types) };
    let group: string;
    let version: string;
    let path: string[];
    if (root === 'api' && rest.length >= 1) {
      [group, version, path] = ['', rest[0], rest.slice(1)];
    } else if (root === 'apis' && rest.length >= 2) {
      [group, version, path] = [rest[0], rest[1], rest.slice(2)];
    } else {
      return notFound(url.pathname);
    }
    if (path.length === 0) {
      const list = resourceList(this.types, group, version);
      return list ? { status: 200, body: list } : notFound(url.pathname);
    }
    let namespace: string | undefined;
    let plural: string;
    if (path.length === 1) {
      plural = path[0];
    } else if (path.length === 3 && path[0] === 'namespaces') {
      [namespace, plural] = [path[1], path[2]];
    } else {
      return notFound(url.pathname);
    }
    const type = this.types.find(
      t => t.group === group && t.version === version && t.plural === plural,
    );
    if (!type || (namespace !== undefined && !type.namespaced))
      return notFound(url.pathname);
    return this.list(type, namespace, url.searchParams);
  }

  private list(
    type: SandboxResourceType,
    namespace: string | undefined,
    query: URLSearchParams,
  ): Reply {
    let selector: LabelRequirement[];
    try {
      selector = parseLabelSelector(query.get('labelSelector') ?? '');
    } catch (error) {
      return status(400, 'BadRequest', String(error));
    }
    const limit = Number(query.get('limit') ?? 0);
    const token = query.get('continue');
    let offset = 0;
    let listVersion = this.resourceVersion;
    if (token) {
      const position = decodeContinueToken(token);
      if (!position) return status(400, 'BadRequest', 'invalid continue token');
      if (position.resourceVersion < this.compactedBefore) return expired();
      offset = position.offset;
      listVersion = position.resourceVersion;
    }
    const items = this.store.list(type, { namespace, selector });
    const end = limit > 0 ? offset + limit : items.length;
    const page = items.slice(offset, end);
    const remaining = items.length - Math.min(end, items.length);
    const groupVersion = groupVersionOf(type);
    return {
      status: 200,
      body: {
        kind: `${type.kind}List`,
        apiVersion: groupVersion,
        metadata: {
          resourceVersion: String(listVersion),
          ...(remaining > 0
            ? {
                continue: encodeContinueToken({
                  resourceVersion: listVersion,
                  offset: end,
                }),
                remainingItemCount: remaining,
              }
            : {}),
        },
        items: page.map(item => asListItem(item, type, groupVersion)),
      },
    };
  }
}

/** Built-in list items carry no apiVersion/kind on a real API server; custom ones do. */
function asListItem(
  item: KubeObject,
  type: SandboxResourceType,
  groupVersion: string,
) {
  if (type.custom) return { ...item, apiVersion: groupVersion };
  const { apiVersion: _apiVersion, kind: _kind, ...rest } = item;
  return rest;
}

function status(code: number, reason: string, message: string): Reply {
  return {
    status: code,
    body: {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message,
      reason,
      code,
    },
  };
}

function expired(): Reply {
  return status(
    410,
    'Expired',
    'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.',
  );
}

function notFound(path: string): Reply {
  return status(
    404,
    'NotFound',
    `the server could not find the requested resource (${path})`,
  );
}

function reasonFor(code: number): string {
  if (code === 403) return 'Forbidden';
  if (code === 429) return 'TooManyRequests';
  if (code >= 500) return 'InternalError';
  return 'Unknown';
}

function sleep(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms));
}
