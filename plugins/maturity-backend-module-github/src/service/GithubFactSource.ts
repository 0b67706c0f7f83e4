import type { Config } from '@backstage/config';
import {
  DefaultGithubCredentialsProvider,
  ScmIntegrations,
  type GithubCredentialsProvider,
  type ScmIntegrationRegistry,
} from '@backstage/integration';
import {
  type FactCollectionContext,
  type FactCollectionOutcome,
  type MaturityFactSource,
} from '@maturity/plugin-maturity-node';
import { GithubClientPool } from '../client/GithubClientPool';
import { RequestCounter } from '../client/RequestCounter';
import { readGithubSourceOptions, type GithubSourceOptions } from '../config';
import {
  problemFacts,
  problemForEveryFact,
  repositoryEntityFacts,
} from '../facts/collectedFacts';
import type { RepositoryFactValues } from '../facts/repositoryFacts';
import { fetchRepositoryBatch, type BatchItem } from './fetchRepositoryBatch';
import { ErrorDigest, describeRepositories } from './ErrorDigest';
import { linkRepositories, type LinkedRepositories } from './projectSlugs';
import { FactOrigins, type OriginHandover } from './FactOrigins';
import { PushProbe } from './PushProbe';
import { RepositoryCache, type CachedRepository } from './RepositoryCache';
import { reobserveUnchanged } from './reobserveUnchanged';
import { batchesOf, keysByOwner, type Batch } from './repositoryBatches';
import { runLimited } from './runLimited';
import { selectRepositoriesToRead } from './selectRepositoriesToRead';

/** @public */
export interface GithubFactSourceOptions {
  integrations: ScmIntegrationRegistry;
  credentials: GithubCredentialsProvider;
  options: GithubSourceOptions;
}

/**
 * Collects the GitHub facts of every entity with `github.com/project-slug` in bulk: one
 * GraphQL query per `batchSize` repositories, and on later runs only for repositories that
 * were pushed to (found with a conditional, usually free, repository listing per owner) or
 * are due for a refresh. The entities of the others re-observe the facts the backend stored
 * from their last read, so the source keeps no fact values between runs.
 * @public
 */
export class GithubFactSource implements MaturityFactSource {
  readonly id = 'github';
  private readonly cache: RepositoryCache;
  private readonly probe = new PushProbe();
  private readonly origins = new FactOrigins();
  private pool?: GithubClientPool;

  static fromConfig(config: Config): GithubFactSource {
    const integrations = ScmIntegrations.fromConfig(config);
    return new GithubFactSource({
      integrations,
      credentials:
        DefaultGithubCredentialsProvider.fromIntegrations(integrations),
      options: readGithubSourceOptions(config),
    });
  }

  constructor(private readonly deps: GithubFactSourceOptions) {
    this.cache = new RepositoryCache(deps.options.refreshAfterMs);
  }

  async collect(
    context: FactCollectionContext,
  ): Promise<FactCollectionOutcome> {
    const { options } = this.deps;
    const { logger, signal } = context;
    const now = context.now.getTime();
    const linked = linkRepositories(context.entities);
    // Every fact is handed over during the run, so a run never holds a catalog's values
    // and each entity's origin is recorded once its facts are stored.
    const handover = this.origins.handover(context.storeFacts);
    for (const { entityRef, slug } of linked.malformed) {
      await handover.add(
        [entityRef],
        undefined,
        problemFacts(
          entityRef,
          `github.com/project-slug "${slug}" is not in the form owner/repo`,
        ),
      );
    }
    if (linked.repositories.size === 0) {
      await handover.finish();
      return { facts: [], requests: 0, errors: [] };
    }

    const integration = this.deps.integrations.github.byHost(options.host);
    if (!integration) {
      throw new Error(`No integrations.github entry for host ${options.host}`);
    }
    const counter = new RequestCounter();
    const errors = new ErrorDigest();
    this.pool ??= new GithubClientPool(
      this.deps.credentials,
      options,
      integration.config.apiBaseUrl ?? 'https://api.github.com',
    );
    const groups = await this.pool.forRun(
      keysByOwner(linked.repositories),
      { counter, signal, logger },
      errors,
    );

    const reading = new Set<string>();
    for (const group of groups) {
      const keys = await selectRepositoriesToRead(group, {
        cache: this.cache,
        probe: this.probe,
        now,
        concurrency: options.concurrency,
        logger,
      });
      keys.forEach(key => reading.add(key));
    }
    const { reobserved, toRead } = await reobserveUnchanged(
      linked.repositories,
      reading,
      {
        cache: this.cache,
        origins: this.origins,
        reobserveFacts: context.reobserveFacts,
      },
    );
    toRead.forEach(key => reading.add(key));

    const batches = batchesOf(groups, reading, options.batchSize);
    await runLimited(batches, options.concurrency, batch =>
      this.readBatch(batch, linked.repositories, {
        handover,
        errors,
        signal,
        now: context.now,
      }),
    );
    await handover.finish();
    const read = batches.reduce((sum, batch) => sum + batch.keys.length, 0);
    logger.info(
      `GitHub: ${linked.repositories.size} repositories, ${read} read in ${batches.length} queries, ` +
        `${reobserved} entities re-observed unchanged since their repository's last read; ` +
        `${counter.sent} requests, ${counter.notModified} answered 304 (free)`,
    );
    return { facts: [], requests: counter.sent, errors: errors.messages() };
  }

  /** Reads one batch and hands its repositories' facts over as it arrives. */
  private async readBatch(
    batch: Batch,
    repositories: LinkedRepositories['repositories'],
    run: {
      handover: OriginHandover;
      errors: ErrorDigest;
      signal: AbortSignal;
      now: Date;
    },
  ): Promise<void> {
    const slugs = batch.keys.map(key => repositories.get(key)!.slug);
    let results;
    try {
      results = await fetchRepositoryBatch(batch.client, slugs, run.now);
    } catch (error) {
      if (run.signal.aborted) throw error;
      run.errors.addPlain(
        `GitHub query for ${describeRepositories(slugs)} failed: ${messageOf(
          error,
        )}`,
      );
      batch.keys.forEach(key => this.cache.delete(key));
      return;
    }
    for (const [index, key] of batch.keys.entries()) {
      const found = this.remember(
        key,
        slugs[index],
        results.get(slugs[index])!,
        run.now,
        run.errors,
      );
      if (!found) continue;
      const { entityRefs } = repositories.get(key)!;
      await run.handover.add(
        entityRefs,
        found.read,
        repositoryEntityFacts(entityRefs, found.values, found.problems),
      );
    }
  }

  /**
   * Caches what a read of one repository found, and answers the cached read with the
   * values and problems its entities' facts carry; nothing when it found nothing usable.
   */
  private remember(
    key: string,
    slug: string,
    item: BatchItem,
    nowDate: Date,
    errors: ErrorDigest,
  ):
    | {
        read: CachedRepository;
        values: RepositoryFactValues;
        problems: Record<string, string>;
      }
    | undefined {
    const fetchedAt = nowDate.getTime();
    if (item.kind === 'error') {
      errors.add(item.complaint, slug);
      this.cache.delete(key);
      return undefined;
    }
    if (item.kind === 'denied') {
      errors.add(item.complaint, slug);
      const read = this.cache.set(key, {
        denied: true,
        ownerType: 'Organization',
        pushedAt: null,
        fetchedAt,
      });
      return { read, values: {}, problems: problemForEveryFact(item.problem) };
    }
    for (const complaint of item.complaints) errors.add(complaint, slug);
    const read = this.cache.set(key, {
      denied: false,
      ownerType: item.ownerType,
      pushedAt: item.pushedAt,
      fetchedAt,
    });
    return { read, values: item.values, problems: item.problems };
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
