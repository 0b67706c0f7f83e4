/**
 * Stored and compared entity refs are lower-case, as the catalog compares them
 * case-insensitively; `Component:default/Foo` and `component:default/foo` are one entity.
 * @public
 */
export function normalizeEntityRef(ref: string): string {
  // The catalog lower-cases with toLocaleLowerCase('en-US'); English has no casing rules of
  // its own, so the default mapping gives the same string, several times faster (this runs
  // for every fact written and every API request).
  return ref.toLowerCase();
}
