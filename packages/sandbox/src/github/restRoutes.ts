import type { SandboxRepository } from './types';

/** A REST answer before headers such as ETag and rate limits are added. */
export interface RestAnswer {
  status: number;
  body: unknown;
  /** Extra headers, e.g. `link` for pagination. */
  headers?: Record<string, string>;
}

/**
 * The REST subset the collector uses: listing an owner's repositories, newest push first,
 * which tells it cheaply (and for free when answered 304) which repositories changed.
 * `GET /orgs/{org}/repos` and `GET /users/{username}/repos`.
 */
export function answerRest(
  method: string,
  url: URL,
  repositories: Iterable<SandboxRepository>,
  isVisible: (slug: string) => boolean,
  baseUrl: string,
): RestAnswer {
  const match = url.pathname.match(/^\/(orgs|users)\/([^/]+)\/repos\/?$/);
  if (method !== 'GET' || !match) {
    return notFound();
  }
  const [, kind, login] = match;
  const owned = [...repositories].filter(
    r =>
      r.owner.toLowerCase() === login.toLowerCase() &&
      (kind === 'orgs') === (r.ownerType === 'Organization'),
  );
  if (owned.length === 0) return notFound();

  const sort =
    url.searchParams.get('sort') ?? (kind === 'orgs' ? 'created' : 'full_name');
  const direction =
    url.searchParams.get('direction') ??
    (sort === 'full_name' ? 'asc' : 'desc');
  const perPage = Math.min(
    100,
    Math.max(1, Number(url.searchParams.get('per_page') ?? 30)),
  );
  const page = Math.max(1, Number(url.searchParams.get('page') ?? 1));
  const key = (r: SandboxRepository): string | number => {
    switch (sort) {
      case 'pushed':
        return Date.parse(r.pushedAt);
      case 'updated':
        return Date.parse(r.pushedAt);
      case 'full_name':
        return `${r.owner}/${r.name}`.toLowerCase();
      default:
        return Date.parse(r.createdAt);
    }
  };
  const sorted = owned
    .filter(r => isVisible(`${r.owner}/${r.name}`))
    .sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      let order = `${a.owner}/${a.name}`.localeCompare(`${b.owner}/${b.name}`);
      if (ka !== kb) order = ka < kb ? -1 : 1;
      return direction === 'asc' ? order : -order;
    });
  const lastPage = Math.max(1, Math.ceil(sorted.length / perPage));
  const body = sorted.slice((page - 1) * perPage, page * perPage).map(r => ({
    name: r.name,
    full_name: `${r.owner}/${r.name}`,
    private: true,
    owner: { login: r.owner, type: r.ownerType },
    default_branch: r.defaultBranch,
    archived: r.archived,
    created_at: r.createdAt,
    updated_at: r.pushedAt,
    pushed_at: r.pushedAt,
  }));
  const pageUrl = (n: number) => {
    const next = new URL(url.pathname + url.search, baseUrl);
    next.searchParams.set('page', String(n));
    return next.toString();
  };
  const links = [
    ...(page < lastPage
      ? [
          `<${pageUrl(page + 1)}>; rel="next"`,
          `<${pageUrl(lastPage)}>; rel="last"`,
        ]
      : []),
    ...(page > 1
      ? [`<${pageUrl(page - 1)}>; rel="prev"`, `<${pageUrl(1)}>; rel="first"`]
      : []),
  ];
  return {
    status: 200,
    body,
    headers: links.length ? { link: links.join(', ') } : undefined,
  };
}

function notFound(): RestAnswer {
  return {
    status: 404,
    body: {
      message: 'Not Found',
      documentation_url: 'https://docs.github.com/rest',
    },
  };
}
