/* eslint-disable no-console */
import { writeFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { profilesFromCatalog } from '../examples/profilesFromCatalog';
import { readCatalogFile } from '../examples/readCatalogFile';
import { buildGithubWorld } from './buildGithubWorld';
import { startGithubSandbox } from './startGithubSandbox';

const USAGE = `Usage:
  yarn workspace @maturity/sandbox github serve \\
      [--catalog <entities.yaml>] [--port 7201] [--seed 7] [--token <token>] [--config-out <file>]
      Serves the GitHub REST and GraphQL subset the Maturity GitHub source uses, on 127.0.0.1,
      with repositories that agree with the catalog's github.com/project-slug annotations;
      prints (or writes) the integrations.github app-config to use.`;

function flags(args: string[]): Map<string, string> {
  const result = new Map<string, string>();
  for (let i = 0; i < args.length; i += 2) {
    if (!args[i].startsWith('--') || args[i + 1] === undefined)
      throw new Error(USAGE);
    result.set(args[i].slice(2), args[i + 1]);
  }
  return result;
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command !== 'serve') throw new Error(USAGE);
  const options = flags(rest);
  const seed = Number(options.get('seed') ?? 7);
  const profiles = profilesFromCatalog(
    readCatalogFile(options.get('catalog') ?? '../../examples/entities.yaml'),
    { seed },
  );
  const world = buildGithubWorld(profiles, seed);
  const sandbox = await startGithubSandbox({
    world,
    port: Number(options.get('port') ?? 0),
    token: options.get('token'),
  });
  const config = stringify({
    integrations: {
      github: [
        {
          host: 'github.com',
          apiBaseUrl: sandbox.apiBaseUrl,
          token: sandbox.token,
        },
      ],
    },
  });
  if (options.has('config-out'))
    writeFileSync(options.get('config-out')!, config);
  console.log(
    `GitHub sandbox serving ${world.repositories.size} repositories at ${sandbox.apiBaseUrl}`,
  );
  console.log(config);
  const stop = () => {
    sandbox.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main(process.argv.slice(2)).catch(error => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
