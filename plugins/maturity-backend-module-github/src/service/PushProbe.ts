import type { GithubClient } from '../client/createGithubClient';

interface ListedRepository {
  full_name: string;
  pushed_at: string | null;
}

interface PageMemo {
  etag: string;
  items: ListedRepository[];
}

const PER_PAGE = 100;
/** Pages read at most per owner and run; past that, unseen repositories count as changed. */
const MAX_PAGES = 10;
/** Leeway for clocks and GitHub's eventual consistency when deciding where to stop paging. */
const MARGIN_MS = 5 * 60_000;

/**
 * Finds which of an owner's repositories were pushed to since they were last read, from
 * GitHub's repository listing sorted by push time. The listing is requested with
 * If-None-Match, and when nobody pushed it answers 304, which costs no rate limit: an
 * unchanged organisation is checked for free.
 */
export class PushProbe {
  private readonly pages = new Map<string, PageMemo>();

  /**
   * @param known - lower-cased slug → `pushedAt` from the last read, for this owner's cached repositories
   * @param readSince - the oldest read among them (ms); anything pushed before cannot be news
   * @returns the lower-cased slugs that changed, or undefined when the listing could not be read
   */
  async changed(
    client: GithubClient,
    owner: string,
    ownerType: 'Organization' | 'User',
    known: Map<string, string | null>,
    readSince: number,
  ): Promise<Set<string> | undefined> {
    const changed = new Set<string>();
    const unseen = new Set(known.keys());
    const route =
      ownerType === 'User'
        ? 'GET /users/{owner}/repos'
        : 'GET /orgs/{owner}/repos';
    try {
      for (let page = 1; page <= MAX_PAGES; page++) {
        const memoKey = `${owner.toLowerCase()}#${page}`;
        const memo = this.pages.get(memoKey);
        const { items, fresh } = await this.readPage(
          client,
          route,
          owner,
          page,
          memoKey,
          memo,
        );
        if (page === 1 && !fresh) return changed;
        for (const item of items) {
          const key = item.full_name.toLowerCase();
          if (!unseen.delete(key)) continue;
          if (item.pushed_at !== known.get(key)) changed.add(key);
        }
        if (items.length < PER_PAGE) {
          // The whole listing was read: a repository missing from it was deleted, renamed
          // or is no longer accessible, which only a new read can tell.
          for (const key of unseen) changed.add(key);
          return changed;
        }
        const last = items[items.length - 1];
        const olderThanReads =
          !last?.pushed_at ||
          Date.parse(last.pushed_at) < readSince - MARGIN_MS;
        if (olderThanReads || unseen.size === 0) return changed;
      }
    } catch {
      return undefined;
    }
    // Ran out of pages with repositories still unseen: read those again rather than guess.
    for (const key of unseen) changed.add(key);
    return changed;
  }

  private async readPage(
    client: GithubClient,
    route: string,
    owner: string,
    page: number,
    memoKey: string,
    memo: PageMemo | undefined,
  ): Promise<{ items: ListedRepository[]; fresh: boolean }> {
    try {
      const response = await client.request(route, {
        owner,
        sort: 'pushed',
        direction: 'desc',
        per_page: PER_PAGE,
        page,
        headers: memo ? { 'if-none-match': memo.etag } : {},
      });
      const items = (response.data as ListedRepository[]).map(r => ({
        full_name: r.full_name,
        pushed_at: r.pushed_at,
      }));
      const etag = response.headers.etag;
      if (etag) this.pages.set(memoKey, { etag, items });
      return { items, fresh: true };
    } catch (error) {
      if ((error as { status?: number }).status === 304 && memo) {
        return { items: memo.items, fresh: false };
      }
      throw error;
    }
  }
}
