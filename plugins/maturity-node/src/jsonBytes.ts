/**
 * Where the members of a JSON object, or the elements of an array, lie in UTF-8 bytes,
 * without parsing them: a source reads a large answer (a GitHub batch, a page of a
 * Kubernetes list) one part at a time from its bytes, so no string of the whole answer
 * (a megabyte and more, which V8 moves to its old generation the first time a young
 * collection finds it alive) and no parse of all of it is ever made.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

/** Where a JSON value lies: its bytes are `[start, end)`. @public */
export interface JsonSpan {
  start: number;
  end: number;
}

/** One member of an object: its key, and where its value lies. @public */
export interface JsonMember extends JsonSpan {
  key: string;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * The value at a span, parsed; throws a SyntaxError when it is not JSON (a TypeError
 * when it is not UTF-8).
 * @public
 */
export function parseSpan(bytes: Uint8Array, span: JsonSpan): unknown {
  return JSON.parse(decoder.decode(bytes.subarray(span.start, span.end)));
}

/**
 * What kind of value starts a span, from its first byte, without reading it: tells
 * `null` (which Kubernetes answers for an empty list of some types, GitHub for a query
 * without data) from an object or array to walk.
 * @public
 */
export function jsonKindAt(
  bytes: Uint8Array,
  span: JsonSpan,
): 'object' | 'array' | 'null' | 'other' {
  switch (bytes[span.start]) {
    case OPEN_BRACE:
      return 'object';
    case OPEN_BRACKET:
      return 'array';
    case 0x6e: // n
      return 'null';
    default:
      return 'other';
  }
}

/**
 * The members of the object that starts at `from` (after any whitespace), in order.
 * Throws a SyntaxError when the bytes there are not an object; a value is only
 * delimited here, so a malformed value surfaces when it is parsed.
 * @public
 */
export function jsonMembers(bytes: Uint8Array, from = 0): JsonMember[] {
  const members: JsonMember[] = [];
  readParts(bytes, from, OPEN_BRACE, CLOSE_BRACE, at => {
    if (bytes[at] !== QUOTE) throw malformed(at);
    const keyEnd = endOfString(bytes, at);
    const key = parseSpan(bytes, { start: at, end: keyEnd }) as string;
    const colon = skipSpace(bytes, keyEnd);
    if (bytes[colon] !== COLON) throw malformed(colon);
    const start = skipSpace(bytes, colon + 1);
    const end = endOfValue(bytes, start);
    members.push({ key, start, end });
    return end;
  });
  return members;
}

/**
 * Where each element of the array that starts at `from` (after any whitespace) lies, in
 * order. Throws a SyntaxError when the bytes there are not an array.
 * @public
 */
export function jsonElements(bytes: Uint8Array, from = 0): JsonSpan[] {
  const elements: JsonSpan[] = [];
  readParts(bytes, from, OPEN_BRACKET, CLOSE_BRACKET, start => {
    const end = endOfValue(bytes, start);
    elements.push({ start, end });
    return end;
  });
  return elements;
}

/**
 * Walks the comma-separated parts between `open` and `close` at `from`: `readPart` gets
 * where a part starts and answers where it ends.
 */
function readParts(
  bytes: Uint8Array,
  from: number,
  open: number,
  close: number,
  readPart: (start: number) => number,
): void {
  let at = skipSpace(bytes, from);
  if (bytes[at] !== open) throw malformed(at);
  at = skipSpace(bytes, at + 1);
  if (bytes[at] === close) return;
  for (;;) {
    at = skipSpace(bytes, readPart(at));
    if (bytes[at] === close) return;
    if (bytes[at] !== COMMA) throw malformed(at);
    at = skipSpace(bytes, at + 1);
  }
}

function skipSpace(bytes: Uint8Array, at: number): number {
  let i = at;
  // space, tab, line feed, carriage return: JSON's only whitespace
  while (
    bytes[i] === 0x20 ||
    bytes[i] === 0x09 ||
    bytes[i] === 0x0a ||
    bytes[i] === 0x0d
  ) {
    i++;
  }
  return i;
}

/** The index after the string whose opening quote is at `at`. */
function endOfString(bytes: Uint8Array, at: number): number {
  for (let i = at + 1; i < bytes.length; i++) {
    const byte = bytes[i];
    if (byte === BACKSLASH) i++;
    else if (byte === QUOTE) return i + 1;
  }
  throw malformed(bytes.length);
}

/**
 * The index after the value that starts at `at`: a string, an object or array (to its
 * matching bracket, strings inside skipped), or a literal or number (to the next
 * delimiter). Multi-byte UTF-8 never contains these ASCII bytes, so bytes suffice.
 */
function endOfValue(bytes: Uint8Array, at: number): number {
  const first = bytes[at];
  if (first === QUOTE) return endOfString(bytes, at);
  if (first === OPEN_BRACE || first === OPEN_BRACKET) {
    let depth = 0;
    for (let i = at; i < bytes.length; i++) {
      const byte = bytes[i];
      if (byte === QUOTE) {
        i = endOfString(bytes, i) - 1;
      } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
        depth++;
      } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
        depth--;
        if (depth === 0) return i + 1;
      }
    }
    throw malformed(bytes.length);
  }
  let i = at;
  while (
    i < bytes.length &&
    bytes[i] !== COMMA &&
    bytes[i] !== CLOSE_BRACE &&
    bytes[i] !== CLOSE_BRACKET &&
    bytes[i] !== 0x20 &&
    bytes[i] !== 0x0a &&
    bytes[i] !== 0x0d &&
    bytes[i] !== 0x09
  ) {
    i++;
  }
  if (i === at) throw malformed(at);
  return i;
}

function malformed(at: number): SyntaxError {
  return new SyntaxError(`unexpected JSON at byte ${at}`);
}
