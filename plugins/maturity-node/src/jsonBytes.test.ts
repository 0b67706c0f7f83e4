import fc from 'fast-check';
import { jsonElements, jsonKindAt, jsonMembers, parseSpan } from './jsonBytes';

const encode = (text: string) => new TextEncoder().encode(text);

/** Each member's value parsed from its own bytes, keyed as found. */
function parsedMembers(text: string, from = 0): Array<[string, unknown]> {
  const bytes = encode(text);
  return jsonMembers(bytes, from).map(m => [m.key, parseSpan(bytes, m)]);
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

describe('jsonElements', () => {
  it('delimits every element of any array as JSON.parse reads it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.jsonValue()),
        fc.constantFrom(undefined, 2),
        (array, indent) => {
          const bytes = encode(JSON.stringify(array, null, indent));
          expect(
            jsonElements(bytes).map(span => parseSpan(bytes, span)),
          ).toEqual(JSON.parse(JSON.stringify(array)));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('reads the items of a list page from where they start', () => {
    const text =
      '{"kind":"DeploymentList","metadata":{"continue":"x]"},"items":[{"a":"]"} , 2,"s",[] ]}';
    const bytes = encode(text);
    const items = jsonMembers(bytes).find(m => m.key === 'items')!;
    expect(
      jsonElements(bytes, items.start).map(span => parseSpan(bytes, span)),
    ).toEqual([{ a: ']' }, 2, 's', []]);
  });

  it.each([
    ['not an array', '{"a": 1}'],
    ['cut off', '[1, {"a": 2'],
    ['a missing comma', '[1 2]'],
    ['an empty element', '[1,,2]'],
  ])('throws a SyntaxError for %s', (_, text) => {
    expect(() => jsonElements(encode(text))).toThrow(SyntaxError);
  });
});

describe('jsonKindAt', () => {
  it('tells an object, an array and null from the rest by their first byte', () => {
    const bytes = encode('{"o":{},"a":[1],"n":null,"s":"x","t":true}');
    expect(
      jsonMembers(bytes).map(member => [member.key, jsonKindAt(bytes, member)]),
    ).toEqual([
      ['o', 'object'],
      ['a', 'array'],
      ['n', 'null'],
      ['s', 'other'],
      ['t', 'other'],
    ]);
  });
});
