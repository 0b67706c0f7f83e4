/* eslint-disable no-console */
import { writeFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { profilesFromCatalog } from '../examples/profilesFromCatalog';
import { readCatalogFile } from '../examples/readCatalogFile';
import { buildKubernetesWorld } from '../kubernetes/buildKubernetesWorld';
import { startKubernetesSandbox } from '../kubernetes/startKubernetesSandbox';
import { clusterLocatorConfig } from '../kubernetes/clusterLocatorConfig';

const USAGE = `Usage:
  yarn workspace @maturity/sandbox kubernetes serve [--catalog <entities.yaml>] [--seed 7] [--ports 7101,7102] [--config-out <file>]
      Serves Kubernetes API servers (one per sandbox cluster) on 127.0.0.1 whose objects agree
      with the catalog's annotations; prints (or writes) the kubernetes app-config to use.
  yarn workspace @maturity/sandbox kubernetes emit [--catalog <entities.yaml>] [--seed 7] [--out <file>]
      Writes every cluster's objects as multi-document YAML instead of serving them.`;

/** `--name value` pairs after the command. */
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
  const options = flags(rest);
  const catalogPath = options.get('catalog') ?? '../../examples/entities.yaml';
  const world = buildKubernetesWorld(
    // The same seed as the GitHub sandbox's, so both serve the same profiles.
    profilesFromCatalog(readCatalogFile(catalogPath), {
      seed: Number(options.get('seed') ?? 7),
    }),
  );
  if (command === 'emit') {
    const text = world.clusters
      .flatMap(cluster => [
        `# cluster ${cluster.name}; CRDs not installed: ${
          cluster.notInstalled.join(', ') || 'none'
        }\n`,
        ...cluster.objects.map(o => `---\n${stringify(o)}`),
      ])
      .join('');
    if (options.has('out')) writeFileSync(options.get('out')!, text);
    else process.stdout.write(text);
    return;
  }
  if (command === 'serve') {
    const ports = options.get('ports')?.split(',').map(Number);
    const sandbox = await startKubernetesSandbox({ world, ports });
    const config = stringify(clusterLocatorConfig(sandbox.clusters));
    if (options.has('config-out'))
      writeFileSync(options.get('config-out')!, config);
    console.log(
      `Kubernetes sandbox serving ${sandbox.clusters
        .map(c => `${c.name} at ${c.url}`)
        .join(', ')}`,
    );
    console.log(config);
    const stop = () => {
      sandbox.close().finally(() => process.exit(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    return;
  }
  throw new Error(USAGE);
}

main(process.argv.slice(2)).catch(error => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
