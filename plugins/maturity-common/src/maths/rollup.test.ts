import type { PlacementLevel } from '../types';
import { rollupServices, type RolledUpService } from './rollup';

const services = (...levels: (PlacementLevel | null)[]): RolledUpService[] =>
  levels.map(level => ({
    level: level ?? 0,
    assessed: level !== null,
    provisional: false,
  }));

describe('rollupServices', () => {
  it.each`
    case                                                | levels                | strategy    | share  | level
    ${'share: 80% reach 2, 60% reach 3'}                | ${[3, 3, 3, 2, 2]}    | ${'share'}  | ${0.8} | ${2}
    ${'share: exactly 80% at 3 counts'}                 | ${[3, 3, 3, 3, 1]}    | ${'share'}  | ${0.8} | ${3}
    ${'share: a lower share lifts the level'}           | ${[3, 3, 3, 2, 2]}    | ${'share'}  | ${0.6} | ${3}
    ${'share: unassessed services do not drag it down'} | ${[2, 2, null, null]} | ${'share'}  | ${0.8} | ${2}
    ${'share: nobody assessed is level 0'}              | ${[null, null]}       | ${'share'}  | ${0.8} | ${0}
    ${'median of an even count is the lower middle'}    | ${[1, 2, 4, 5]}       | ${'median'} | ${0.8} | ${2}
    ${'min is the weakest assessed service'}            | ${[4, 1, 3, null]}    | ${'min'}    | ${0.8} | ${1}
    ${'no services is level 0'}                         | ${[]}                 | ${'share'}  | ${0.8} | ${0}
  `('$case', ({ levels, strategy, share, level }) => {
    expect(rollupServices(services(...levels), { strategy, share }).level).toBe(
      level,
    );
  });

  it('reports distribution, median, minimum and coverage', () => {
    const figures = rollupServices(services(1, 3, 3, null), {
      strategy: 'share',
      share: 0.8,
    });
    expect(figures).toMatchObject({
      distribution: [0, 1, 0, 2, 0, 0],
      median: 3,
      minimum: 1,
      services: 4,
      assessed: 3,
      coverage: 0.75,
    });
  });

  it('sums lens pass shares over services', () => {
    const figures = rollupServices(
      [
        {
          level: 2,
          assessed: true,
          provisional: true,
          lenses: { security: { pass: 3, fail: 1 } },
        },
        {
          level: 1,
          assessed: true,
          provisional: false,
          lenses: { security: { pass: 1, fail: 3 } },
        },
      ],
      { strategy: 'share', share: 0.8 },
    );
    expect(figures.lenses.security).toBe(0.5);
    expect(figures.lenses.cost).toBeNull();
    expect(figures.provisional).toBe(1);
  });

  it('gives shares to four decimals', () => {
    const figures = rollupServices(
      [
        ...services(2, null, null),
        {
          level: 1,
          assessed: true,
          provisional: false,
          lenses: {
            security: { pass: 1, fail: 2 },
            cost: { pass: 2, fail: 1 },
            delivery: { pass: 1, fail: 6 },
          },
        },
      ],
      { strategy: 'share', share: 0.8 },
    );
    expect(figures.coverage).toBe(0.5);
    expect(figures.lenses).toMatchObject({
      security: 0.3333,
      cost: 0.6667,
      delivery: 0.1429,
    });
    expect(
      rollupServices(services(1, 2, null), { strategy: 'share', share: 0.8 })
        .coverage,
    ).toBe(0.6667);
  });

  it('derives median, minimum and level from the counts as sorting the levels would', () => {
    // Figures now come from per-level counts (so sub-teams' tallies can be added up); the
    // oracle sorts the assessed levels, as the rollup once did.
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let run = 0; run < 2000; run++) {
      const levels = Array.from({ length: random(12) }, () =>
        random(7) === 6 ? null : (random(6) as PlacementLevel),
      );
      const sorted = levels
        .filter((l): l is PlacementLevel => l !== null)
        .sort((a, b) => a - b);
      const median = sorted.length
        ? sorted[Math.floor((sorted.length - 1) / 2)]
        : null;
      const minimum = sorted.length ? sorted[0] : null;
      const share = [0.5, 0.8, 1][random(3)];
      const byShare = [5, 4, 3, 2, 1].find(
        level => sorted.filter(l => l >= level).length / sorted.length >= share,
      );
      const expected = {
        share: byShare ?? 0,
        median: median ?? 0,
        min: minimum ?? 0,
      };
      for (const strategy of ['share', 'median', 'min'] as const) {
        const figures = rollupServices(services(...levels), {
          strategy,
          share,
        });
        expect({ levels, strategy, ...figures }).toMatchObject({
          levels,
          strategy,
          level: expected[strategy],
          median,
          minimum,
          assessed: sorted.length,
        });
      }
    }
  });
});
