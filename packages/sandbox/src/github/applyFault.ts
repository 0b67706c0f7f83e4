import type http from 'node:http';
import type { GithubFault } from './faults';

/** Writes an answer with GitHub's rate-limit headers; `counted` says if it costs rate limit. */
export type SendAnswer = (
  status: number,
  body: unknown,
  headers?: Record<string, string>,
  counted?: boolean,
) => void;

/** Answers with the fault; false when the fault does not apply after all. */
export function applyFault(
  fault: GithubFault,
  send: SendAnswer,
  res: http.ServerResponse,
  hanging: Set<http.ServerResponse>,
  limit: number,
  usedSoFar: number,
): boolean {
  switch (fault.type) {
    case 'status':
      send(
        fault.status,
        { message: fault.status >= 500 ? 'Server Error' : 'Forbidden' },
        fault.retryAfterSeconds !== undefined
          ? { 'retry-after': String(fault.retryAfterSeconds) }
          : {},
      );
      return true;
    case 'secondaryRateLimit':
      send(
        fault.status ?? 403,
        {
          message:
            'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
          documentation_url:
            'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
        },
        { 'retry-after': String(fault.retryAfterSeconds) },
      );
      return true;
    case 'primaryRateLimit':
      send(
        403,
        { message: 'API rate limit exceeded for installation.' },
        {
          'x-ratelimit-remaining': '0',
          'x-ratelimit-used': String(Math.max(limit, usedSoFar)),
          'x-ratelimit-reset': String(
            Math.ceil(Date.now() / 1000 + fault.resetInSeconds),
          ),
        },
        false,
      );
      return true;
    case 'hang':
      hanging.add(res);
      res.on('close', () => hanging.delete(res));
      return true;
    case 'malformed':
      send(200, '{"data": {"r0": {"nameWith');
      return true;
    default:
      return false;
  }
}
