import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';

export const PROJECT_SLUG_ANNOTATION = 'github.com/project-slug';
const SLUG = /^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/;

/** Entities grouped by the repository their slug names. */
export interface LinkedRepositories {
  /** Lower-cased slug (GitHub names are case-insensitive) → the slug as written and its entities. */
  repositories: Map<string, { slug: string; entityRefs: string[] }>;
  /** Entities whose annotation is not `owner/repo`. */
  malformed: { entityRef: string; slug: string }[];
}

/** Reads `github.com/project-slug` from each entity; entities without it are not GitHub's. */
export function linkRepositories(
  entities: readonly Entity[],
): LinkedRepositories {
  const repositories = new Map<
    string,
    { slug: string; entityRefs: string[] }
  >();
  const malformed: { entityRef: string; slug: string }[] = [];
  for (const entity of entities) {
    const raw = entity.metadata.annotations?.[PROJECT_SLUG_ANNOTATION];
    if (raw === undefined) continue;
    const entityRef = stringifyEntityRef(entity);
    const slug = raw.trim().replace(/\.git$/, '');
    if (!SLUG.test(slug)) {
      malformed.push({ entityRef, slug: raw });
      continue;
    }
    const key = slug.toLowerCase();
    const entry = repositories.get(key) ?? { slug, entityRefs: [] };
    entry.entityRefs.push(entityRef);
    repositories.set(key, entry);
  }
  return { repositories, malformed };
}
