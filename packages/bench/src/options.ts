import { LATENCY_PROFILES, type LatencyProfileName } from './latencyProfiles';

export interface BenchOptions {
  /** Scenario sizes (services), run one after the other. */
  entities: number[];
  latency: LatencyProfileName;
  peer?: 'tech-insights';
  json: boolean;
  /** How long each load run lasts. */
  durationSeconds: number;
  seed: number;
}

export const USAGE = `Usage: yarn bench [--entities 1000,10000,50000] [--latency zero|realistic]
                  [--peer tech-insights] [--json] [--duration <seconds>] [--seed <n>]`;

const MAX_ENTITIES = 100_000;

/** Reads the command line; a wrong flag fails with a message naming it. */
export function parseBenchOptions(argv: readonly string[]): BenchOptions {
  const options: BenchOptions = {
    entities: [1_000, 10_000, 50_000],
    latency: 'zero',
    json: false,
    durationSeconds: 5,
    seed: 7,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--'))
        throw new Error(`${flag} needs a value\n${USAGE}`);
      return v;
    };
    switch (flag) {
      case '--json':
        options.json = true;
        break;
      case '--entities':
        options.entities = value()
          .split(',')
          .map(v => positiveInteger('--entities', v, MAX_ENTITIES));
        break;
      case '--latency': {
        const v = value();
        if (!(v in LATENCY_PROFILES))
          throw new Error(`--latency must be zero or realistic, not "${v}"`);
        options.latency = v as LatencyProfileName;
        break;
      }
      case '--peer': {
        const v = value();
        if (v !== 'tech-insights')
          throw new Error(`--peer must be tech-insights, not "${v}"`);
        options.peer = v;
        break;
      }
      case '--duration':
        options.durationSeconds = positiveInteger('--duration', value(), 600);
        break;
      case '--seed':
        options.seed = positiveInteger('--seed', value(), 2 ** 31);
        break;
      default:
        throw new Error(`Unknown flag "${flag}"\n${USAGE}`);
    }
  }
  return options;
}

function positiveInteger(flag: string, text: string, max: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw new Error(
      `${flag} takes whole numbers from 1 to ${max}, not "${text}"`,
    );
  return n;
}
