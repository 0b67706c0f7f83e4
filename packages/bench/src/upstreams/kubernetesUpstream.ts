/**
 * The Kubernetes sandbox in a process of its own: a cluster API server does not share a
 * thread with GitHub, and at 50,000 services the GitHub sandbox's GraphQL engine kept the
 * shared thread busy long enough for cluster LIST pages to time out.
 */
import {
  buildKubernetesWorld,
  generateScenario,
  startKubernetesSandbox,
  type KubernetesSandbox,
} from '@maturity/sandbox';

export type KubernetesUpstreamCommand =
  | { type: 'start'; seed: number; size: number; latencyMs: number }
  | { type: 'reset' }
  | { type: 'counts' }
  | { type: 'stop' };

export type KubernetesUpstreamReply =
  | { type: 'started'; clusters: KubernetesSandbox['clusters'] }
  | { type: 'counts'; requests: number; cpuMs: number }
  | { type: 'done' }
  | { type: 'failed'; message: string };

let sandbox: KubernetesSandbox | undefined;
let cpuAtReset = process.cpuUsage();

function reply(message: KubernetesUpstreamReply) {
  process.send!(message);
}

// Never outlive the benchmark: if it dies, its IPC channel closes.
process.on('disconnect', () => process.exit(1));

process.on('message', async (command: KubernetesUpstreamCommand) => {
  try {
    switch (command.type) {
      case 'start': {
        const { services } = generateScenario({
          seed: command.seed,
          size: command.size,
        });
        sandbox = await startKubernetesSandbox({
          world: buildKubernetesWorld(services, { seed: command.seed }),
          latencyMs: command.latencyMs,
        });
        reply({ type: 'started', clusters: sandbox.clusters });
        break;
      }
      case 'reset':
        sandbox!.resetRequests();
        cpuAtReset = process.cpuUsage();
        reply({ type: 'done' });
        break;
      case 'counts': {
        const cpu = process.cpuUsage(cpuAtReset);
        reply({
          type: 'counts',
          requests: sandbox!.requestCount(),
          cpuMs: Math.round((cpu.user + cpu.system) / 1000),
        });
        break;
      }
      case 'stop':
        await sandbox?.close();
        reply({ type: 'done' });
        process.exit(0);
        break;
      default:
        throw new Error(`unknown command ${JSON.stringify(command)}`);
    }
  } catch (error) {
    reply({
      type: 'failed',
      message: error instanceof Error ? error.message : String(error),
    });
  }
});
