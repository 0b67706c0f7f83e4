import type { CheckResult } from '@maturity/plugin-maturity-common';
import { levelChangeCauses } from './levelChangeCauses';

const result = (
  checkId: string,
  state: CheckResult['state'],
  value: unknown,
): CheckResult => ({
  checkId,
  state,
  reason: state,
  evidence: [
    {
      fact: `${checkId}.fact`,
      value: value as CheckResult['evidence'][number]['value'],
      source: 'github',
      observedAt: '2026-11-21T10:00:00.000Z',
      stale: false,
    },
  ],
});

describe('levelChangeCauses', () => {
  it('names each flipped check with the facts that changed', () => {
    expect(
      levelChangeCauses(
        [result('a', 'fail', 1), result('b', 'pass', 'x')],
        [result('a', 'pass', 2), result('b', 'pass', 'x')],
      ),
    ).toEqual([
      {
        checkId: 'a',
        from: 'fail',
        to: 'pass',
        facts: [{ fact: 'a.fact', before: 1, after: 2 }],
      },
    ]);
  });

  it('gives a first evaluation each check state without facts', () => {
    expect(
      levelChangeCauses([], [result('a', 'pass', 2), result('b', 'fail', 3)]),
    ).toEqual([
      { checkId: 'a', from: null, to: 'pass', facts: [] },
      { checkId: 'b', from: null, to: 'fail', facts: [] },
    ]);
  });
});
