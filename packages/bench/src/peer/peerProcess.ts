import type { ChildProcess } from 'node:child_process';
import type { Scenario } from '@maturity/sandbox';
import { forkTypeScript, request, stopChild } from '../ipc';
import type { PeerCommand, PeerReply } from './peerProtocol';
import { scenarioFingerprint } from './scenarioFingerprint';

/**
 * The parent's handle on the peer's process (peerChild.ts), one command at a time. The
 * child regenerates the scenario from its seed and size; its fingerprint must match the
 * caller's scenario, or the comparison would be between different worlds.
 */
export class PeerProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly baseUrl: string,
  ) {}

  static async start(scenario: Scenario): Promise<PeerProcess> {
    // Resolved like a module (the TypeScript loader knows .ts), next to this file.
    const child = forkTypeScript(require.resolve('./peerChild'), [
      '--expose-gc',
    ]);
    const peer = new PeerProcess(child, '');
    try {
      const ready = await ask(child, 'ready', {
        type: 'start',
        seed: scenario.seed,
        size: scenario.size,
      });
      if (ready.fingerprint !== scenarioFingerprint(scenario)) {
        throw new Error(
          `The peer regenerated a different scenario from seed ${scenario.seed} and size ${scenario.size}; pass an unaltered generateScenario() result`,
        );
      }
      return new PeerProcess(child, `http://127.0.0.1:${ready.port}`);
    } catch (error) {
      await peer.stop();
      throw error;
    }
  }

  /** Runs the fact retrievers once; the time is taken inside the peer's process. */
  async writeFacts(
    expectedRows: number,
  ): Promise<{ ms: number; rows: number }> {
    const answer = await ask(this.child, 'facts-written', {
      type: 'write-facts',
      expectedRows,
    });
    return { ms: answer.ms, rows: answer.rows };
  }

  async stop(): Promise<void> {
    await stopChild(this.child);
  }
}

function ask<T extends PeerReply['type']>(
  child: ChildProcess,
  expected: T,
  command: PeerCommand,
) {
  return request<PeerReply, T>(
    child,
    command,
    expected,
    'the Tech Insights peer',
  );
}
