import type { Config } from '@backstage/config';
import {
  DefaultGithubCredentialsProvider,
  ScmIntegrations,
  type GithubCredentialsProvider,
  type ScmIntegrationRegistry,
} from '@backstage/integration';
import {
  FactHandover,
  type CollectedFact,
  type FactCollectionContext,
  type FactCollectionOutcome,
  type MaturityFactSource,
} from '@maturity/plugin-maturity-node';
import type { GithubClient } from '../client/createGithubClient';
import { GithubClientPool } from '../client/GithubClientPool';
import { RequestCounter } from '../client/RequestCounter';
import { readGithubSourceOptions, type GithubSourceOptions } from '../config';
import {
  entryFacts,
  problemFacts,
  problemForEveryFact,
} from '../facts/collectedFacts';
import { repositoryFacts } from '../facts/repositoryFacts';
import { fetchRepositoryBatch, type BatchItem } from './fetchRepositoryBatch';
import { ErrorDigest, describeRepositories } from './ErrorDigest';
import { linkRepositories } from './projectSlugs';
import { PushProbe } from './PushProbe';
import { RepositoryCache } from './RepositoryCache';
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
 * are due for a refresh. The others keep their last read.
 * @public
 */
export class GithubFactSource implements MaturityFactSource {
  readonly id = 'github';
  private readonly cache: RepositoryCache;
  private readonly probe = new PushProbe();
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
    const facts: CollectedFact[] = linked.malformed.flatMap(
      ({ entityRef, slug }) =>
        problemFacts(
          entityRef,
          `github.com/project-slug "${slug}" is not in the form owner/repo`,
        ),
    );
    if (linked.repositories.size === 0)
      return { facts, requests: 0, errors: [] };

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

    const fetchedKeys = new Set<string>();
    const batches: { client: GithubClient; keys: string[] }[] = [];
    for (const group of groups) {
      const keys = await selectRepositoriesToRead(group, {
        cache: this.cache,
        probe: this.probe,
        now,
        concurrency: options.concurrency,
        logger,
      });
      for (let i = 0; i < keys.length; i += options.batchSize) {
        batches.push({
          client: group.client,
          keys: keys.slice(i, i + options.batchSize),
        });
      }
    }
    await runLimited(batches, options.concurrency, async batch => {
      const slugs = batch.keys.map(key => linked.repositories.get(key)!.slug);
      try {
        const results = await fetchRepositoryBatch(batch.client, slugs);
        batch.keys.forEach((key, index) => {
          const item = results.get(slugs[index])!;
          fetchedKeys.add(key);
          if (item.kind === 'error') {
            errors.add(item.complaint, slugs[index]);
            this.cache.delete(key);
            return;
          }
          this.remember(key, slugs[index], item, context.now, now, errors);
        });
      } catch (error) {
        if (signal.aborted) throw error;
        errors.addPlain(
          `GitHub query for ${describeRepositories(slugs)} failed: ${messageOf(
            error,
          )}`,
        );
        for (const key of batch.keys) {
          fetchedKeys.add(key);
          this.cache.delete(key);
        }
      }
    });

    // Handed over a part at a time, so a catalog's facts are never all in memory.
    const handover = new FactHandover(context.storeFacts);
    let reused = 0;
    for (const [key, { entityRefs }] of linked.repositories) {
      const entry = this.cache.get(key);
      if (!entry) continue;
      if (!fetchedKeys.has(key)) reused += 1;
      await handover.add(entryFacts(entityRefs, entry));
    }
    facts.push(...handover.rest());
    logger.info(
      `GitHub: ${linked.repositories.size} repositories, ${fetchedKeys.size} read in ${batches.length} queries, ` +
        `${reused} unchanged since their last read; ${counter.sent} requests, ${counter.notModified} answered 304 (free)`,
    );
    return { facts, requests: counter.sent, errors: errors.messages() };
  }

  private remember(
    key: string,
    slug: string,
    item: Exclude<BatchItem, { kind: 'error' }>,
    nowDate: Date,
    now: number,
    errors: ErrorDigest,
  ) {
    if (item.kind === 'denied') {
      errors.add(item.complaint, slug);
      this.cache.set(key, {
        denied: true,
        ownerType: 'Organization',
        pushedAt: null,
        fetchedAt: now,
        valuesText: '{}',
        problems: problemForEveryFact(item.problem),
      });
      return;
    }
    let values;
    try {
      values = repositoryFacts(item.node, nowDate);
    } catch (error) {
      errors.addPlain(
        `GitHub's answer for ${slug} could not be read: ${messageOf(error)}`,
      );
      this.cache.delete(key);
      return;
    }
    for (const complaint of item.complaints) errors.add(complaint, slug);
    this.cache.set(key, {
      denied: false,
      ownerType:
        item.node.owner.__typename === 'User' ? 'User' : 'Organization',
      pushedAt: item.node.pushedAt,
      fetchedAt: now,
      valuesText: JSON.stringify(values),
      problems: item.problems,
    });
  }
}

/** Lower-cased owner → the lower-cased slugs of its repositories. */
function keysByOwner(
  repositories: Map<string, { slug: string }>,
): Map<string, string[]> {
  const byOwner = new Map<string, string[]>();
  for (const [key, { slug }] of repositories) {
    const owner = slug.split('/')[0].toLowerCase();
    byOwner.set(owner, [...(byOwner.get(owner) ?? []), key]);
  }
  return byOwner;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
