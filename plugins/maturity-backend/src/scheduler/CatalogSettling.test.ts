import { CatalogSettling, SETTLE_WINDOW_MS } from './CatalogSettling';

describe('CatalogSettling', () => {
  const start = 1_000_000;

  it('looks again while the catalog grows after start-up, then keeps to the schedule', () => {
    const settling = new CatalogSettling(start);
    // Components arrive before their Groups.
    expect(
      settling.stillFilling({ catalogEntities: 12, catalogGroups: 0 }, start),
    ).toBe(true);
    expect(
      settling.stillFilling(
        { catalogEntities: 30, catalogGroups: 13 },
        start + 15_000,
      ),
    ).toBe(true);
    // Two cycles agree: the catalog has settled.
    expect(
      settling.stillFilling(
        { catalogEntities: 30, catalogGroups: 13 },
        start + 30_000,
      ),
    ).toBe(false);
  });

  it('keeps looking while the catalog is empty', () => {
    const settling = new CatalogSettling(start);
    const empty = { catalogEntities: 0, catalogGroups: 0 };
    expect(settling.stillFilling(empty, start)).toBe(true);
    expect(settling.stillFilling(empty, start + 15_000)).toBe(true);
  });

  it('never hurries once the settle window has passed', () => {
    const settling = new CatalogSettling(start);
    const later = start + SETTLE_WINDOW_MS + 1;
    expect(
      settling.stillFilling({ catalogEntities: 0, catalogGroups: 0 }, later),
    ).toBe(false);
    expect(
      settling.stillFilling({ catalogEntities: 5, catalogGroups: 2 }, later),
    ).toBe(false);
  });
});
