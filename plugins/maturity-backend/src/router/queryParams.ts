import { InputError } from '@backstage/errors';
import { z } from 'zod';
import { normalizeEntityRef } from '@maturity/plugin-maturity-common';

const NAME = /^[a-zA-Z0-9]+([-_.][a-zA-Z0-9]+)*$/;
const shortText = z.string().min(1).max(100);
const ref = z
  .string()
  .max(300)
  .regex(
    /^([a-zA-Z][a-zA-Z0-9]*:)?([a-zA-Z0-9]+([-_.][a-zA-Z0-9]+)*\/)?[a-zA-Z0-9]+([-_.][a-zA-Z0-9]+)*$/,
    'must be an entity ref such as group:default/payments',
  );

export const rollupQuery = z
  .object({
    root: ref.optional(),
    lifecycle: shortText.regex(NAME, 'must be a lifecycle name').optional(),
    system: ref.optional(),
    tier: shortText.regex(NAME, 'must be a tier name').optional(),
  })
  .strict();

export const exportQuery = rollupQuery.omit({ root: true });

export const historyQuery = z
  .object({
    days: z.coerce.number().int().min(1).max(3660).optional(),
  })
  .strict();

export const groupParams = z.object({
  namespace: z.string().max(63).regex(NAME, 'must be a namespace name'),
  name: z.string().max(63).regex(NAME, 'must be a group name'),
});

// What each schema makes of no parameters at all, the usual request (an org page asks for
// its rollup without filters), so that is not validated again on every request.
const parsedEmpty = new WeakMap<z.ZodTypeAny, object>();

/** Parses once; a bad value answers 400 naming the parameter. */
export function parse<T>(
  schema: z.ZodType<T>,
  value: unknown,
  what: string,
): T {
  const empty = isEmptyObject(value);
  const known = empty ? parsedEmpty.get(schema) : undefined;
  if (known) return { ...known } as T;
  const parsed = schema.safeParse(value);
  if (parsed.success) {
    if (empty && isObject(parsed.data)) {
      parsedEmpty.set(schema, { ...parsed.data });
    }
    return parsed.data;
  }
  const issue = parsed.error.issues[0];
  if (issue.code === 'unrecognized_keys') {
    throw new InputError(
      `Unknown ${what} parameter ${issue.keys.map(k => `'${k}'`).join(', ')}`,
    );
  }
  const name = issue.path.join('.') || what;
  const message =
    issue.code === 'invalid_type' && issue.received === 'array'
      ? 'must be given once'
      : issue.message;
  throw new InputError(`Invalid ${what} parameter '${name}': ${message}`);
}

/** `payments` → `group:default/payments`; a full ref stays as it is, lower-cased. */
export function normalizeRef(value: string, defaultKind: string): string {
  const withKind = value.includes(':') ? value : `${defaultKind}:${value}`;
  const withNamespace = withKind.includes('/')
    ? withKind
    : withKind.replace(':', ':default/');
  return normalizeEntityRef(withNamespace);
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

/** A plain object without keys: what an HTTP query without parameters parses to. */
function isEmptyObject(value: unknown): boolean {
  if (!isObject(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return false;
  return Object.keys(value).length === 0;
}
