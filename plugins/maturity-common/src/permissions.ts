import { createPermission } from '@backstage/plugin-permission-common';

/** Re-collect and re-evaluate one entity on demand. @public */
export const maturityRefreshPermission = createPermission({
  name: 'maturity.entity.refresh',
  attributes: { action: 'update' },
});

/** Read org and team rollups. @public */
export const maturityRollupReadPermission = createPermission({
  name: 'maturity.rollup.read',
  attributes: { action: 'read' },
});

/** @public */
export const maturityPermissions = [
  maturityRefreshPermission,
  maturityRollupReadPermission,
];
