/**
 * A plain Node HTTP server (no Express, no Backstage) in a process of its own, sending
 * fixed bodies: the floor that the machine's loopback and the load generator set under
 * the backend's latency at the same hour (see plainServerFloor).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serveCommands } from '../ipc';

export interface PlainBody {
  path: string;
  /** The body's bytes, base64 (IPC carries JSON). */
  base64: string;
  contentEncoding?: string;
}

export type PlainServerCommand =
  | { type: 'serve'; bodies: PlainBody[] }
  | { type: 'stop' };
export type PlainServerReply =
  | { type: 'serving'; port: number }
  | { type: 'failed'; message: string };

serveCommands<PlainServerCommand>(['serve', 'stop'], async command => {
  if (command.type === 'stop') process.exit(0);
  const bodies = new Map(
    command.bodies.map(b => [
      b.path,
      { bytes: Buffer.from(b.base64, 'base64'), encoding: b.contentEncoding },
    ]),
  );
  const server = createServer((req, res) => {
    const body = bodies.get(req.url ?? '');
    if (!body) {
      res.statusCode = 404;
      res.end();
      return;
    }
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    if (body.encoding) res.setHeader('Content-Encoding', body.encoding);
    res.end(body.bytes);
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return { type: 'serving', port: (server.address() as AddressInfo).port };
});
