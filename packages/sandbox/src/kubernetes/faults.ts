/** A misbehaviour the sandbox API server can be told to show. */
export type KubernetesFault =
  /** Answer with this status (5xx, 429, 403 …), optionally with a Retry-After header. */
  | { type: 'status'; status: number; retryAfterSeconds?: number }
  /** Accept the request and never answer, until the sandbox closes. */
  | { type: 'hang' }
  /** Answer 200 with a body that is not JSON. */
  | { type: 'malformed' }
  /** Answer 410 Gone to requests carrying a `continue` token, as after an etcd compaction. */
  | { type: 'expireContinue' };

/** When a fault applies. */
export interface FaultRule {
  fault: KubernetesFault;
  /** Only this cluster; every cluster when absent. */
  cluster?: string;
  /** Only request paths containing this text (e.g. `/deployments`); every path when absent. */
  path?: string;
  /** How many matching requests get the fault; unlimited when absent. */
  times?: number;
}

/** The request a fault is matched against. */
export interface FaultRequest {
  cluster: string;
  path: string;
  hasContinueToken: boolean;
}

/** Holds the fault rules of a sandbox and hands out the one a request should suffer. */
export class FaultInjector {
  private rules: FaultRule[] = [];

  add(rule: FaultRule): void {
    this.rules.push({ ...rule });
  }

  clear(): void {
    this.rules = [];
  }

  /** The fault for this request, if any; counts it against the rule's `times`. */
  take(request: FaultRequest): KubernetesFault | undefined {
    const rule = this.rules.find(
      r =>
        (r.times === undefined || r.times > 0) &&
        (r.cluster === undefined || r.cluster === request.cluster) &&
        (r.path === undefined || request.path.includes(r.path)) &&
        (r.fault.type !== 'expireContinue' || request.hasContinueToken),
    );
    if (rule && rule.times !== undefined) rule.times -= 1;
    return rule?.fault;
  }
}
