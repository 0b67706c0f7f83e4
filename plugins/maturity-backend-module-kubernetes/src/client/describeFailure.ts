import { ApiException } from '@kubernetes/client-node';

/** A failed request, reduced to what decides a retry and what a person should read. */
export interface RequestFailure {
  status?: number;
  /** From Retry-After (seconds or an HTTP date). */
  retryAfterMs?: number;
  timedOut: boolean;
  message: string;
}

/** For answers whose body the client drops (it keeps none for 401). */
const FALLBACK_REASONS: Record<number, string> = {
  401: ': the token was rejected',
  403: ': the service account may not do this',
};

/** Classifies what the client threw: an HTTP status, a timeout, a malformed body or a network error. */
export function describeFailure(
  error: unknown,
  timeoutMs: number,
): RequestFailure {
  if (error instanceof ApiException) {
    const status: number = error.code;
    const headers: Record<string, string> = error.headers ?? {};
    return {
      status,
      retryAfterMs: parseRetryAfter(headers['retry-after']),
      timedOut: false,
      message: `HTTP ${status}${
        statusMessage(error.body) || (FALLBACK_REASONS[status] ?? '')
      }`,
    };
  }
  if (
    error instanceof Error &&
    (error.name === 'AbortError' || error.name === 'TimeoutError')
  ) {
    return { timedOut: true, message: `no answer within ${timeoutMs} ms` };
  }
  if (error instanceof SyntaxError) {
    return {
      timedOut: false,
      message: `malformed response (${error.message})`,
    };
  }
  return {
    timedOut: false,
    message: error instanceof Error ? error.message : String(error),
  };
}

/** The `message` of a Kubernetes Status body, which the client hands over as text. */
function statusMessage(body: unknown): string {
  let status: unknown = body;
  if (typeof body === 'string') {
    try {
      status = JSON.parse(body);
    } catch {
      return '';
    }
  }
  if (
    typeof status === 'object' &&
    status !== null &&
    'message' in status &&
    typeof status.message === 'string'
  ) {
    return `: ${status.message}`;
  }
  return '';
}

function parseRetryAfter(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
