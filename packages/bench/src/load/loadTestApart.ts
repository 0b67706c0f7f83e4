import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { forkTypeScript, request, stopChild } from '../ipc';
import type { LoaderCommand, LoaderReply } from './loaderChild';
import type { LoadFigures, LoadTestOptions } from './loadTest';

/** Runs one load test (see loadTest) from a process of its own, and stops it. */
export async function loadTestApart(
  options: LoadTestOptions,
): Promise<LoadFigures> {
  const child = forkTypeScript(
    resolvePackagePath('@maturity/bench', 'src/load/loaderChild.ts'),
  );
  const command: LoaderCommand = { type: 'load', options };
  try {
    const reply = await request<LoaderReply, 'loaded'>(
      child,
      command,
      'loaded',
      'the load generator',
    );
    return reply.figures;
  } finally {
    await stopChild(child);
  }
}
