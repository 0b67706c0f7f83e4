import { Octokit } from '@octokit/core';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck';
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { RateLimitGate } from './RateLimitGate';
import type { RequestCounter } from './RequestCounter';

/** @public */
export interface GithubClientOptions {
  /** REST root, e.g. `https://api.github.com` (GraphQL is derived from it). */
  baseUrl: string;
  /** Installation or personal token; never logged. */
  token?: string;
  /** Per attempt, so a hung connection cannot hold a run. */
  timeoutMs: number;
  /** Retries of 5xx, timeouts and rate limits per request. */
  maxRetries: number;
  /** GraphQL queries in flight at once (`maturity.github.concurrency`). */
  concurrency: number;
  /** Longest Retry-After (or rate-limit reset) worth waiting for inside one run. */
  maxRetryAfterSeconds: number;
  gate: RateLimitGate;
  counter: RequestCounter;
  signal: AbortSignal;
  logger: LoggerService;
}

/** Least time between the starts of two GraphQL queries (at most 600 a minute). */
const QUERY_SPACING_MS = 100;

/** An Octokit with this module's plugins installed; only `request` and `graphql` are used. */
export type GithubClient = Octokit;

function buildClientClass(options: GithubClientOptions): typeof Octokit {
  const { gate, counter, signal, timeoutMs } = options;
  // Installed first, so it wraps the bare HTTP call: it sees every attempt the retry and
  // throttling plugins make, applies the gate and a fresh timeout to each.
  const gatePlugin = (octokit: Octokit) => {
    octokit.hook.wrap('request', async (request, requestOptions) => {
      await gate.waitTurn(signal);
      counter.sent += 1;
      const attemptSignal = AbortSignal.any([
        signal,
        AbortSignal.timeout(timeoutMs),
      ]);
      requestOptions.request = {
        ...requestOptions.request,
        signal: attemptSignal,
      };
      try {
        const response = await request(requestOptions);
        gate.observe(
          response.status,
          response.headers as Record<string, string>,
        );
        const { readAnswer } = requestOptions.request ?? {};
        if (typeof readAnswer === 'function') {
          // The caller turns the answer into what it keeps right here (see
          // fetchRepositoryBatch), with the body read under this attempt's timeout.
          const body = new Response(response.data as ReadableStream);
          response.data = readAnswer(new Uint8Array(await body.arrayBuffer()));
          return response;
        }
        // Octokit hands back the raw text when a JSON body does not parse, which happens
        // when the body is malformed or the timeout cut it off halfway.
        const type = String(response.headers['content-type'] ?? '');
        if (/json/.test(type) && typeof response.data === 'string') {
          const cutOff = attemptSignal.aborted
            ? ` (cut off by the ${timeoutMs} ms timeout)`
            : '';
          throw new Error(
            `GitHub's answer to ${requestOptions.method} ${requestOptions.url} is not valid JSON${cutOff}`,
          );
        }
        return response;
      } catch (error) {
        const e = error as {
          status?: number;
          response?: { headers?: Record<string, string> };
        };
        if (e.status === 304) counter.notModified += 1;
        if (e.response?.headers) gate.observe(e.status, e.response.headers);
        throw error;
      }
    });
  };
  return Octokit.plugin(gatePlugin, throttling, retry);
}

/**
 * An Octokit for one run: retries (5xx, timeouts), GitHub's primary and secondary rate
 * limits (throttling plugin, bounded by `maxRetryAfterSeconds`), a timeout per attempt and
 * the run's abort signal.
 */
export function createGithubClient(options: GithubClientOptions): GithubClient {
  const { logger, maxRetries, maxRetryAfterSeconds } = options;
  const Client = buildClientClass(options);
  const shouldRetry =
    (kind: string) =>
    (
      retryAfter: number,
      request: { method: string; url: string },
      _octokit: unknown,
      retryCount: number,
    ) => {
      const retrying =
        retryCount < maxRetries && retryAfter <= maxRetryAfterSeconds;
      logger.warn(
        `GitHub ${kind} on ${request.method} ${request.url}; ${
          retrying ? `retrying after ${retryAfter} s` : 'giving up'
        }`,
      );
      return retrying;
    };
  return new Client({
    baseUrl: options.baseUrl.replace(/\/$/, ''),
    auth: options.token,
    userAgent: 'backstage-maturity',
    // Octokit's own logging could print request details; warnings come from this module.
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
    throttle: {
      onRateLimit: shouldRetry('rate limit'),
      onSecondaryRateLimit: shouldRetry('secondary rate limit'),
      // The throttling plugin paces every GraphQL call like a mutation: one at a time, a
      // second apart, which made a 10,000-repository cold run take 200 queries × 1 s. We
      // only read, so queries share the mutation pacing no longer: up to `concurrency` at
      // once, starts spaced so a run stays far below GitHub's secondary limit of 2,000
      // GraphQL points a minute. Secondary-limit answers are still honoured above.
      write: new Bottleneck.Group({
        id: 'maturity-github-queries',
        maxConcurrent: options.concurrency,
        minTime: QUERY_SPACING_MS,
      }),
    },
    // Not `request.retries`: plugin-retry 6 would then retry every error, 304s included.
    retry: {
      retries: maxRetries,
      doNotRetry: [400, 401, 403, 404, 410, 422, 451],
    },
  });
}
