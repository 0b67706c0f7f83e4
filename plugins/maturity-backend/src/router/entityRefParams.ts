import { InputError } from '@backstage/errors';
import { z } from 'zod';
import { normalizeEntityRef } from '@maturity/plugin-maturity-common';

// The catalog's own rules for kinds, namespaces and names (catalog-model validators).
const kind = z
  .string()
  .max(63)
  .regex(
    /^[a-zA-Z][a-zA-Z0-9]*$/,
    'must be letters and digits, starting with a letter',
  );
const nameLike = z
  .string()
  .min(1)
  .max(63)
  .regex(
    /^[a-zA-Z0-9]+([-_.][a-zA-Z0-9]+)*$/,
    'must be letters and digits, separated by single - _ or .',
  );

const entityRefParams = z.object({ kind, namespace: nameLike, name: nameLike });

const KIND = /^[a-zA-Z][a-zA-Z0-9]{0,62}$/;
const NAME_LIKE = /^(?=.{1,63}$)[a-zA-Z0-9]+([-_.][a-zA-Z0-9]+)*$/;

/** Parses `/:kind/:namespace/:name` into a normalized entity ref or throws a 400. */
export function parseEntityRefParams(params: Record<string, string>): string {
  // The common case, checked without building a parse result; the schema names the
  // first broken part when there is one.
  if (
    KIND.test(params.kind) &&
    NAME_LIKE.test(params.namespace) &&
    NAME_LIKE.test(params.name)
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
