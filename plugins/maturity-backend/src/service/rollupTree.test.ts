import {
  rollupServices,
  type PlacementLevel,
} from '@maturity/plugin-maturity-common';
import fc from 'fast-check';
import { rollupTree, subtree, type OwnedService } from './rollupTree';

const groups = [
  {
    groupRef: 'group:default/org',
    parentRef: null,
    title: 'Org',
    type: 'organization',
  },
  {
    groupRef: 'group:default/dept',
    parentRef: 'group:default/org',
    title: null,
    type: 'department',
  },
  {
    groupRef: 'group:default/team-a',
    parentRef: 'group:default/dept',
    title: null,
    type: 'team',
  },
  {
    groupRef: 'group:default/team-b',
    parentRef: 'group:default/dept',
    title: null,
    type: 'team',
  },
  {
    groupRef: 'group:default/squad',
    parentRef: 'group:default/team-b',
    title: null,
    type: 'team',
  },
];
const svc = (
  owner: string,
  level: PlacementLevel,
  assessed = true,
): OwnedService => ({
  ownerRef: `group:default/${owner}`,
  level,
  assessed,
  provisional: false,
});
const services = [
  svc('team-a', 3),
  svc('team-a', 3),
  svc('team-b', 1),
  svc('squad', 4),
  svc('squad', 0, false),
];
const options = {
  strategy: 'share' as const,
  share: 0.8,
  includeChildGroups: true,
};

describe('rollupTree', () => {
  it('rolls services up through nested groups of any depth', () => {
    const rollups = rollupTree(groups, services, options);
    expect(rollups.get('group:default/team-a')).toMatchObject({
      level: 3,
      services: 2,
    });
    expect(rollups.get('group:default/squad')).toMatchObject({
      level: 4,
      services: 2,
      assessed: 1,
      coverage: 0.5,
    });
    expect(rollups.get('group:default/team-b')).toMatchObject({
      services: 3,
      distribution: [0, 1, 0, 0, 1, 0],
    });
    expect(rollups.get('group:default/org')).toMatchObject({
      services: 5,
      assessed: 4,
      level: 1,
      minimum: 1,
    });
  });

  it('counts only own services without includeChildGroups', () => {
    const rollups = rollupTree(groups, services, {
      ...options,
      includeChildGroups: false,
    });
    expect(rollups.get('group:default/team-b')?.services).toBe(1);
    expect(rollups.get('group:default/org')?.services).toBe(0);
  });

  it('survives a parent cycle in the catalog', () => {
    const cyclic = [
      {
        groupRef: 'group:default/x',
        parentRef: 'group:default/y',
        title: null,
        type: null,
      },
      {
        groupRef: 'group:default/y',
        parentRef: 'group:default/x',
        title: null,
        type: null,
      },
    ];
    const rollups = rollupTree(cyclic, [svc('x', 2)], options);
    expect(rollups.get('group:default/x')?.services).toBe(1);
  });

  it('gives every group the figures of the services in its subtree', () => {
    // The rollup adds up sub-teams' tallies; the oracle lists each group's services and
    // rolls them up directly, as the rollup did before tallies.
    const lensCounts = fc.record(
      { pass: fc.nat(5), fail: fc.nat(5) },
      { requiredKeys: ['pass', 'fail'] },
    );
    const scenario = fc.record({
      parents: fc.array(fc.nat(), { minLength: 1, maxLength: 25 }),
      services: fc.array(
        fc.record({
          owner: fc.nat(),
          level: fc.integer({ min: 0, max: 5 }),
          assessed: fc.boolean(),
          provisional: fc.boolean(),
          lenses: fc.option(
            fc.record(
              { security: lensCounts, delivery: lensCounts },
              { requiredKeys: [] },
            ),
            { nil: undefined },
          ),
        }),
        { maxLength: 60 },
      ),
      strategy: fc.constantFrom(
        'share' as const,
        'median' as const,
        'min' as const,
      ),
      share: fc.double({ min: 0.1, max: 1, noNaN: true }),
    });
    fc.assert(
      fc.property(scenario, ({ parents, services: drawn, strategy, share }) => {
        // Group i's parent is an earlier group (or none): a forest, as the catalog has.
        const refs = parents.map((_, i) => `group:default/g${i}`);
        const tree = parents.map((p, i) => ({
          groupRef: refs[i],
          parentRef: i === 0 || p % 4 === 0 ? null : refs[p % i],
          title: null,
          type: null,
        }));
        const owned: OwnedService[] = drawn.map(d => ({
          ownerRef: refs[d.owner % refs.length],
          level: d.level as PlacementLevel,
          assessed: d.assessed,
          provisional: d.provisional,
          lenses: d.lenses,
        }));
        const rollups = rollupTree(tree, owned, {
          strategy,
          share,
          includeChildGroups: true,
        });
        for (const group of tree) {
          const below = subtree(tree, group.groupRef);
          const expected = rollupServices(
            owned.filter(s => below.has(s.ownerRef!)),
            { strategy, share },
          );
          expect(rollups.get(group.groupRef)).toEqual(expected);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('finds a subtree', () => {
    expect([...subtree(groups, 'group:default/team-b')].sort()).toEqual([
      'group:default/squad',
      'group:default/team-b',
    ]);
  });
});
