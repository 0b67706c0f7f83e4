import { groupParams, historyQuery, parse, rollupQuery } from './queryParams';

describe('parse', () => {
  it('answers no parameters the same each time, as an object of its own', () => {
    const first = parse(rollupQuery, {}, 'query');
    expect(first).toEqual({});
    (first as Record<string, unknown>).root = 'changed by a caller';
    expect(parse(rollupQuery, {}, 'query')).toEqual({});
    expect(parse(historyQuery, {}, 'query')).toEqual({});
  });

  it('still checks what is given, and refuses no parameters where some are needed', () => {
    parse(rollupQuery, {}, 'query');
    expect(() => parse(rollupQuery, { tier: '' }, 'query')).toThrow(
      "Invalid query parameter 'tier'",
    );
    expect(() => parse(rollupQuery, { nope: '1' }, 'query')).toThrow(
      "Unknown query parameter 'nope'",
    );
    for (let i = 0; i < 2; i++) {
      expect(() => parse(groupParams, {}, 'path')).toThrow(
        "Invalid path parameter 'namespace'",
      );
    }
    expect(() => parse(rollupQuery, [], 'query')).toThrow();
  });
});
