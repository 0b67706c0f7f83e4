import fc from 'fast-check';
import { jsonMembers, textOf } from './jsonMembers';

const encode = (text: string) => new TextEncoder().encode(text);

/** Each member's value parsed from its own bytes, keyed as found. */
function parsedMembers(text: string, from = 0): Array<[string, unknown]> {
  const bytes = encode(text);
  return jsonMembers(bytes, from).map(m => [
    m.key,
    JSON.parse(textOf(bytes, m.start, m.end)),
  ]);
}

describe('jsonMembers', () => {
  it('delimits every member of any object as JSON.parse reads it', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ unit: 'binary' }), fc.jsonValue()),
        fc.constantFrom(undefined, 2, '\t'),
        (object, indent) => {
          const text = JSON.stringify(object, null, indent);
          expect(parsedMembers(text)).toEqual(Object.entries(JSON.parse(text)));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('skips brackets, quotes and escapes inside strings, and multi-byte text', () => {
    const text =
      ' {"a\\"}" : "x}]{[\\\\", "b":[{"c":"\\u00e9"},[]],"ü🙂":-1.5e3 ,"d":null,"e":{}} ';
    expect(parsedMembers(text)).toEqual([
      ['a"}', 'x}]{[\\'],
      ['b', [{ c: 'é' }, []]],
      ['ü🙂', -1500],
      ['d', null],
      ['e', {}],
    ]);
  });

  it('reads a nested object from where its value starts', () => {
    const text = '{"data":{"r0":{"x":1},"r1":null},"errors":[]}';
    const bytes = encode(text);
    const data = jsonMembers(bytes).find(m => m.key === 'data')!;
    expect(parsedMembers(text, data.start)).toEqual([
      ['r0', { x: 1 }],
      ['r1', null],
    ]);
  });

  it.each([
    ['not an object', '[1, 2]'],
    ['cut off in a string', '{"a": "abc'],
    ['cut off in an object', '{"a": {"b": [1, 2'],
    ['a key without a value', '{"a"}'],
    ['a missing comma', '{"a": 1 "b": 2}'],
    ['an unquoted key', '{a: 1}'],
    ['empty', ''],
  ])('throws a SyntaxError for %s', (_, text) => {
    expect(() => jsonMembers(encode(text))).toThrow(SyntaxError);
  });
});
