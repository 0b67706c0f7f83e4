import { InputError } from '@backstage/errors';
import { z } from 'zod';
import { normalizeEntityRef } from '@maturity/plugin-maturity-common';

// The catalog's own rules for kinds, namespaces and names (catalog-model validators).
const MAX_LENGTH = 63;
const KIND_CHARACTERS = /^[a-zA-Z][a-zA-Z0-9]*$/;
const NAME_CHARACTERS = /^[a-zA-Z0-9]+([-_.][a-zA-Z0-9]+)*$/;

const kind = z
  .string()
  .max(MAX_LENGTH)
  .regex(KIND_CHARACTERS, 'must be letters and digits, starting with a letter');
const nameLike = z
  .string()
  .min(1)
  .max(MAX_LENGTH)
  .regex(
    NAME_CHARACTERS,
    'must be letters and digits, separated by single - _ or .',
  );

const entityRefParams = z.object({ kind, namespace: nameLike, name: nameLike });

const fits = (value: unknown, characters: RegExp) =>
  typeof value === 'string' &&
  value.length <= MAX_LENGTH &&
  characters.test(value);

/** Parses `/:kind/:namespace/:name` into a normalized entity ref or throws a 400. */
export function parseEntityRefParams(params: Record<string, string>): string {
  // The common case, checked without building a parse result; the schema names the
  // first broken part when there is one.
  if (
    fits(params.kind, KIND_CHARACTERS) &&
    fits(params.namespace, NAME_CHARACTERS) &&
    fits(params.name, NAME_CHARACTERS)
  ) {
    return normalizeEntityRef(
      `${params.kind}:${params.namespace}/${params.name}`,
    );
  }
  const parsed = entityRefParams.safeParse(params);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path.join('.') || 'entity ref';
    throw new InputError(`Invalid entity ref: ${field} ${issue.message}`);
  }
  const { kind: k, namespace, name } = parsed.data;
  return normalizeEntityRef(`${k}:${namespace}/${name}`);
}
