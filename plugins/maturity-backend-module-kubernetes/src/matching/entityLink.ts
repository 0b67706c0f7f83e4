import type { Entity } from '@backstage/catalog-model';
import {
  matchesLabels,
  parseLabelSelector,
  type LabelRequirement,
} from './labelSelector';

export const KUBERNETES_ID_ANNOTATION = 'backstage.io/kubernetes-id';
export const LABEL_SELECTOR_ANNOTATION =
  'backstage.io/kubernetes-label-selector';
export const NAMESPACE_ANNOTATION = 'backstage.io/kubernetes-namespace';

/** How an entity finds its objects on the clusters (DESIGN.md §4). */
export interface EntityLink {
  /** Labels an object must carry to belong to the entity. */
  requirements: LabelRequirement[];
  /** Only objects in this namespace, when the entity says so. */
  namespace?: string;
  /** The annotation the link came from, for messages. */
  describe: string;
}

/**
 * The entity's link: `backstage.io/kubernetes-label-selector` when present, else
 * `backstage.io/kubernetes-id` (label `backstage.io/kubernetes-id`), optionally within
 * `backstage.io/kubernetes-namespace`. Undefined when the entity has no Kubernetes
 * annotation; throws on a selector the API server would reject too.
 */
export function entityLinkOf(entity: Entity): EntityLink | undefined {
  const annotations = entity.metadata.annotations ?? {};
  const namespace = annotations[NAMESPACE_ANNOTATION] || undefined;
  const selector = annotations[LABEL_SELECTOR_ANNOTATION];
  if (selector) {
    const requirements = parseLabelSelector(selector);
    if (requirements.length === 0) {
      throw new Error(
        `${LABEL_SELECTOR_ANNOTATION} is empty and would match every workload`,
      );
    }
    return {
      requirements,
      namespace,
      describe: `${LABEL_SELECTOR_ANNOTATION}: ${selector}`,
    };
  }
  const id = annotations[KUBERNETES_ID_ANNOTATION];
  if (id) {
    return {
      requirements: [
        { key: KUBERNETES_ID_ANNOTATION, operator: 'in', values: [id] },
      ],
      namespace,
      describe: `${KUBERNETES_ID_ANNOTATION}: ${id}`,
    };
  }
  if (namespace) {
    // A namespace alone does not say which workloads are the entity's.
    return {
      requirements: [],
      namespace,
      describe: `${NAMESPACE_ANNOTATION} only`,
    };
  }
  return undefined;
}

/** True when an object with these labels, in this namespace, belongs to the entity. */
export function linkMatches(
  link: EntityLink,
  namespace: string | undefined,
  labels: Record<string, string> | undefined,
): boolean {
  if (link.requirements.length === 0) return false;
  if (link.namespace !== undefined && namespace !== link.namespace)
    return false;
  return matchesLabels(link.requirements, labels);
}
