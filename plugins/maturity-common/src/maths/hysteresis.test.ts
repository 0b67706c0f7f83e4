import { applyHysteresis } from './hysteresis';

describe('applyHysteresis', () => {
  it.each`
    case                                         | previous                            | computed | shown
    ${'first evaluation shows what it computes'} | ${undefined}                        | ${2}     | ${{ level: 2, pendingLevel: null }}
    ${'a rise shows at once'}                    | ${{ level: 2, pendingLevel: null }} | ${4}     | ${{ level: 4, pendingLevel: null }}
    ${'a first drop is held back'}               | ${{ level: 3, pendingLevel: null }} | ${1}     | ${{ level: 3, pendingLevel: 1 }}
    ${'a second drop in a row shows'}            | ${{ level: 3, pendingLevel: 1 }}    | ${2}     | ${{ level: 2, pendingLevel: null }}
    ${'recovering clears the pending drop'}      | ${{ level: 3, pendingLevel: 1 }}    | ${3}     | ${{ level: 3, pendingLevel: null }}
  `('$case', ({ previous, computed, shown }) => {
    expect(applyHysteresis(previous, computed)).toEqual(shown);
  });
});
