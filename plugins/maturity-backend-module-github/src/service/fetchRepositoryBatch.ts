import {
  jsonKindAt,
  jsonMembers,
  parseSpan,
  type JsonSpan,
} from '@maturity/plugin-maturity-node';
import type { GithubClient } from '../client/createGithubClient';
import { factsForErrorPath } from '../facts/factsForErrorPath';
import {
  repositoryFacts,
  type RepositoryFactValues,
} from '../facts/repositoryFacts';
import { aliasOf, buildRepositoryQuery } from '../query/repositoryQuery';
import type { RepositoryNode } from '../query/types';
import type { Complaint } from './ErrorDigest';

/** How one repository of a batch came back. */
export type BatchItem =
  | {
      kind: 'ok';
      /** Its facts' values, made from the answer as it arrived. */
      values: RepositoryFactValues;
      ownerType: 'User' | 'Organization';
      pushedAt: string | null;
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
 * Reads `slugs` with one GraphQL request and answers each repository's fact values.
 * The answer's bytes are turned into them as soon as they have arrived, inside the
 * request (see createGithubClient), one repository at a time: Octokit's throttling and
 * retry plugins hold a request's result over several turns of the event loop, and a
 * batch's parsed answer held that long outlived V8's young generation (GitHub's answers
 * were most of what a cold cycle moved into the old one, and so of its memory peak).
 * Throws only when the request or the answer as a whole fails.
 */
export async function fetchRepositoryBatch(
  client: GithubClient,
  slugs: readonly string[],
  now: Date,
): Promise<Map<string, BatchItem>> {
  const { query, variables } = buildRepositoryQuery(slugs);
  const response = await client.request('POST /graphql', {
    query,
    variables,
    ...graphqlEndpoint(client),
    request: {
      parseSuccessResponseBody: false,
      readAnswer: (answer: Uint8Array) =>
        readRepositoryBatch(slugs, answer, now),
    },
  });
  return response.data as unknown as Map<string, BatchItem>;
}

/**
 * The repositories of one batch answer (UTF-8 JSON). GitHub answers a query with some
 * unreadable repositories with the readable ones in `data` and an error per unreadable
 * one, so one 404 spoils nothing else. Throws when the answer as a whole is unusable.
 */
export function readRepositoryBatch(
  slugs: readonly string[],
  answer: Uint8Array,
  now: Date,
): Map<string, BatchItem> {
  const { repositories, errors } = batchParts(answer);
  if (!repositories) {
    throw new Error(
      errors.length > 0
        ? `GitHub answered the GraphQL query with errors only: ${errors
            .map(e => e.message)
            .join('; ')}`
        : 'GitHub answered the GraphQL query without data',
    );
  }

  const results = new Map<string, BatchItem>();
  slugs.forEach((slug, index) => {
    const alias = aliasOf(index);
    const own = errors.filter(e => e.path?.[0] === alias);
    const whole = own.find(e => !e.path || e.path.length === 1);
    const node = parseRepository(answer, repositories.get(alias));
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
    results.set(slug, readRepository(node, now, problems, complaints));
  });
  return results;
}

/**
 * Where each repository of an answer lies (by alias, unparsed: each is parsed when it is
 * read, so one is held at a time), and GitHub's errors. Throws when it is not JSON.
 */
function batchParts(answer: Uint8Array): {
  repositories?: Map<string, JsonSpan>;
  errors: GithubGraphqlError[];
} {
  try {
    const members = jsonMembers(answer);
    const data = members.find(m => m.key === 'data');
    const listed = members.find(m => m.key === 'errors');
    const errors = listed ? parseSpan(answer, listed) : [];
    return {
      repositories:
        data && jsonKindAt(answer, data) === 'object'
          ? new Map(jsonMembers(answer, data.start).map(m => [m.key, m]))
          : undefined,
      errors: Array.isArray(errors) ? errors : [],
    };
  } catch {
    throw notJson();
  }
}

function parseRepository(
  answer: Uint8Array,
  span: JsonSpan | undefined,
): RepositoryNode | null | undefined {
  if (!span) return undefined;
  try {
    return parseSpan(answer, span) as RepositoryNode | null;
  } catch {
    throw notJson();
  }
}

function notJson(): Error {
  return new Error("GitHub's answer to POST /graphql is not valid JSON");
}

function readRepository(
  node: RepositoryNode,
  now: Date,
  problems: Record<string, string>,
  complaints: Complaint[],
): BatchItem {
  try {
    return {
      kind: 'ok',
      values: repositoryFacts(node, now),
      ownerType: node.owner.__typename === 'User' ? 'User' : 'Organization',
      pushedAt: node.pushedAt,
      problems,
      complaints,
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      kind: 'error',
      complaint: {
        key: `unreadable:${message}`,
        render: who =>
          `GitHub's answer for ${who} could not be read: ${message}`,
      },
    };
  }
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

/**
 * Where GraphQL is served: GitHub Enterprise Server serves REST under `/api/v3` and
 * GraphQL at `/api/graphql`, github.com both at the root.
 */
function graphqlEndpoint(client: GithubClient): { baseUrl?: string } {
  const { baseUrl } = client.request.endpoint.DEFAULTS;
  const graphqlBase = baseUrl.replace(/\/api\/v3\/?$/, '/api');
  return graphqlBase === baseUrl ? {} : { baseUrl: graphqlBase };
}
