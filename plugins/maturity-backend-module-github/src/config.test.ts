import { ConfigReader } from '@backstage/config';
import {
  DEFAULT_GITHUB_SOURCE_OPTIONS,
  readGithubSourceOptions,
} from './config';

describe('readGithubSourceOptions', () => {
  it('uses the defaults without maturity.github', () => {
    expect(readGithubSourceOptions(new ConfigReader({}))).toEqual(
      DEFAULT_GITHUB_SOURCE_OPTIONS,
    );
  });

  it('reads durations in either form', () => {
    const options = readGithubSourceOptions(
      new ConfigReader({
        maturity: {
          github: {
            requestTimeout: '10s',
            refreshAfter: { hours: 2 },
            batchSize: 20,
          },
        },
      }),
    );
    expect(options).toMatchObject({
      requestTimeoutMs: 10_000,
      refreshAfterMs: 7_200_000,
      batchSize: 20,
    });
  });

  it.each([
    [
      { batchSize: 0 },
      /maturity\.github\.batchSize must be a whole number from 1 to 100, got 0/,
    ],
    [{ concurrency: 2.5 }, /maturity\.github\.concurrency/],
    [
      { requestTimeout: 'soon' },
      /maturity\.github\.requestTimeout is not a duration/,
    ],
  ])('rejects %j naming the key', (github, message) => {
    expect(() =>
      readGithubSourceOptions(new ConfigReader({ maturity: { github } })),
    ).toThrow(message);
  });
});
