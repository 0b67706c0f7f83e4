import { ResponseError } from '@backstage/errors';

/** The backend's own words when it sent them ("Not allowed: …"), else the error's. */
export function errorMessage(error: Error): string {
  if (error instanceof ResponseError || error.name === 'ResponseError') {
    const body = (error as ResponseError).body;
    if (body?.error?.message) return body.error.message;
  }
  return error.message;
}
