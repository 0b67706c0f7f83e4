import { request } from 'node:http';

/** A JSON answer with its status and the wall time until its last byte. */
export interface JsonAnswer {
  status: number;
  body: unknown;
  ms: number;
}

/**
 * POSTs JSON and reads the whole answer. Plain `node:http` rather than `fetch`: undici's
 * fetch gives up after 300 s without response headers, and a whole-org run on a large
 * scenario may legitimately take longer; we want its real time, not a timeout.
 */
export function postJson(
  url: string,
  payload: unknown,
  headers: Record<string, string>,
): Promise<JsonAnswer> {
  const body = JSON.stringify(payload);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
        },
      },
      res => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const ms = performance.now() - started;
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          try {
            parsed = JSON.parse(text);
          } catch {
            // Not JSON (an HTML error page, say): keep the text for the error message.
          }
          resolve({ status: res.statusCode ?? 0, body: parsed, ms });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
