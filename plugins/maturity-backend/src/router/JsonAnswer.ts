import type { Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';

/**
 * A JSON answer serialized once, to be sent many times: its ETag, and its bytes plain or
 * gzipped as each caller accepts. Serializing, hashing and compressing a large answer per
 * request was most of what serving it cost.
 */
export class JsonAnswer {
  private identity?: Buffer;
  private gzip?: Buffer;

  private constructor(
    private text: string | undefined,
    readonly etag: string,
  ) {}

  static of(body: object): JsonAnswer {
    const text = JSON.stringify(body);
    const digest = createHash('sha1').update(text).digest('base64url');
    return new JsonAnswer(text, `W/"${text.length.toString(16)}-${digest}"`);
  }

  /**
   * Keeps the gzip form only (a scorecard shrinks about sevenfold), for answers held in a
   * cache; the rare caller that does not accept gzip gets it unzipped on each request.
   */
  static compressed(body: object): JsonAnswer {
    const answer = JsonAnswer.of(body);
    answer.gzip = gzipSync(answer.text!);
    answer.text = undefined;
    return answer;
  }

  /** Bytes held. */
  get size(): number {
    return (
      (this.text?.length ?? 0) +
      (this.identity?.length ?? 0) +
      (this.gzip?.length ?? 0)
    );
  }

  /** Sends the answer once, as text: a one-off answer is not worth keeping bytes for. */
  sendText(res: Response): void {
    this.setHeaders(res);
    res.send(this.text ?? gunzipSync(this.gzip!).toString());
  }

  /** Sends the kept bytes, gzipped when the caller accepts it (304 when its copy is current). */
  send(req: Request, res: Response): void {
    this.setHeaders(res);
    if (req.acceptsEncodings('gzip', 'identity') === 'gzip') {
      this.gzip ??= gzipSync(this.text!);
      res.setHeader('Content-Encoding', 'gzip');
      res.send(this.gzip);
    } else if (this.text === undefined) {
      res.send(gunzipSync(this.gzip!));
    } else {
      this.identity ??= Buffer.from(this.text);
      res.send(this.identity);
    }
  }

  private setHeaders(res: Response) {
    res.setHeader('ETag', this.etag);
    res.vary('Accept-Encoding');
    // What res.type('application/json') sets, without its lookups on every request.
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
  }
}
