/**
 * The load generator's own process: it holds nothing but its connections, so its garbage
 * collections are short and its pauses do not show up as the server's latency (the
 * benchmark's main process holds the generated scenario, hundreds of MB).
 */
import { serveCommands } from '../ipc';
import { loadTest, type LoadFigures, type LoadTestOptions } from './loadTest';

export type LoaderCommand =
  | { type: 'load'; options: LoadTestOptions }
  | { type: 'stop' };
export type LoaderReply =
  | { type: 'loaded'; figures: LoadFigures }
  | { type: 'failed'; message: string };

serveCommands<LoaderCommand>(['load', 'stop'], async command => {
  if (command.type === 'stop') process.exit(0);
  return { type: 'loaded', figures: await loadTest(command.options) };
});
