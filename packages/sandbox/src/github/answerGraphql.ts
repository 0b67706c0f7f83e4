import { buildSchema, graphql, parse, type GraphQLError } from 'graphql';
import {
  rootValue,
  type QueryContext,
  type RepositoryDenial,
} from './graphqlModel';
import { MAX_NODES, queryCost } from './queryCost';
import { GITHUB_SCHEMA_SDL } from './schema';
import type { GithubWorld } from './types';

const schema = buildSchema(GITHUB_SCHEMA_SDL);

/**
 * Answers one POST /graphql body the way GitHub does: refused over the node limit, errors
 * with their `type` beside the message, and the points the query would cost.
 */
export async function answerGraphql(
  chunks: Buffer[],
  world: GithubWorld,
  denials: Map<string, RepositoryDenial>,
  refused: Map<string, Set<string>>,
  rateLimit: QueryContext['rateLimit'],
): Promise<{ status: number; body: unknown; points?: number }> {
  let request: { query?: string; variables?: Record<string, unknown> };
  try {
    request = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return { status: 400, body: { message: 'Problems parsing JSON' } };
  }
  if (typeof request.query !== 'string') {
    return {
      status: 200,
      body: {
        errors: [
          {
            message:
              'A query attribute must be specified and must be a string.',
          },
        ],
      },
    };
  }
  let points: number | undefined;
  try {
    const cost = queryCost(parse(request.query), request.variables);
    if (cost.nodes > MAX_NODES) {
      return {
        status: 200,
        body: {
          errors: [
            {
              type: 'MAX_NODE_LIMIT_EXCEEDED',
              message: `This query requests up to ${cost.nodes} possible nodes which exceeds the maximum limit of ${MAX_NODES}.`,
            },
          ],
        },
      };
    }
    points = cost.points;
  } catch {
    // A syntax error: graphql() below reports it in GitHub's shape.
  }
  const context: QueryContext = {
    lookup: slug => world.repositories.get(slug),
    denial: slug => denials.get(slug),
    refusedFields: slug => refused.get(slug) ?? new Set(),
    rateLimit,
  };
  const result = await graphql({
    schema,
    source: request.query,
    variableValues: request.variables,
    rootValue,
    contextValue: context,
  });
  return {
    status: 200,
    points,
    body: {
      ...(result.data !== undefined ? { data: result.data } : {}),
      ...(result.errors ? { errors: result.errors.map(githubError) } : {}),
    },
  };
}

/** GitHub puts an error's `type` (NOT_FOUND, FORBIDDEN …) beside the message, not in extensions. */
function githubError(error: GraphQLError) {
  const json = error.toJSON();
  const type = error.extensions?.type;
  const { extensions: _extensions, ...rest } = json;
  return type ? { type, ...rest } : rest;
}
