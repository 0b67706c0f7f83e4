import { GraphQLError } from 'graphql';

/** The pagination arguments every GitHub connection takes. */
export interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

const encode = (index: number) =>
  Buffer.from(`cursor:${index}`).toString('base64');
const decode = (cursor: string) =>
  Number(Buffer.from(cursor, 'base64').toString().replace('cursor:', ''));

/**
 * Slices a list the way GitHub's connections do, including GitHub's refusals: a
 * connection needs `first` or `last`, and at most 100 of them.
 */
export function connection<T>(
  items: readonly T[],
  args: ConnectionArgs,
  field: string,
) {
  const { first, last, after, before } = args;
  if (absent(first) && absent(last)) {
    throw new GraphQLError(
      `You must provide a \`first\` or \`last\` value to properly paginate the \`${field}\` connection.`,
      { extensions: { type: 'MISSING_PAGINATION_BOUNDARIES' } },
    );
  }
  for (const [name, value] of [
    ['first', first],
    ['last', last],
  ] as const) {
    if (!absent(value) && (value! < 0 || value! > 100)) {
      throw new GraphQLError(
        `Requesting ${value} records on the \`${field}\` connection exceeds the \`${name}\` limit of 100 records.`,
        { extensions: { type: 'EXCESSIVE_PAGINATION' } },
      );
    }
  }
  let start = after ? decode(after) + 1 : 0;
  let end = before ? decode(before) : items.length;
  if (!absent(first)) end = Math.min(end, start + first!);
  if (!absent(last)) start = Math.max(start, end - last!);
  const nodes = items.slice(start, end);
  return {
    nodes,
    totalCount: items.length,
    pageInfo: {
      startCursor: nodes.length ? encode(start) : null,
      endCursor: nodes.length ? encode(end - 1) : null,
      hasNextPage: end < items.length,
      hasPreviousPage: start > 0,
    },
  };
}

function absent(value: number | null | undefined): boolean {
  return value === null || value === undefined;
}
