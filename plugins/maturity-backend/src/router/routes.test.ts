import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { listRoutes } from '../__testUtils__/listRoutes';

describe('the OpenAPI spec', () => {
  it('documents exactly the routes the router serves', async () => {
    const spec = parseYaml(
      readFileSync(resolve(__dirname, '../schema/openapi.yaml'), 'utf8'),
    );
    const documented = Object.entries(spec.paths as Record<string, object>)
      .flatMap(([path, ops]) =>
        Object.keys(ops).map(m => `${m.toUpperCase()} ${path}`),
      )
      .sort();
    expect(await listRoutes()).toEqual(documented);
  });
});
