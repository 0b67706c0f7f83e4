/**
 * The Kubernetes sandbox in a process of its own, as a cluster API server would be: the
 * GitHub sandbox's GraphQL engine keeps its thread busy for minutes at 50,000 services, and
 * cluster answers should not queue behind it.
 */
import {
  buildKubernetesWorld,
  generateScenario,
  startKubernetesSandbox,
  type KubernetesSandbox,
} from '@maturity/sandbox';
import { serveCommands } from '../ipc';

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

serveCommands<KubernetesUpstreamCommand>(
  ['start', 'reset', 'counts', 'stop'],
  async (command): Promise<KubernetesUpstreamReply | void> => {
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
        return { type: 'started', clusters: sandbox.clusters };
      }
      case 'reset':
        sandbox!.resetRequests();
        cpuAtReset = process.cpuUsage();
        return { type: 'done' };
      case 'counts': {
        const cpu = process.cpuUsage(cpuAtReset);
        return {
          type: 'counts',
          requests: sandbox!.requestCount(),
          cpuMs: Math.round((cpu.user + cpu.system) / 1000),
        };
      }
      case 'stop':
        await sandbox?.close();
        process.exit(0);
        return undefined;
      default:
        throw new Error(`unknown command ${JSON.stringify(command)}`);
    }
  },
);
