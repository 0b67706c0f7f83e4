/**
 * Where each member of a JSON object lies in UTF-8 bytes, without parsing the values: a
 * batch answer is parsed one repository at a time from its bytes, so no string of the
 * whole answer (a megabyte and more, which V8 moves to its old generation the first time
 * a young collection finds it alive) and no parse of all of it is ever made.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

/** One member of an object: its key, and its value's bytes as `[start, end)`. */
export interface JsonMember {
  key: string;
  start: number;
  end: number;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** The text of `bytes[start, end)`. */
export function textOf(bytes: Uint8Array, start: number, end: number): string {
  return decoder.decode(bytes.subarray(start, end));
}

/**
 * The members of the object that starts at `from` (after any whitespace), in order.
 * Throws a SyntaxError when the bytes there are not an object; a value is only
 * delimited here, so a malformed value surfaces when it is parsed.
 */
export function jsonMembers(bytes: Uint8Array, from = 0): JsonMember[] {
  let at = skipSpace(bytes, from);
  if (bytes[at] !== OPEN_BRACE) throw malformed(at);
  const members: JsonMember[] = [];
  at = skipSpace(bytes, at + 1);
  if (bytes[at] === CLOSE_BRACE) return members;
  for (;;) {
    if (bytes[at] !== QUOTE) throw malformed(at);
    const keyEnd = endOfString(bytes, at);
    const key = JSON.parse(textOf(bytes, at, keyEnd)) as string;
    at = skipSpace(bytes, keyEnd);
    if (bytes[at] !== COLON) throw malformed(at);
    const start = skipSpace(bytes, at + 1);
    const end = endOfValue(bytes, start);
    members.push({ key, start, end });
    at = skipSpace(bytes, end);
    if (bytes[at] === CLOSE_BRACE) return members;
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
  return new SyntaxError(`not a JSON object at byte ${at}`);
}
