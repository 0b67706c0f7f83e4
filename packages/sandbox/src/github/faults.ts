/** Which API a request went to. */
export type GithubRequestKind = 'rest' | 'graphql';

/** A misbehaviour the GitHub sandbox can be told to show. */
export type GithubFault =
  /** Answer with this status and GitHub's error body (5xx, or a plain 403/429). */
  | { type: 'status'; status: number; retryAfterSeconds?: number }
  /** GitHub's secondary rate limit: 403 (or 429) with Retry-After and its message. */
  | {
      type: 'secondaryRateLimit';
      retryAfterSeconds: number;
      status?: 403 | 429;
    }
  /** The primary rate limit is used up: 403 with `x-ratelimit-remaining: 0` until the reset. */
  | { type: 'primaryRateLimit'; resetInSeconds: number }
  /** Accept the request and never answer, until the sandbox closes. */
  | { type: 'hang' }
  /** Answer 200 with a JSON content type and a body that is not JSON. */
  | { type: 'malformed' };

/** When a fault applies. */
export interface GithubFaultRule {
  fault: GithubFault;
  /** Only REST or only GraphQL requests; both when absent. */
  kind?: GithubRequestKind;
  /** Only request paths containing this text; every path when absent. */
  path?: string;
  /** How many matching requests get the fault; unlimited when absent. */
  times?: number;
}

/** Holds the fault rules of a GitHub sandbox and hands out the one a request should suffer. */
export class GithubFaultInjector {
  private rules: GithubFaultRule[] = [];

  add(rule: GithubFaultRule): void {
    this.rules.push({ ...rule });
  }

  clear(): void {
    this.rules = [];
  }

  /** The fault for this request, if any; counts it against the rule's `times`. */
  take(kind: GithubRequestKind, path: string): GithubFault | undefined {
    const rule = this.rules.find(
      r =>
        (r.times === undefined || r.times > 0) &&
        (r.kind === undefined || r.kind === kind) &&
        (r.path === undefined || path.includes(r.path)),
    );
    if (rule && rule.times !== undefined) rule.times -= 1;
    return rule?.fault;
  }
}
