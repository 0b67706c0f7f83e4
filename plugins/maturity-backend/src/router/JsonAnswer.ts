import type { Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { brotliCompress, constants, gunzipSync, gzipSync } from 'node:zlib';

/**
 * Answers at least this long (as JSON text) are also compressed with Brotli for callers
 * that accept it, as browsers do. Only large answers that are sent many times are worth
 * it: compressing costs about 0.1 s of a thread-pool thread for the 490 KB whole-org
 * rollup at 10,000 services, which it takes from 40 KB gzipped to 32 KB. On this
 * project's machine a plain Node server sending those 40 KB to 50 connections answered
 * 4,800–5,500 requests a second with a p99 of 33–43 ms, and the 32 KB 6,900–8,300 with
 * 26–34 ms (three alternating runs each).
 */
const BROTLI_MIN_LENGTH = 64 * 1024;
/** Of 11: quality 10 and 11 made that answer 28 and 26 KB, but took 0.35 and 1.1 s. */
const BROTLI_QUALITY = 9;

/**
 * A JSON answer serialized once, to be sent many times: its ETag, and its bytes plain or
 * gzipped as each caller accepts. Serializing, hashing and compressing a large answer per
 * request was most of what serving it cost.
 */
export class JsonAnswer {
  private identity?: Buffer;
  private gzip?: Buffer;
  private brotli?: Buffer;
  private brotliStarted = false;

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
      (this.gzip?.length ?? 0) +
      (this.brotli?.length ?? 0)
    );
  }

  /** Sends the answer once, as text: a one-off answer is not worth keeping bytes for. */
  sendText(res: Response): void {
    this.setHeaders(res);
    res.send(this.text ?? gunzipSync(this.gzip!).toString());
  }

  /**
   * Sends the kept bytes, compressed as the caller accepts (304 when its copy is
   * current). A large answer's Brotli form is made in the background the first time a
   * caller accepts it; until it is ready, such callers get it gzipped.
   */
  send(req: Request, res: Response): void {
    this.setHeaders(res);
    if (this.prefersBrotli(req)) {
      if (this.brotli) {
        res.setHeader('Content-Encoding', 'br');
        res.send(this.brotli);
        return;
      }
      this.startBrotli();
    }
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

  /** Whether the answer is large enough for Brotli and the caller takes it. */
  private prefersBrotli(req: Request): boolean {
    return (
      this.text !== undefined &&
      this.text.length >= BROTLI_MIN_LENGTH &&
      takesBrotliFirst(req.headers['accept-encoding'])
    );
  }

  /** Compresses the text with Brotli on the thread pool, once; a failure leaves gzip. */
  private startBrotli(): void {
    if (this.brotliStarted || this.text === undefined) return;
    this.brotliStarted = true;
    brotliCompress(
      this.text,
      {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: this.text.length,
        },
      },
      (error, compressed) => {
        if (!error) this.brotli = compressed;
      },
    );
  }

  private setHeaders(res: Response) {
    res.setHeader('ETag', this.etag);
    res.vary('Accept-Encoding');
    // What res.type('application/json') sets, without its lookups on every request.
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
  }
}

// Callers send a handful of distinct headers (each browser its own): each is read once.
const brotliByHeader = new Map<string, boolean>();

/**
 * Whether an Accept-Encoding header takes Brotli at least as gladly as gzip. Express's
 * negotiation breaks ties by the header's order, and browsers list gzip first
 * (`gzip, deflate, br`), so it would never choose Brotli for them.
 */
function takesBrotliFirst(header: string | undefined): boolean {
  if (!header) return false;
  let takes = brotliByHeader.get(header);
  if (takes === undefined) {
    if (brotliByHeader.size >= 64) brotliByHeader.clear();
    takes = readsBrotliFirst(header);
    brotliByHeader.set(header, takes);
  }
  return takes;
}

function readsBrotliFirst(header: string): boolean {
  const quality = new Map<string, number>();
  for (const part of header.split(',')) {
    const [coding, ...params] = part
      .split(';')
      .map(p => p.trim().toLowerCase());
    const q = params.find(p => p.startsWith('q='));
    const value = q === undefined ? 1 : Number(q.slice(2));
    quality.set(coding, Number.isFinite(value) ? value : 0);
  }
  const of = (coding: string) => quality.get(coding) ?? quality.get('*') ?? 0;
  return of('br') > 0 && of('br') >= of('gzip');
}
