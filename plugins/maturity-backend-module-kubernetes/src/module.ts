import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { maturitySourcesExtensionPoint } from '@maturity/plugin-maturity-node';
import { KubernetesFactSource } from './KubernetesFactSource';

/**
 * Adds the Kubernetes fact source to the maturity backend, for the clusters configured
 * under `kubernetes.clusterLocatorMethods`.
 * @public
 */
export const maturityModuleKubernetes = createBackendModule({
  pluginId: 'maturity',
  moduleId: 'kubernetes',
  register(env) {
    env.registerInit({
      deps: {
        sources: maturitySourcesExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ sources, config, logger }) {
        sources.addSource(KubernetesFactSource.fromConfig(config, { logger }));
      },
    });
  },
});
