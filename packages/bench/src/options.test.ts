import { parseBenchOptions } from './options';

describe('parseBenchOptions', () => {
  it('defaults to the three scenario sizes at zero latency, as a table', () => {
    expect(parseBenchOptions([])).toEqual({
      entities: [1000, 10000, 50000],
      latency: 'zero',
      json: false,
      durationSeconds: 5,
      seed: 7,
    });
  });

  it('reads every flag', () => {
    expect(
      parseBenchOptions([
        '--entities',
        '10000',
        '--latency',
        'realistic',
        '--peer',
        'tech-insights',
        '--json',
        '--duration',
        '3',
      ]),
    ).toMatchObject({
      entities: [10000],
      latency: 'realistic',
      peer: 'tech-insights',
      json: true,
      durationSeconds: 3,
    });
  });

  it.each([
    [['--entities', 'many'], /--entities takes whole numbers/],
    [['--entities', '0'], /--entities takes whole numbers/],
    [['--latency', 'slow'], /--latency must be zero or realistic/],
    [['--peer', 'soundcheck'], /--peer must be tech-insights/],
    [['--entities'], /--entities needs a value/],
    [['--fast'], /Unknown flag "--fast"/],
  ])('names what is wrong in %j', (argv, message) => {
    expect(() => parseBenchOptions(argv)).toThrow(message);
  });
});
