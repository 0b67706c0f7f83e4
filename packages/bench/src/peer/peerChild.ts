/**
 * The peer's own process: starts Tech Insights on the scenario and stores its facts when
 * asked. It runs apart from the bench's load generator, as our backend does, so neither
 * side shares its event loop with the load generator and the two are timed alike.
 */
import { generateScenario } from '@maturity/sandbox';
import { serveCommands } from '../ipc';
import type { PeerCommand, PeerReply } from './peerProtocol';
import { peerChecks } from './peerRubric';
import { scenarioFingerprint } from './scenarioFingerprint';
import { startPeerBackend, type PeerBackend } from './startPeerBackend';

let backend: PeerBackend | undefined;

/** Runs every peer retriever once, together, and proves the rows are stored. */
async function writeFacts(peer: PeerBackend, expectedRows: number) {
  const started = performance.now();
  // Together, as TI's scheduler runs retrievers that fall due at the same time.
  await Promise.all(peer.retrieverIds.map(id => peer.runRetriever(id)));
  const ms = performance.now() - started;
  const rows = await peer.probe.countFactRows();
  if (rows !== expectedRows) {
    throw new Error(
      `Tech Insights stored ${rows} fact rows, expected ${expectedRows} (see its warnings above)`,
    );
  }
  return { ms, rows };
}

async function handle(command: PeerCommand): Promise<PeerReply | void> {
  switch (command.type) {
    case 'start': {
      const scenario = generateScenario({
        seed: command.seed,
        size: command.size,
      });
      backend = await startPeerBackend({ scenario, checks: peerChecks() });
      return {
        type: 'ready',
        port: Number(new URL(backend.baseUrl).port),
        fingerprint: scenarioFingerprint(scenario),
      };
    }
    case 'write-facts': {
      if (!backend) throw new Error('write-facts before start');
      return {
        type: 'facts-written',
        ...(await writeFacts(backend, command.expectedRows)),
      };
    }
    case 'stop': {
      await backend?.stop();
      process.exit(0);
      return undefined;
    }
    default:
      throw new Error(`Unknown command ${JSON.stringify(command)}`);
  }
}

serveCommands<PeerCommand>(['start', 'write-facts', 'stop'], handle);
