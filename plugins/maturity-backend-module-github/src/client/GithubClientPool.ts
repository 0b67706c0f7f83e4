import type { LoggerService } from '@backstage/backend-plugin-api';
import type { GithubCredentialsProvider } from '@backstage/integration';
import type { GithubSourceOptions } from '../config';
import type { ErrorDigest } from '../service/ErrorDigest';
import { createGithubClient, type GithubClient } from './createGithubClient';
import { RateLimitGate } from './RateLimitGate';
import type { RequestCounter } from './RequestCounter';

/** The repositories one token may read, by owner, with the client that reads them. */
export interface TokenGroup {
  client: GithubClient;
  /** Lower-cased owner → lower-cased slugs. */
  owners: Map<string, string[]>;
}

/**
 * Hands out one client per token for a run. Credentials are asked per owner, because a
 * GitHub App has one installation (and token) per organisation; owners sharing a token
 * share a client. The rate-limit gate of a token outlives the run, so a Retry-After from
 * the last run still holds.
 */
export class GithubClientPool {
  private readonly gates = new Map<string, RateLimitGate>();

  constructor(
    private readonly credentials: GithubCredentialsProvider,
    private readonly options: GithubSourceOptions,
    private readonly baseUrl: string,
  ) {}

  async forRun(
    keysByOwner: Map<string, string[]>,
    run: {
      counter: RequestCounter;
      signal: AbortSignal;
      logger: LoggerService;
    },
    errors: ErrorDigest,
  ): Promise<TokenGroup[]> {
    const { options } = this;
    const groups = new Map<string, TokenGroup>();
    for (const [owner, keys] of keysByOwner) {
      let token: string | undefined;
      try {
        ({ token } = await this.credentials.getCredentials({
          url: `https://${options.host}/${owner}`,
        }));
      } catch (error) {
        errors.addPlain(
          `No GitHub credentials for ${owner}: ${
            error instanceof Error ? error.message : String(error)
          }`,
        );
        continue;
      }
      const groupKey = token ?? '';
      let group = groups.get(groupKey);
      if (!group) {
        let gate = this.gates.get(groupKey);
        if (!gate) {
          gate = new RateLimitGate(options.maxRetryAfterSeconds * 1000);
          this.gates.set(groupKey, gate);
        }
        group = {
          client: createGithubClient({
            baseUrl: this.baseUrl,
            token,
            timeoutMs: options.requestTimeoutMs,
            maxRetries: options.maxRetries,
            concurrency: options.concurrency,
            maxRetryAfterSeconds: options.maxRetryAfterSeconds,
            gate,
            ...run,
          }),
          owners: new Map(),
        };
        groups.set(groupKey, group);
      }
      group.owners.set(owner, keys);
    }
    return [...groups.values()];
  }
}
