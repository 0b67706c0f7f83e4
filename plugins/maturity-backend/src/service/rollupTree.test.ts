import type { PlacementLevel } from '@maturity/plugin-maturity-common';
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

  it('finds a subtree', () => {
    expect([...subtree(groups, 'group:default/team-b')].sort()).toEqual([
      'group:default/squad',
      'group:default/team-b',
    ]);
  });
});
