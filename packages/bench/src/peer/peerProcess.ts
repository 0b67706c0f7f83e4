import { fork, type ChildProcess } from 'node:child_process';
import type { Scenario } from '@maturity/sandbox';
import {
  PEER_REPLY_TYPES,
  type PeerCommand,
  type PeerReply,
} from './peerProtocol';
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
    const child = fork(require.resolve('./peerChild'), [], {
      execArgv: [
        '--expose-gc',
        '--require',
        require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      ],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    const peer = new PeerProcess(child, '');
    try {
      const ready = await ask(child, {
        type: 'start',
        seed: scenario.seed,
        size: scenario.size,
      });
      if (ready.type !== 'ready') throw unexpected(ready);
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
    const answer = await ask(this.child, { type: 'write-facts', expectedRows });
    if (answer.type !== 'facts-written') throw unexpected(answer);
    return { ms: answer.ms, rows: answer.rows };
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise(resolve => this.child.once('exit', resolve));
    this.child.send({ type: 'stop' } satisfies PeerCommand);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}

function ask(child: ChildProcess, command: PeerCommand) {
  return new Promise<PeerReply>((resolve, reject) => {
    const onExit = (code: number | null) =>
      reject(
        new Error(`the peer process exited (${code}) during ${command.type}`),
      );
    const onMessage = (message: PeerReply) => {
      if (!PEER_REPLY_TYPES.has(message?.type)) return;
      child.off('exit', onExit);
      child.off('message', onMessage);
      resolve(message);
    };
    child.once('exit', onExit);
    child.on('message', onMessage);
    child.send(command);
  });
}

function unexpected(reply: PeerReply): Error {
  return new Error(
    reply.type === 'failed'
      ? `the Tech Insights peer failed: ${reply.message}`
      : `unexpected answer from the Tech Insights peer: ${reply.type}`,
  );
}
