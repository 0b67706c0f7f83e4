import type { SandboxClusterEndpoint } from './startKubernetesSandbox';

/**
 * The `kubernetes:` app-config block for sandbox clusters, in the shape the Backstage
 * Kubernetes plugin and the maturity Kubernetes module both read.
 * @public
 */
export function clusterLocatorConfig(
  clusters: readonly SandboxClusterEndpoint[],
) {
  return {
    kubernetes: {
      serviceLocatorMethod: { type: 'multiTenant' },
      clusterLocatorMethods: [
        {
          type: 'config',
          clusters: clusters.map(c => ({
            name: c.name,
            url: c.url,
            authProvider: 'serviceAccount',
            serviceAccountToken: c.token,
            skipTLSVerify: true,
          })),
        },
      ],
    },
  };
}
