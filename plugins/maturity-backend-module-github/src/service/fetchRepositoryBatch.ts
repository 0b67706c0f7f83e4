import { GraphqlResponseError } from '@octokit/graphql';
import type { GithubClient } from '../client/createGithubClient';
import { factsForErrorPath } from '../facts/factsForErrorPath';
import { aliasOf, buildRepositoryQuery } from '../query/repositoryQuery';
import type { RepositoryNode } from '../query/types';
import type { Complaint } from './ErrorDigest';

/** How one repository of a batch came back. */
export type BatchItem =
  | {
      kind: 'ok';
      node: RepositoryNode;
      /** Facts GitHub refused inside an otherwise readable repository, with the reason. */
      problems: Record<string, string>;
      complaints: Complaint[];
    }
  /** 404 or 403: its facts carry this problem. */
  | { kind: 'denied'; problem: string; complaint: Complaint }
  /** Anything else (GitHub timed out on it, a malformed answer): no facts this run. */
  | { kind: 'error'; complaint: Complaint };

interface GithubGraphqlError {
  type?: string;
  path?: (string | number)[];
  message: string;
}

/**
 * Reads `slugs` with one GraphQL request. GitHub answers a query with some unreadable
 * repositories with the readable ones in `data` and an error per unreadable one, so one
 * 404 spoils nothing else. Throws only when the request as a whole fails.
 */
export async function fetchRepositoryBatch(
  client: GithubClient,
  slugs: readonly string[],
): Promise<Map<string, BatchItem>> {
  const { query, variables } = buildRepositoryQuery(slugs);
  let data: Record<string, unknown> | undefined;
  let errors: GithubGraphqlError[] = [];
  try {
    data = await client.graphql<Record<string, unknown>>(query, variables);
  } catch (error) {
    if (!(error instanceof GraphqlResponseError) || !error.data) throw error;
    data = error.data as Record<string, unknown>;
    errors = error.errors as GithubGraphqlError[];
  }
  if (!data || typeof data !== 'object') {
    throw new Error('GitHub answered the GraphQL query without data');
  }

  const results = new Map<string, BatchItem>();
  slugs.forEach((slug, index) => {
    const alias = aliasOf(index);
    const own = errors.filter(e => e.path?.[0] === alias);
    const whole = own.find(e => !e.path || e.path.length === 1);
    const node = data![alias] as RepositoryNode | null | undefined;
    if (whole || !node) {
      results.set(slug, deniedOrError(slug, whole));
      return;
    }
    if (typeof node.nameWithOwner !== 'string') {
      results.set(slug, {
        kind: 'error',
        complaint: {
          key: 'malformed',
          render: who => `GitHub's answer for ${who} is malformed`,
        },
      });
      return;
    }
    const problems: Record<string, string> = {};
    const complaints: Complaint[] = [];
    for (const error of own) {
      const field = error.path!.slice(1).join('.');
      for (const fact of factsForErrorPath(error.path!.slice(1))) {
        problems[fact] = `GitHub refused ${field} of ${slug}: ${error.message}`;
      }
      complaints.push({
        key: `refused:${field}:${error.message}`,
        render: who => `GitHub refused ${field} of ${who}: ${error.message}`,
      });
    }
    results.set(slug, { kind: 'ok', node, problems, complaints });
  });
  return results;
}

function deniedOrError(
  slug: string,
  error: GithubGraphqlError | undefined,
): BatchItem {
  if (!error || error.type === 'NOT_FOUND') {
    const render = (who: string) =>
      `GitHub answered 404 for ${who}: repository not found or no access`;
    return {
      kind: 'denied',
      problem: render(slug),
      complaint: { key: '404', render },
    };
  }
  const message = error.message;
  if (error.type === 'FORBIDDEN') {
    const render = (who: string) =>
      `GitHub answered 403 for ${who}: ${message}`;
    return {
      kind: 'denied',
      problem: render(slug),
      complaint: { key: `403:${message}`, render },
    };
  }
  return {
    kind: 'error',
    complaint: {
      key: `error:${message}`,
      render: who => `GitHub could not read ${who}: ${message}`,
    },
  };
}
