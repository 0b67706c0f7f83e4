import { fork, type ChildProcess } from 'node:child_process';

/** Starts a TypeScript entry of this package in a child process with an IPC channel. */
export function forkTypeScript(
  entry: string,
  execArgv: string[] = [],
): ChildProcess {
  return fork(entry, [], {
    execArgv: [
      ...execArgv,
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
    ],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
}

/**
 * Sends one command and waits for the child's answer. The TypeScript loader also talks on
 * the channel (file-watch notices), so only messages of the expected types count.
 */
export function ask<Reply extends { type: string }>(
  child: ChildProcess,
  command: { type: string },
  replyTypes: readonly Reply['type'][],
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) =>
      reject(
        new Error(
          `a benchmark process exited (${code}) during ${command.type}`,
        ),
      );
    const onMessage = (message: Reply) => {
      if (!replyTypes.includes(message?.type)) return;
      child.off('exit', onExit);
      child.off('message', onMessage);
      resolve(message);
    };
    child.once('exit', onExit);
    child.on('message', onMessage);
    child.send(command);
  });
}
