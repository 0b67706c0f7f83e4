import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { get } from 'node:http';
import { forkTypeScript, request, stopChild } from '../ipc';
import type { LoadFigures } from './loadTest';
import { loadTestApart } from './loadTestApart';
import type {
  PlainBody,
  PlainServerCommand,
  PlainServerReply,
} from './plainServerChild';

/** The floor under one route's latency: a plain server sending its bytes. */
export interface FloorFigures extends LoadFigures {
  /** The body's size as sent (compressed as the backend sent it). */
  bytes: number;
}

/**
 * Loads a plain Node server that sends, for each route, exactly the bytes the backend
 * sent for it (same compression), with the same load generator and connections. The
 * machine's speed swings from hour to hour; this says, for the hour of the run, what
 * latency the loopback and the load generator alone allow, so a backend figure can be
 * read against it.
 */
export async function plainServerFloor<Route extends string>(options: {
  baseUrl: string;
  /** Route name → path on the backend. */
  routes: Record<Route, string>;
  headers: Record<string, string>;
  connections: number;
  durationSeconds: number;
}): Promise<Record<Route, FloorFigures>> {
  const bodies: PlainBody[] = [];
  for (const [name, path] of Object.entries<string>(options.routes)) {
    const sent = await fetchAsSent(
      `${options.baseUrl}${path}`,
      options.headers,
    );
    bodies.push({
      path: `/${name}`,
      base64: sent.bytes.toString('base64'),
      contentEncoding: sent.contentEncoding,
    });
  }
  const child = forkTypeScript(
    resolvePackagePath('@maturity/bench', 'src/load/plainServerChild.ts'),
  );
  try {
    const command: PlainServerCommand = { type: 'serve', bodies };
    const { port } = await request<PlainServerReply, 'serving'>(
      child,
      command,
      'serving',
      'the plain server',
    );
    const floors = {} as Record<Route, FloorFigures>;
    for (const body of bodies) {
      const figures = await loadTestApart({
        url: `http://127.0.0.1:${port}`,
        paths: [body.path],
        connections: options.connections,
        durationSeconds: options.durationSeconds,
      });
      floors[body.path.slice(1) as Route] = {
        ...figures,
        bytes: Buffer.from(body.base64, 'base64').length,
      };
    }
    return floors;
  } finally {
    await stopChild(child);
  }
}

/** A route's answer as the backend sent it: bytes not decoded, and their encoding. */
function fetchAsSent(url: string, headers: Record<string, string>) {
  return new Promise<{ bytes: Buffer; contentEncoding?: string }>(
    (resolve, reject) => {
      get(url, { headers }, res => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          if (res.statusCode !== 200) {
            reject(new Error(`${url} answered ${res.statusCode}`));
            return;
          }
          resolve({
            bytes: Buffer.concat(chunks),
            contentEncoding: res.headers['content-encoding'],
          });
        });
        res.on('error', reject);
      }).on('error', reject);
    },
  );
}
