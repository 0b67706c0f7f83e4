import type { Request, Response } from 'express';
import { JsonAnswer } from './JsonAnswer';

// Keyed by the answer object: a cached answer (the whole-org rollup, hundreds of KB at
// 10,000 services) is served as the same object until the next recompute.
const encoded = new WeakMap<object, JsonAnswer>();

/**
 * Sends `body` as JSON with an ETag (304 when the caller's copy is current). An answer
 * sent again as the same object is served from its encoded bytes, gzipped once for
 * callers that accept it (the backend's compression middleware would gzip it again for
 * every browser); answers built per request are sent as text and left to that middleware.
 */
export function sendJson(req: Request, res: Response, body: object): void {
  const seen = encoded.get(body);
  if (seen) {
    seen.send(req, res);
    return;
  }
  const answer = JsonAnswer.of(body);
  encoded.set(body, answer);
  answer.sendText(res);
}
