/** GitHub refused for longer than a run may wait. */
export class RateLimitedError extends Error {
  readonly name = 'RateLimitedError';
}

/**
 * Remembers when GitHub asked us to stop (Retry-After, or a used-up rate limit until its
 * reset) and holds every later request until then, across concurrent requests and runs.
 * Octokit's throttling plugin only delays the request that was refused; without this gate
 * a second batch in flight would keep hitting GitHub during the wait.
 */
export class RateLimitGate {
  private blockedUntil = 0;
  private why = '';

  constructor(private readonly maxWaitMs: number) {}

  /** Waits until requests may go out; throws if that is further away than `maxWaitMs`. */
  async waitTurn(signal: AbortSignal): Promise<void> {
    const waitMs = this.blockedUntil - Date.now();
    if (waitMs <= 0) return;
    if (waitMs > this.maxWaitMs) {
      throw new RateLimitedError(
        `GitHub asked to wait ${Math.ceil(waitMs / 1000)} s (${
          this.why
        }); not retrying in this run`,
      );
    }
    await sleep(waitMs, signal);
  }

  /** Reads Retry-After and the rate-limit headers of a response or error response. */
  observe(
    status: number | undefined,
    headers: Record<string, string | number | undefined>,
  ) {
    const retryAfter = Number(headers['retry-after']);
    if (
      Number.isFinite(retryAfter) &&
      retryAfter > 0 &&
      (status === 403 || status === 429)
    ) {
      this.block(
        Date.now() + retryAfter * 1000,
        `HTTP ${status} with Retry-After ${retryAfter}`,
      );
      return;
    }
    if (String(headers['x-ratelimit-remaining']) === '0') {
      const reset = Number(headers['x-ratelimit-reset']) * 1000;
      if (Number.isFinite(reset))
        this.block(reset + 1000, 'rate limit used up until its reset');
    }
  }

  private block(until: number, why: string) {
    if (until > this.blockedUntil) {
      this.blockedUntil = until;
      this.why = why;
    }
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    let timer: ReturnType<typeof setTimeout> | undefined = undefined;
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
