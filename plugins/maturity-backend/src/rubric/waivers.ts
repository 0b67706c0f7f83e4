import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import {
  normalizeEntityRef,
  type CheckResult,
} from '@maturity/plugin-maturity-common';
import { configError } from '../config/configError';
import type { WaiverConfig } from '../config/schema';

/** The annotation teams use to declare waivers next to their entity, as a JSON list. */
export const WAIVERS_ANNOTATION = 'maturity/waivers';

export interface Waiver {
  checkId: string;
  reason: string;
  expires: string;
  approvedBy: string;
  /** `config` or `annotation`, for the evidence. */
  declaredIn: string;
}

/**
 * Waivers declared as code: in app-config (checked at start-up, a bad one stops the
 * backend) and in the entity's annotation (a bad one is ignored and reported in the log,
 * since a team's typo must not stop everyone's backend).
 */
export class Waivers {
  private readonly byEntity = new Map<string, Waiver[]>();

  constructor(configured: WaiverConfig[], checkIds: ReadonlySet<string>) {
    configured.forEach((w, i) => {
      const key = `maturity.waivers[${i}]`;
      if (!checkIds.has(w.check)) {
        throw configError(`${key}.check`, `unknown check id '${w.check}'`);
      }
      let entityRef: string;
      try {
        entityRef = normalizeEntityRef(
          stringifyEntityRef(
            parseEntityRef(w.entity, { defaultKind: 'component' }),
          ),
        );
      } catch (error) {
        throw configError(`${key}.entity`, (error as Error).message);
      }
      const list = this.byEntity.get(entityRef) ?? [];
      list.push({
        checkId: w.check,
        reason: w.reason,
        expires: w.expires,
        approvedBy: w.approvedBy,
        declaredIn: 'config',
      });
      this.byEntity.set(entityRef, list);
    });
  }

  /** The waivers of an entity in force at `now`; an expired waiver simply stops counting. */
  active(
    entityRef: string,
    annotations: Record<string, string> | undefined,
    now: Date,
  ): Waiver[] {
    return [
      ...(this.byEntity.get(entityRef) ?? []),
      ...parseAnnotationWaivers(annotations?.[WAIVERS_ANNOTATION]),
    ].filter(w => Date.parse(w.expires) > now.getTime());
  }
}

/** Replaces a result with `waived` while the waiver is in force. */
export function applyWaiver(
  result: CheckResult,
  waiver: Waiver | undefined,
): CheckResult {
  if (!waiver) return result;
  return {
    ...result,
    state: 'waived',
    reason: `Waived until ${waiver.expires.slice(0, 10)}: ${
      waiver.reason
    } (approved by ${waiver.approvedBy}; ${result.state} without the waiver)`,
    waiver: {
      reason: waiver.reason,
      expires: waiver.expires,
      approvedBy: waiver.approvedBy,
    },
  };
}

function parseAnnotationWaivers(value: string | undefined): Waiver[] {
  if (!value) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed.flatMap(item => {
    const w = item as Record<string, unknown>;
    const valid =
      typeof w?.check === 'string' &&
      typeof w.reason === 'string' &&
      typeof w.approvedBy === 'string' &&
      typeof w.expires === 'string' &&
      !Number.isNaN(Date.parse(w.expires));
    return valid
      ? [
          {
            checkId: w.check as string,
            reason: w.reason as string,
            expires: w.expires as string,
            approvedBy: w.approvedBy as string,
            declaredIn: 'annotation',
          },
        ]
      : [];
  });
}
