import { fork, type ChildProcess } from 'node:child_process';

// The benchmark's processes (backend, Kubernetes sandbox, Tech Insights peer) talk over
// their IPC channel one command at a time. The TypeScript loader also talks on that
// channel (file-watch notices), so each side listens only for the types it expects.

interface Message {
  type: string;
}

/** Starts a TypeScript entry of this package in a child process with an IPC channel. */
export function forkTypeScript(
  entry: string,
  execArgv: string[] = [],
  stdout: 'ignore' | number = 'ignore',
): ChildProcess {
  return fork(entry, [], {
    execArgv: [
      ...execArgv,
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
    ],
    stdio: ['ignore', stdout, 'inherit', 'ipc'],
  });
}

/**
 * Sends one command and waits for the reply of the `expected` type. A `failed` reply, or
 * the child exiting, throws with `who` and the child's message.
 */
export function request<Reply extends Message, T extends Reply['type']>(
  child: ChildProcess,
  command: Message,
  expected: T,
  who: string,
): Promise<Extract<Reply, { type: T }>> {
  return new Promise((resolve, reject) => {
    const settle = (outcome: () => void) => {
      child.off('exit', onExit);
      child.off('message', onMessage);
      outcome();
    };
    function onExit(code: number | null) {
      settle(() =>
        reject(new Error(`${who} exited (${code}) during ${command.type}`)),
      );
    }
    function onMessage(message: Reply & { message?: string }) {
      if (message?.type === 'failed') {
        settle(() => reject(new Error(`${who} failed: ${message.message}`)));
      } else if (message?.type === expected) {
        settle(() => resolve(message as Extract<Reply, { type: T }>));
      }
    }
    child.once('exit', onExit);
    child.on('message', onMessage);
    child.send(command);
  });
}

/** Asks the child to stop, kills it if it has not exited after 10 s, and waits. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise(resolve => child.once('exit', resolve));
  child.send({ type: 'stop' });
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/**
 * The child's side: answers each command of `types` with what `handle` returns (nothing
 * for commands that end the process), or `failed` with the error's message; exits when
 * the parent goes away, so no benchmark process outlives the benchmark.
 */
export function serveCommands<Command extends Message>(
  types: readonly Command['type'][],
  handle: (command: Command) => Promise<Message | void>,
): void {
  process.on('disconnect', () => process.exit(1));
  process.on('message', (command: Command) => {
    if (!types.includes(command?.type)) return;
    handle(command).then(
      reply => reply && process.send?.(reply),
      error =>
        process.send?.({
          type: 'failed',
          message: error instanceof Error ? error.message : String(error),
        }),
    );
  });
}
