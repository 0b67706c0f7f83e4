import type { V1ObjectMeta } from '@kubernetes/client-node';
import type { Present, SelectorSpec } from './customObjects';

// Memory: a cluster's objects are kept from their LIST until every entity's facts are
// built. Kept whole (built-in kinds as client-node class instances with every declared
// property, custom kinds with their reports, rules and managedFields) they were the
// largest part of the backend's heap during a collection. Each object is reduced, as its
// page arrives, to plain objects holding only what the fact builders read; the types in
// builtInObjects.ts and customObjects.ts say what that is, so reading a field that is not
// kept does not compile. A fact that needs another field adds it there and in
// slimBuiltInObjects.ts or slimCustomObjects.ts. This file holds what both share.

export const PRESENT: Present = Object.freeze({});

export const present = (value: object | undefined): Present | undefined =>
  value ? PRESENT : undefined;

/** Every object keeps its name and namespace, for messages and keys. */
export const identity = <M extends { name?: string; namespace?: string }>(
  metadata: M,
): Pick<M, 'name' | 'namespace'> => ({
  name: metadata.name,
  namespace: metadata.namespace,
});

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** Annotations without kubectl's copy of the whole applied object, often the largest field. */
export function annotationsOf(
  annotations: Record<string, string> | undefined,
): Record<string, string> | undefined {
  if (annotations?.[LAST_APPLIED] === undefined) return annotations;
  return Object.fromEntries(
    Object.entries(annotations).filter(([key]) => key !== LAST_APPLIED),
  );
}

export function selectorOf(selector: SelectorSpec | undefined) {
  return (
    selector && {
      matchLabels: selector.matchLabels,
      matchExpressions: selector.matchExpressions?.map(e => ({
        key: e.key,
        operator: e.operator,
        values: e.values,
      })),
    }
  );
}

export const conditionsOf = (
  conditions?: { type?: string; status?: string }[],
) => conditions?.map(c => ({ type: c.type, status: c.status }));

/** What an autoscaler's reference to its workload is matched by. */
export const targetOf = <R extends { kind?: string; name?: string }>(
  ref: R,
): Pick<R, 'kind' | 'name'> => ({ kind: ref.kind, name: ref.name });

/**
 * An object as `slim` reduces it. An object missing a part its kind must have (a custom
 * resource of another version, say) fails the cluster's read with its name, rather than
 * with a bare TypeError from deep inside the reduction.
 */
export function slimmed<T, Kept>(
  what: string,
  item: T,
  slim: (item: T) => Kept,
): Kept {
  try {
    return slim(item);
  } catch (error) {
    const metadata = (item as { metadata?: V1ObjectMeta } | null)?.metadata;
    const name = [metadata?.namespace, metadata?.name]
      .filter(Boolean)
      .join('/');
    throw new Error(
      `${what}: ${name || 'an object'} has an unexpected shape (${
        error instanceof Error ? error.message : String(error)
      })`,
    );
  }
}
