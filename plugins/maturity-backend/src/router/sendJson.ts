import type { Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

interface Encoded {
  text: string;
  etag: string;
  /** The UTF-8 bytes, kept once the same answer is sent a second time. */
  identity?: Buffer;
  gzip?: Buffer;
}

// Keyed by the answer object: a cached answer (the whole-org rollup, hundreds of KB at
// 10,000 services) is served as the same object until the next recompute.
const encoded = new WeakMap<object, Encoded>();

/**
 * Sends `body` as JSON with an ETag (304 when the caller's copy is current). An answer
 * sent again as the same object is served from its encoded bytes: serializing, hashing
 * and encoding it per request was most of its cost, and the backend's compression
 * middleware would gzip it again for every browser. Its gzip form is made once, for
 * callers that accept it; answers built per request are left to that middleware.
 */
export function sendJson(req: Request, res: Response, body: object): void {
  const seen = encoded.get(body);
  const answer = seen ?? encode(body);
  res.setHeader('ETag', answer.etag);
  res.vary('Accept-Encoding');
  res.type('application/json');
  if (!seen) {
    encoded.set(body, answer);
    res.send(answer.text);
  } else if (req.acceptsEncodings('gzip', 'identity') === 'gzip') {
    answer.gzip ??= gzipSync(answer.text);
    res.setHeader('Content-Encoding', 'gzip');
    res.send(answer.gzip);
  } else {
    answer.identity ??= Buffer.from(answer.text);
    res.send(answer.identity);
  }
}

function encode(body: object): Encoded {
  const text = JSON.stringify(body);
  const digest = createHash('sha1').update(text).digest('base64url');
  return { text, etag: `W/"${text.length.toString(16)}-${digest}"` };
}
