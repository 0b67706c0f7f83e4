import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { JsonObject } from '@backstage/types';
// Only tests run the module inside the real backend plugin; module code never imports it.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import maturityPlugin from '@maturity/plugin-maturity-backend';
import type { GithubSandbox } from '@maturity/sandbox';
import maturityModuleGithub from '../index';

/**
 * The real Maturity backend with this module, reading the sandbox: its first collection
 * starts at once, and `maturity` adds or overrides keys of `maturity:`.
 */
export async function startMaturityBackend(
  sandbox: GithubSandbox,
  entities: Entity[],
  maturity: JsonObject = {},
) {
  return startTestBackend({
    features: [
      maturityPlugin,
      maturityModuleGithub,
      schedulerServiceFactory,
      catalogServiceMock.factory({ entities }),
      mockServices.rootConfig.factory({
        data: {
          integrations: {
            github: [
              {
                host: 'github.com',
                apiBaseUrl: sandbox.apiBaseUrl,
                token: sandbox.token,
              },
            ],
          },
          maturity: {
            schedule: {
              frequency: { hours: 1 },
              timeout: { minutes: 1 },
              initialDelay: { milliseconds: 0 },
            },
            ...maturity,
          },
        },
      }),
    ],
  });
}
