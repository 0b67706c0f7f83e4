import { ConfigReader } from '@backstage/config';
import {
  DEFAULT_REQUEST_SETTINGS,
  readKubernetesSourceConfig,
} from './readKubernetesSourceConfig';

describe('readKubernetesSourceConfig', () => {
  it('reads config-located service-account clusters and reports what it skips', () => {
    const config = new ConfigReader({
      kubernetes: {
        clusterLocatorMethods: [
          { type: 'catalog' },
          {
            type: 'config',
            clusters: [
              {
                name: 'prod',
                url: 'https://prod.example:6443',
                authProvider: 'serviceAccount',
                serviceAccountToken: 't',
                caData: 'Y2E=',
              },
              {
                name: 'dev',
                url: 'https://dev.example:6443',
                authProvider: 'oidc',
              },
            ],
          },
        ],
      },
      maturity: {
        kubernetes: {
          pageSize: 200,
          requestTimeout: { seconds: 5 },
          maxRetryAfter: '1m',
        },
      },
    });
    const result = readKubernetesSourceConfig(config);
    expect(result.clusters).toEqual([
      {
        name: 'prod',
        url: 'https://prod.example:6443',
        token: 't',
        caData: 'Y2E=',
        skipTLSVerify: false,
      },
    ]);
    expect(result.skipped).toEqual([
      'cluster locator of type catalog (only type config is read)',
      'cluster dev: auth provider oidc needs a user; use serviceAccount',
    ]);
    expect(result.requests).toEqual({
      ...DEFAULT_REQUEST_SETTINGS,
      pageSize: 200,
      requestTimeoutMs: 5000,
      maxRetryAfterMs: 60_000,
    });
  });

  it('fails at start-up on a bad setting, naming its key', () => {
    const read = (kubernetes: object) => () =>
      readKubernetesSourceConfig(
        new ConfigReader({ maturity: { kubernetes } }),
      );
    expect(read({ requestTimeout: 'soon' })).toThrow(
      'maturity.kubernetes.requestTimeout',
    );
    expect(read({ pageSize: 0 })).toThrow('maturity.kubernetes.pageSize');
    expect(read({ maxRetries: 1.5 })).toThrow('maturity.kubernetes.maxRetries');
  });

  it('is empty without kubernetes config', () => {
    expect(readKubernetesSourceConfig(new ConfigReader({})).clusters).toEqual(
      [],
    );
  });
});
