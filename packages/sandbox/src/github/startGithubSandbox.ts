import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { GithubFaultInjector, type GithubRequestKind } from './faults';
import { answerGraphql } from './answerGraphql';
import { applyFault } from './applyFault';
import type { RepositoryDenial } from './graphqlModel';
import { answerRest } from './restRoutes';
import type { GithubWorld } from './types';

/** One request the sandbox received. */
export interface GithubRecordedRequest {
  kind: GithubRequestKind;
  method: string;
  path: string;
  /** Epoch ms when the request arrived. */
  receivedAt: number;
  /** The answer's status; undefined while unanswered (hangs). */
  status?: number;
  /** Whether it counted against the rate limit (304s and 401s do not). */
  counted?: boolean;
  /** GraphQL only: the rate-limit points GitHub would charge for the query. */
  points?: number;
}

/** Requests by how GitHub would account for them. */
export interface GithubRequestCounts {
  rest: number;
  graphql: number;
  /** REST requests answered 304 Not Modified: free against the rate limit. */
  notModified: number;
  /** Requests that cost rate limit. */
  counted: number;
  total: number;
  /** GraphQL rate-limit points the queries would cost on GitHub. */
  graphqlPoints: number;
}

/** A running GitHub sandbox. */
export interface GithubSandbox {
  /** Root of the REST API, for `integrations.github[].apiBaseUrl`; GraphQL is at `/graphql`. */
  apiBaseUrl: string;
  /** The token requests must carry. */
  token: string;
  faults: GithubFaultInjector;
  /** Delay before every answer, per kind of request. */
  setLatency(latency: { rest?: number; graphql?: number }): void;
  /** Makes repositories unreadable: 404 (not found or no access) or 403. */
  deny(slug: string, denial?: RepositoryDenial): void;
  /** Undoes {@link GithubSandbox.deny}. */
  allow(slug: string): void;
  /** Makes one field of a repository unreadable (FORBIDDEN), as a token without its permission sees it. */
  refuseField(slug: string, field: string): void;
  readonly requests: readonly GithubRecordedRequest[];
  counts(): GithubRequestCounts;
  resetRequests(): void;
  close(): Promise<void>;
}

/** @public */
export interface StartGithubSandboxOptions {
  world: GithubWorld;
  token?: string;
  latency?: { rest?: number; graphql?: number };
  /** Requests per hour per resource (`core`, `graphql`) before the primary limit answers 403. */
  rateLimit?: number;
  /** Loopback only by default; the sandbox is test data, never to be exposed. */
  host?: string;
  port?: number;
}

/**
 * Starts an HTTP server that answers the GitHub REST and GraphQL subset the collector uses
 * from `world`, with GitHub's authentication, rate-limit headers, ETags and errors.
 */
export async function startGithubSandbox(
  options: StartGithubSandboxOptions,
): Promise<GithubSandbox> {
  const token = options.token ?? 'sandbox-token';
  const faults = new GithubFaultInjector();
  const latency = { rest: 0, graphql: 0, ...options.latency };
  const denials = new Map<string, RepositoryDenial>();
  const refused = new Map<string, Set<string>>();
  const requests: GithubRecordedRequest[] = [];
  const limit = options.rateLimit ?? 5000;
  const resetAt = Math.floor(Date.now() / 1000) + 3600;
  const used = { core: 0, graphql: 0 };
  const hanging = new Set<http.ServerResponse>();
  let baseUrl = '';

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', chunk => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://sandbox');
      const kind: GithubRequestKind =
        url.pathname === '/graphql' ? 'graphql' : 'rest';
      const record: GithubRecordedRequest = {
        kind,
        method: req.method ?? 'GET',
        path: url.pathname + url.search,
        receivedAt: Date.now(),
      };
      requests.push(record);
      const resource = kind === 'graphql' ? 'graphql' : 'core';

      const send = (
        status: number,
        body: unknown,
        headers: Record<string, string> = {},
        counted = true,
      ) => {
        if (counted) used[resource] += 1;
        record.status = status;
        record.counted = counted;
        const text = typeof body === 'string' ? body : JSON.stringify(body);
        res.writeHead(status, {
          'content-type': 'application/json; charset=utf-8',
          'x-ratelimit-limit': String(limit),
          'x-ratelimit-remaining': String(Math.max(0, limit - used[resource])),
          'x-ratelimit-reset': String(resetAt),
          'x-ratelimit-used': String(used[resource]),
          'x-ratelimit-resource': resource,
          ...headers,
        });
        res.end(status === 304 ? undefined : text);
      };

      const respond = () => {
        const header = req.headers.authorization ?? '';
        const presented = header.replace(/^(token|bearer)\s+/i, '');
        if (!header) {
          send(401, { message: 'Requires authentication' }, {}, false);
          return;
        }
        if (presented !== token) {
          send(401, { message: 'Bad credentials' }, {}, false);
          return;
        }
        const fault = faults.take(kind, record.path);
        if (
          fault &&
          applyFault(fault, send, res, hanging, limit, used[resource])
        )
          return;
        if (used[resource] >= limit) {
          send(
            403,
            { message: `API rate limit exceeded for installation.` },
            { 'x-ratelimit-remaining': '0' },
            false,
          );
          return;
        }
        if (kind === 'graphql') {
          answerGraphql(chunks, options.world, denials, refused, () => ({
            limit,
            remaining: limit - used.graphql,
            used: used.graphql,
            resetAt: new Date(resetAt * 1000).toISOString(),
          })).then(
            answer => {
              record.points = answer.points;
              send(answer.status, answer.body);
            },
            error => send(500, { message: String(error) }),
          );
          return;
        }
        const answer = answerRest(
          req.method ?? 'GET',
          url,
          options.world.repositories.values(),
          slug => !denials.has(slug),
          baseUrl,
        );
        const text = JSON.stringify(answer.body);
        const etag = `W/"${createHash('sha1').update(text).digest('hex')}"`;
        if (answer.status === 200 && req.headers['if-none-match'] === etag) {
          send(304, '', { etag }, false);
          return;
        }
        send(answer.status, text, {
          ...answer.headers,
          ...(answer.status === 200 ? { etag } : {}),
        });
      };

      const delay = latency[kind];
      if (delay > 0) setTimeout(respond, delay);
      else respond();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () =>
      resolve(),
    );
  });
  const address = server.address() as AddressInfo;
  baseUrl = `http://${address.address}:${address.port}`;

  return {
    apiBaseUrl: baseUrl,
    token,
    faults,
    setLatency: next => Object.assign(latency, next),
    deny: (slug, denial = 'NOT_FOUND') => denials.set(slug, denial),
    allow: slug => {
      denials.delete(slug);
      refused.delete(slug);
    },
    refuseField: (slug, field) =>
      refused.set(slug, new Set([...(refused.get(slug) ?? []), field])),
    get requests() {
      return requests;
    },
    counts: () => {
      const answered = requests.filter(r => r.status !== undefined);
      return {
        rest: requests.filter(r => r.kind === 'rest').length,
        graphql: requests.filter(r => r.kind === 'graphql').length,
        notModified: answered.filter(r => r.status === 304).length,
        counted: answered.filter(r => r.counted).length,
        total: requests.length,
        graphqlPoints: requests.reduce((sum, r) => sum + (r.points ?? 0), 0),
      };
    },
    resetRequests: () => {
      requests.length = 0;
    },
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>(resolve => server.close(() => resolve()));
    },
  };
}
