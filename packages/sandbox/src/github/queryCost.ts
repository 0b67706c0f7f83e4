import {
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

/** GitHub refuses queries that could return more nodes than this. */
export const MAX_NODES = 500_000;

/** What GitHub would charge for a query, by its published rules. */
export interface QueryCost {
  /** Possible nodes: every connection's `first`/`last` times those of its parents. */
  nodes: number;
  /** Rate-limit points: connections to fetch (parents' products) / 100, at least 1. */
  points: number;
}

/**
 * Computes a query's node count and point cost the way GitHub documents them
 * (docs.github.com, "Rate limits and node limits for the GraphQL API"), so the sandbox
 * refuses what GitHub would refuse and reports what it would charge.
 */
export function queryCost(
  document: DocumentNode,
  variables: Record<string, unknown> = {},
): QueryCost {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition);
  }
  let nodes = 0;
  let requests = 0;
  const walk = (
    selectionSet: SelectionSetNode | undefined,
    multiplier: number,
  ) => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        walk(fragments.get(selection.name.value)?.selectionSet, multiplier);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet, multiplier);
      } else {
        const size = (selection.arguments ?? [])
          .filter(a => a.name.value === 'first' || a.name.value === 'last')
          .map(a => numberOf(a.value, variables))
          .find(n => n !== undefined);
        if (size === undefined) {
          walk(selection.selectionSet, multiplier);
        } else {
          requests += multiplier;
          nodes += multiplier * size;
          walk(selection.selectionSet, multiplier * size);
        }
      }
    }
  };
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION)
      walk(definition.selectionSet, 1);
  }
  return { nodes, points: Math.max(1, Math.round(requests / 100)) };
}

function numberOf(
  value: ValueNode,
  variables: Record<string, unknown>,
): number | undefined {
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.VARIABLE) {
    const v = variables[value.name.value];
    return typeof v === 'number' ? v : undefined;
  }
  return undefined;
}
