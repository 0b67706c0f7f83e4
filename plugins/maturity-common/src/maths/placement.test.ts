import type { CheckState, Dimension, Level } from '../types';
import { placeEntity, nextLevelProgress, dimensionLevels } from './placement';
import { DEFAULT_SCORING, scoreLevel, type ScoredCheck } from './scoring';

let counter = 0;
function check(
  level: Level,
  state: CheckState,
  extra: Partial<ScoredCheck> = {},
): ScoredCheck {
  counter += 1;
  return {
    checkId: extra.checkId ?? `c${counter}`,
    level,
    dimension: (extra.dimension ?? 'technology') as Dimension,
    required: extra.required ?? false,
    weight: extra.weight ?? 1,
    state,
  };
}

const rounded = (share: number | null) =>
  share === null ? null : Math.round(share * 1000) / 1000;

describe('scoreLevel', () => {
  it.each`
    case                                        | states                                  | passShare | coverage | met
    ${'all pass'}                               | ${['pass', 'pass']}                     | ${1}      | ${1}     | ${true}
    ${'3 of 4 pass is exactly the threshold'}   | ${['pass', 'pass', 'pass', 'fail']}     | ${0.75}   | ${1}     | ${true}
    ${'2 of 3 pass is below the threshold'}     | ${['pass', 'pass', 'fail']}             | ${2 / 3}  | ${1}     | ${false}
    ${'unknown lowers coverage, not the share'} | ${['pass', 'pass', 'unknown']}          | ${1}      | ${2 / 3} | ${true}
    ${'too little known'}                       | ${['pass', 'unknown', 'unknown']}       | ${1}      | ${1 / 3} | ${false}
    ${'waived and n/a are left out'}            | ${['pass', 'waived', 'not-applicable']} | ${1}      | ${1}     | ${true}
    ${'nothing applicable is never met'}        | ${['not-applicable', 'waived']}         | ${null}   | ${null}  | ${false}
    ${'nothing known is never met'}             | ${['unknown']}                          | ${null}   | ${0}     | ${false}
  `('$case', ({ states, passShare, coverage, met }) => {
    const checks = (states as CheckState[]).map(s => check(2, s));
    const score = scoreLevel(2, checks, DEFAULT_SCORING);
    expect(rounded(score.passShare)).toBe(rounded(passShare));
    expect(rounded(score.coverage)).toBe(rounded(coverage));
    expect(score.met).toBe(met);
  });

  it('weighs checks by their weight', () => {
    const checks = [
      check(1, 'pass', { weight: 3 }),
      check(1, 'fail', { weight: 1 }),
    ];
    expect(scoreLevel(1, checks, DEFAULT_SCORING).passShare).toBe(0.75);
    const heavyFail = [
      check(1, 'pass', { weight: 1 }),
      check(1, 'fail', { weight: 3 }),
    ];
    expect(scoreLevel(1, heavyFail, DEFAULT_SCORING).met).toBe(false);
  });

  it('a failing required check blocks the level whatever the share', () => {
    const checks = [
      ...Array.from({ length: 9 }, () => check(1, 'pass')),
      check(1, 'fail', { required: true, checkId: 'must' }),
    ];
    const score = scoreLevel(1, checks, DEFAULT_SCORING);
    expect(score.met).toBe(false);
    expect(score.requiredFailing).toEqual(['must']);
  });

  it.each`
    mode             | met      | provisional
    ${'provisional'} | ${true}  | ${true}
    ${'block'}       | ${false} | ${false}
  `(
    'a required unknown with requiredUnknown=$mode',
    ({ mode, met, provisional }) => {
      const checks = [
        check(1, 'pass'),
        check(1, 'pass'),
        check(1, 'unknown', { required: true }),
      ];
      const score = scoreLevel(1, checks, {
        ...DEFAULT_SCORING,
        requiredUnknown: mode,
      });
      expect(score.met).toBe(met);
      expect(score.provisional).toBe(provisional);
    },
  );
});

describe('placeEntity', () => {
  const ladder = (...perLevel: CheckState[][]) =>
    perLevel.flatMap((states, i) =>
      states.map(s => check((i + 1) as Level, s)),
    );

  it.each`
    case                                        | checks                                                      | level | assessed
    ${'nothing known is level 0, not assessed'} | ${ladder(['unknown'], ['unknown'])}                         | ${0}  | ${false}
    ${'level 1 failed is level 0, assessed'}    | ${ladder(['fail'], ['pass'])}                               | ${0}  | ${true}
    ${'levels must be reached in order'}        | ${ladder(['pass'], ['fail'], ['pass'], ['pass'])}           | ${1}  | ${true}
    ${'all five levels'}                        | ${ladder(['pass'], ['pass'], ['pass'], ['pass'], ['pass'])} | ${5}  | ${true}
    ${'a level without checks stops the climb'} | ${ladder(['pass'], [], ['pass'])}                           | ${1}  | ${true}
  `('$case', ({ checks, level, assessed }) => {
    const placement = placeEntity(checks, DEFAULT_SCORING);
    expect(placement.level).toBe(level);
    expect(placement.assessed).toBe(assessed);
  });

  it('ignores non-gating dimensions', () => {
    const checks = [
      check(1, 'pass'),
      check(1, 'fail', { dimension: 'people', required: true }),
      check(2, 'pass', { dimension: 'business-outcomes' }),
    ];
    const placement = placeEntity(checks, DEFAULT_SCORING);
    expect(placement.level).toBe(1);
    expect(placement.assessed).toBe(true);
  });

  it('an only-people entity is not assessed', () => {
    const placement = placeEntity(
      [check(1, 'pass', { dimension: 'people' })],
      DEFAULT_SCORING,
    );
    expect(placement).toMatchObject({ level: 0, assessed: false });
  });

  it('caps experimental services at level 1 and says so', () => {
    const checks = ladder(['pass'], ['pass'], ['pass']);
    const placement = placeEntity(checks, DEFAULT_SCORING, 'experimental');
    expect(placement).toMatchObject({
      level: 1,
      uncappedLevel: 3,
      cappedBy: 'lifecycle experimental',
    });
    expect(placeEntity(checks, DEFAULT_SCORING, 'production').level).toBe(3);
  });

  it('carries provisional from any reached level', () => {
    const checks = [
      check(1, 'pass'),
      check(1, 'pass'),
      check(1, 'unknown', { required: true }),
      check(2, 'pass'),
    ];
    expect(placeEntity(checks, DEFAULT_SCORING)).toMatchObject({
      level: 2,
      provisional: true,
    });
  });
});

describe('nextLevelProgress', () => {
  it('reports the share passing and blockers, required failures first', () => {
    const checks = [
      check(1, 'pass'),
      check(2, 'pass', { checkId: 'a' }),
      check(2, 'unknown', { checkId: 'b', required: true }),
      check(2, 'fail', { checkId: 'c' }),
      check(2, 'fail', { checkId: 'd', required: true }),
    ];
    const placement = placeEntity(checks, DEFAULT_SCORING);
    expect(placement.level).toBe(1);
    const next = nextLevelProgress(placement, checks, DEFAULT_SCORING);
    expect(next).toEqual({
      level: 2,
      progress: 0.25,
      blockers: ['d', 'c', 'b'],
    });
  });

  it('is null at level 5', () => {
    const checks = [1, 2, 3, 4, 5].map(l => check(l as Level, 'pass'));
    const placement = placeEntity(checks, DEFAULT_SCORING);
    expect(nextLevelProgress(placement, checks, DEFAULT_SCORING)).toBeNull();
  });
});

describe('dimensionLevels', () => {
  it('climbs each dimension on its own checks, people included', () => {
    const checks = [
      check(1, 'pass', { dimension: 'people' }),
      check(2, 'pass', { dimension: 'people' }),
      check(1, 'fail', { dimension: 'process' }),
    ];
    expect(
      dimensionLevels(checks, DEFAULT_SCORING, ['people', 'process', 'policy']),
    ).toEqual({ people: 2, process: 0, policy: null });
  });
});
