import express from 'express';
import { get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { JsonAnswer } from './JsonAnswer';

/** An answer shaped like the whole-org rollup: many teams, hundreds of KB as JSON. */
function largeBody() {
  return {
    groups: Array.from({ length: 2_000 }, (_, i) => ({
      groupRef: `group:default/team-${i}`,
      title: `Team ${i}`,
      figures: { level: i % 5, services: i, coverage: (i % 97) / 97 },
    })),
  };
}

const servers: Server[] = [];
afterEach(() => servers.splice(0).forEach(server => server.close()));

/** Serves the answer on a loopback port; answers its base URL. */
async function serve(answer: JsonAnswer): Promise<string> {
  const app = express();
  app.get('/', (req, res) => answer.send(req, res));
  const server = app.listen(0, '127.0.0.1');
  servers.push(server);
  await new Promise(resolve => server.once('listening', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

/** The bytes as sent, not decoded, with their encoding. */
function fetchRaw(url: string, acceptEncoding: string) {
  return new Promise<{
    encoding: string | undefined;
    bytes: Buffer;
    etag: string | undefined;
  }>((resolve, reject) => {
    get(url, { headers: { 'Accept-Encoding': acceptEncoding } }, res => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          encoding: res.headers['content-encoding'],
          bytes: Buffer.concat(chunks),
          etag: res.headers.etag,
        }),
      );
    }).on('error', reject);
  });
}

describe('JsonAnswer', () => {
  it('sends a large answer with Brotli once it is made, gzipped until then', async () => {
    const body = largeBody();
    const answer = JsonAnswer.of(body);
    const app = await serve(answer);

    const first = await fetchRaw(app, 'gzip, deflate, br');
    expect(first.encoding).toBe('gzip');
    expect(JSON.parse(gunzipSync(first.bytes).toString())).toEqual(body);

    let brotli = first;
    for (let i = 0; i < 200 && brotli.encoding !== 'br'; i++) {
      await new Promise(resolve => setTimeout(resolve, 10));
      brotli = await fetchRaw(app, 'gzip, deflate, br');
    }
    expect(brotli.encoding).toBe('br');
    expect(JSON.parse(brotliDecompressSync(brotli.bytes).toString())).toEqual(
      body,
    );
    expect(brotli.bytes.length).toBeLessThan(first.bytes.length);
    expect(brotli.etag).toBe(first.etag);

    // Whatever the order, and through a wildcard; gzip for a caller that prefers it or
    // takes no Brotli.
    expect((await fetchRaw(app, 'br, gzip')).encoding).toBe('br');
    expect((await fetchRaw(app, 'gzip;q=0.8, *')).encoding).toBe('br');
    expect((await fetchRaw(app, 'BR;Q=1, gzip;q=1')).encoding).toBe('br');
    expect((await fetchRaw(app, 'br;q=0.5, gzip')).encoding).toBe('gzip');
    expect((await fetchRaw(app, 'br;q=0, gzip')).encoding).toBe('gzip');
    expect((await fetchRaw(app, 'br;q=nonsense, gzip')).encoding).toBe('gzip');
    expect((await fetchRaw(app, 'gzip')).encoding).toBe('gzip');
    expect((await fetchRaw(app, 'identity')).encoding).toBeUndefined();
  });

  it('never compresses a small answer with Brotli', async () => {
    const app = await serve(JsonAnswer.of({ level: 2, checks: [] }));
    for (let i = 0; i < 3; i++) {
      expect((await fetchRaw(app, 'br, gzip')).encoding).toBe('gzip');
      await new Promise(resolve => setTimeout(resolve, 20));
    }
    // Only Brotli acceptable: the plain text rather than bytes it cannot read.
    const onlyBrotli = await fetchRaw(app, 'br');
    expect(onlyBrotli.encoding).toBeUndefined();
    expect(JSON.parse(onlyBrotli.bytes.toString())).toEqual({
      level: 2,
      checks: [],
    });
  });
});
