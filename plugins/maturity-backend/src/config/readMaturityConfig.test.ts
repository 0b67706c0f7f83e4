import { ConfigReader } from '@backstage/config';
import { DEFAULT_SCORING } from '@maturity/plugin-maturity-common';
import { readMaturityConfig } from './readMaturityConfig';

const read = (maturity: object) =>
  readMaturityConfig(new ConfigReader({ maturity }));

describe('readMaturityConfig', () => {
  it('uses the defaults when maturity is absent', () => {
    const config = readMaturityConfig(new ConfigReader({}));
    expect(config.staleAfterMs).toBe(24 * 3_600_000);
    expect(config.scoring).toEqual(DEFAULT_SCORING);
    expect(config.schedule.frequency).toEqual({ minutes: 30 });
  });

  it('reads durations as objects and as strings', () => {
    expect(read({ facts: { staleAfter: { hours: 2 } } }).staleAfterMs).toBe(
      7_200_000,
    );
    expect(read({ facts: { staleAfter: '90m' } }).staleAfterMs).toBe(5_400_000);
    expect(read({ facts: { staleAfter: 'PT1H' } }).staleAfterMs).toBe(
      3_600_000,
    );
  });

  it.each`
    maturity                                         | message
    ${{ facts: { staleAfter: { hourz: 2 } } }}       | ${/'maturity.facts.staleAfter'.*Needs one or more of/}
    ${{ facts: { staleAfter: 'soon' } }}             | ${/'maturity.facts.staleAfter'.*soon/}
    ${{ scoring: { levelThreshold: 1.5 } }}          | ${/'maturity.scoring.levelThreshold': must be between 0 and 1/}
    ${{ scoring: { minCoverage: -0.1 } }}            | ${/'maturity.scoring.minCoverage'/}
    ${{ scoring: { requiredUnknown: 'maybe' } }}     | ${/'maturity.scoring.requiredUnknown': .*'provisional' \| 'block', received 'maybe'/}
    ${{ schedule: { frequency: { minutes: 'x' } } }} | ${/'maturity.schedule'/}
  `('rejects $maturity naming the key', ({ maturity, message }) => {
    expect(() => read(maturity)).toThrow(message);
  });
});
