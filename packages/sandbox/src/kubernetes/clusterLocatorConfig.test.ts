import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { clusterLocatorConfig } from './clusterLocatorConfig';
import { SANDBOX_CLUSTERS } from './sandboxClusters';

describe('config/kubernetes.app-config.yaml', () => {
  it('is what the sandbox prints for ports 7101 and 7102', () => {
    const file = parse(
      readFileSync(
        resolve(__dirname, '../../config/kubernetes.app-config.yaml'),
        'utf8',
      ),
    );
    const printed = clusterLocatorConfig(
      [SANDBOX_CLUSTERS.full, SANDBOX_CLUSTERS.partial].map((c, i) => ({
        name: c.name,
        url: `http://127.0.0.1:${7101 + i}`,
        token: c.token,
      })),
    );
    expect(file).toEqual(printed);
  });
});
