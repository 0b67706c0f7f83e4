/**
 * Stored and compared entity refs are lower-case, as the catalog compares them
 * case-insensitively; `Component:default/Foo` and `component:default/foo` are one entity.
 * @public
 */
export function normalizeEntityRef(ref: string): string {
  return ref.toLocaleLowerCase('en-US');
}
