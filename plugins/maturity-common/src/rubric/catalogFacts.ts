/**
 * Names and shapes of the facts the built-in catalog source writes. They are part of the
 * public contract: custom checks in config read them by name.
 * @public
 */
export const CATALOG_FACTS = {
  /** `{ ref, kind, resolved, memberCount }` of `spec.owner`. */
  owner: 'catalog.owner',
  /** `spec.type` */
  type: 'catalog.type',
  /** `spec.lifecycle` */
  lifecycle: 'catalog.lifecycle',
  /** `spec.system` as an entity ref, or null. */
  system: 'catalog.system',
  /** `metadata.annotations` */
  annotations: 'catalog.annotations',
  /** The distinct `metadata.links[].type` values. */
  linkTypes: 'catalog.linkTypes',
  /** `[{ ref, hasDefinition }]` for every API the entity provides. */
  providedApis: 'catalog.providedApis',
} as const;

/** @public */
export type CatalogOwnerFact = {
  ref: string | null;
  /** The owner's kind when it resolves to an entity in the catalog, else null. */
  kind: string | null;
  resolved: boolean;
  /** Members of the owner Group; null when the owner is not a Group. */
  memberCount: number | null;
};

/** @public */
export type CatalogProvidedApiFact = {
  ref: string;
  hasDefinition: boolean;
};

/**
 * Written by the evaluator, not a source: how many waivers declared as code (config or the
 * entity's annotation) are in force for the entity. exceptions-few counts them.
 * @public
 */
export const ACTIVE_WAIVERS_FACT = 'maturity.activeWaivers';
