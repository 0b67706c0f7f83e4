import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { CheckDefinition } from '@maturity/plugin-maturity-common';
import type { MaturityFactSource } from './FactSource';

/** Lets backend modules add fact sources to the maturity backend. @public */
export interface MaturitySourcesExtensionPoint {
  /** Called during backend start-up, before the first collection run. */
  addSource(...sources: MaturityFactSource[]): void;
}

/** @public */
export const maturitySourcesExtensionPoint =
  createExtensionPoint<MaturitySourcesExtensionPoint>({
    id: 'maturity.sources',
  });

/** Lets backend modules add checks to the rubric. @public */
export interface MaturityChecksExtensionPoint {
  /**
   * Called during backend start-up. Check ids must be unique across the rubric; config
   * (`maturity.checks.<id>`) can then move, weigh or disable them like built-in checks.
   */
  addCheck(...checks: CheckDefinition[]): void;
}

/** @public */
export const maturityChecksExtensionPoint =
  createExtensionPoint<MaturityChecksExtensionPoint>({
    id: 'maturity.checks',
  });
