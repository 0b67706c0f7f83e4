import { createHash } from 'node:crypto';
import {
  summarizeCheck,
  type CheckDefinition,
} from '@maturity/plugin-maturity-common';

/** The effective checks: built-in, from modules and from config, after overrides. */
export class Rubric {
  private readonly byId: Map<string, CheckDefinition>;
  /**
   * Changes whenever a check, its placement or its parameters change (or the waivers
   * and custom rules given as `configFingerprint`), so every entity is re-evaluated.
   */
  readonly version: string;

  constructor(
    readonly checks: readonly CheckDefinition[],
    configFingerprint = '',
  ) {
    this.version = createHash('sha1')
      .update(JSON.stringify(checks.map(summarizeCheck)))
      .update(configFingerprint)
      .digest('base64url');
    this.byId = new Map();
    for (const check of checks) {
      if (this.byId.has(check.id)) {
        throw new Error(`Maturity check id '${check.id}' is defined twice`);
      }
      this.byId.set(check.id, check);
    }
  }

  get(id: string): CheckDefinition | undefined {
    return this.byId.get(id);
  }
}
