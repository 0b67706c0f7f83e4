import { createBackendPlugin } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  maturitySourcesExtensionPoint,
  type MaturityFactSource,
} from '@maturity/plugin-maturity-node';
import { maturityModuleGithub } from './module';

/** Stands in for the Maturity backend: it only collects what modules add. */
function sourcesPlugin(added: MaturityFactSource[]) {
  return createBackendPlugin({
    pluginId: 'maturity',
    register(env) {
      env.registerExtensionPoint(maturitySourcesExtensionPoint, {
        addSource: (...sources) => added.push(...sources),
      });
      env.registerInit({ deps: {}, async init() {} });
    },
  });
}

describe('maturityModuleGithub', () => {
  it('adds the github source to the maturity plugin', async () => {
    const added: MaturityFactSource[] = [];
    const backend = await startTestBackend({
      features: [
        sourcesPlugin(added),
        maturityModuleGithub,
        mockServices.rootConfig.factory({
          data: {
            integrations: { github: [{ host: 'github.com', token: 'x' }] },
          },
        }),
      ],
    });
    expect(added.map(s => s.id)).toEqual(['github']);
    await backend.stop();
  });

  it('fails start-up on bad tuning, naming the key', async () => {
    await expect(
      startTestBackend({
        features: [
          sourcesPlugin([]),
          maturityModuleGithub,
          mockServices.rootConfig.factory({
            data: { maturity: { github: { batchSize: 500 } } },
          }),
        ],
      }),
    ).rejects.toThrow(
      /maturity\.github\.batchSize must be a whole number from 1 to 100/,
    );
  });
});
