import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { maturitySourcesExtensionPoint } from '@maturity/plugin-maturity-node';
import { GithubFactSource } from './service/GithubFactSource';

/**
 * Adds the GitHub fact source to the Maturity backend: CI runs, deployments, environments,
 * branch protection, repository files, bot pull requests and alerts for every Component
 * with `github.com/project-slug`, with credentials from `integrations.github`.
 * @public
 */
export const maturityModuleGithub = createBackendModule({
  pluginId: 'maturity',
  moduleId: 'github',
  register(env) {
    env.registerInit({
      deps: {
        sources: maturitySourcesExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ sources, config }) {
        sources.addSource(GithubFactSource.fromConfig(config));
      },
    });
  },
});
