import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { plainServerFloor } from './plainServerFloor';

jest.setTimeout(60_000);

describe('plainServerFloor', () => {
  let backend: Server;
  let baseUrl: string;
  const rollup = gzipSync(JSON.stringify({ groups: Array(500).fill('team') }));
  const scorecard = Buffer.from('{"level":2}');
  const seen: Array<string | undefined> = [];

  beforeAll(async () => {
    // Stands in for the backend: one compressed answer, one plain.
    backend = createServer((req, res) => {
      seen.push(req.headers['accept-encoding']);
      if (req.url === '/rollup') {
        res.setHeader('Content-Encoding', 'gzip');
        res.end(rollup);
      } else if (req.url === '/scorecard') {
        res.end(scorecard);
      } else {
        res.statusCode = 404;
        res.end();
      }
    });
    await new Promise<void>(resolve => backend.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(backend.address() as AddressInfo).port}`;
  });
  afterAll(() => backend.close());

  it('loads a plain server sending each route’s bytes as the backend sent them', async () => {
    const floors = await plainServerFloor({
      baseUrl,
      routes: { scorecard: '/scorecard', rollup: '/rollup' },
      headers: { 'Accept-Encoding': 'gzip, br' },
      connections: 4,
      durationSeconds: 0.5,
    });
    expect(seen).toEqual(['gzip, br', 'gzip, br']);
    expect(floors.rollup.bytes).toBe(rollup.length);
    expect(floors.scorecard.bytes).toBe(scorecard.length);
    for (const figures of Object.values(floors)) {
      expect(figures.failures).toBe(0);
      expect(figures.requests).toBeGreaterThan(10);
      expect(figures.p99Ms).toBeGreaterThan(0);
    }
  });

  it('refuses a route the backend does not answer', async () => {
    await expect(
      plainServerFloor({
        baseUrl,
        routes: { missing: '/nowhere' },
        headers: {},
        connections: 1,
        durationSeconds: 0.2,
      }),
    ).rejects.toThrow(/nowhere answered 404/);
  });
});
