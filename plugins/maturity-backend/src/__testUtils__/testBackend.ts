import { createBackendModule } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import {
  maturitySourcesExtensionPoint,
  type MaturityFactSource,
} from '@maturity/plugin-maturity-node';

/** `maturity:` config for test backends: the first collection starts at once, once. */
export function collectAtOnceConfig() {
  return mockServices.rootConfig.factory({
    data: {
      maturity: {
        schedule: {
          frequency: { minutes: 10 },
          timeout: { minutes: 1 },
          initialDelay: { milliseconds: 0 },
        },
      },
    },
  });
}

/** A backend module that adds one fact source, as the GitHub and Kubernetes modules do. */
export function sourceModule(moduleId: string, source: MaturityFactSource) {
  return createBackendModule({
    pluginId: 'maturity',
    moduleId,
    register(env) {
      env.registerInit({
        deps: { sources: maturitySourcesExtensionPoint },
        async init({ sources }) {
          sources.addSource(source);
        },
      });
    },
  });
}
