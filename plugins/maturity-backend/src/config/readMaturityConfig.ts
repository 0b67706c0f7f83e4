import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  type SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { readDurationFromConfig, type Config } from '@backstage/config';
import type { HumanDuration } from '@backstage/types';
import { Duration } from 'luxon';
import {
  DEFAULT_SCORING,
  type ScoringOptions,
} from '@maturity/plugin-maturity-common';
import { z } from 'zod';
import { atKey, configError } from './configError';
import {
  checkOverrideSchema,
  customCheckSchema,
  parseAt,
  rollupSchema,
  scoringSchema,
  waiverSchema,
  type CheckOverride,
  type CustomCheckConfig,
  type WaiverConfig,
} from './schema';

export interface RollupOptions {
  strategy: 'share' | 'median' | 'min';
  share: number;
  includeChildGroups: boolean;
}

/** Everything under `maturity:`, parsed and checked once at start-up. */
export interface MaturityConfig {
  schedule: SchedulerServiceTaskScheduleDefinition;
  /** How many shards the catalog is split into for collection (one scheduled task each). */
  shards: number;
  staleAfterMs: number;
  historyDays: number;
  scoring: ScoringOptions;
  rollup: RollupOptions;
  /** Per-check overrides by check id; ids are checked against the rubric when it is built. */
  checks: Record<string, CheckOverride>;
  customChecks: CustomCheckConfig[];
  waivers: WaiverConfig[];
}

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 30 },
  timeout: { minutes: 10 },
  initialDelay: { seconds: 5 },
};
const DEFAULT_STALE_AFTER_MS = 24 * 3_600_000;
const DEFAULT_HISTORY_DAYS = 400;
export const DEFAULT_ROLLUP: RollupOptions = {
  strategy: 'share',
  share: 0.8,
  includeChildGroups: true,
};

/** Reads `maturity:`; a bad value throws with the full key path in the message. */
export function readMaturityConfig(root: Config): MaturityConfig {
  const config = root.getOptionalConfig('maturity');
  const raw = (key: string) => config?.getOptional(key);

  const schedule = config?.has('schedule')
    ? atKey('maturity.schedule', () =>
        readSchedulerServiceTaskScheduleDefinitionFromConfig(
          config.getConfig('schedule'),
        ),
      )
    : DEFAULT_SCHEDULE;

  const staleAfterMs = config?.has('facts.staleAfter')
    ? positiveMs(
        atKey('maturity.facts.staleAfter', () =>
          readDurationFromConfig(config, { key: 'facts.staleAfter' }),
        ),
        'maturity.facts.staleAfter',
      )
    : DEFAULT_STALE_AFTER_MS;

  const historyDays =
    parseAt(
      z.number().int().min(1, 'must be at least 1 day').optional(),
      raw('facts.historyDays'),
      'maturity.facts.historyDays',
    ) ?? DEFAULT_HISTORY_DAYS;

  const shards =
    parseAt(
      z.number().int().min(1).max(64, 'must be between 1 and 64').optional(),
      raw('shards'),
      'maturity.shards',
    ) ?? 1;

  const scoring = parseAt(
    scoringSchema.optional(),
    raw('scoring'),
    'maturity.scoring',
  );
  const rollup = parseAt(
    rollupSchema.optional(),
    raw('rollup'),
    'maturity.rollup',
  );

  return {
    schedule,
    shards,
    staleAfterMs,
    historyDays,
    scoring: { ...DEFAULT_SCORING, ...scoring } as ScoringOptions,
    rollup: { ...DEFAULT_ROLLUP, ...rollup },
    checks:
      parseAt(
        z.record(z.string(), checkOverrideSchema).optional(),
        raw('checks'),
        'maturity.checks',
      ) ?? {},
    customChecks:
      parseAt(
        z.array(customCheckSchema).optional(),
        raw('customChecks'),
        'maturity.customChecks',
      ) ?? [],
    waivers:
      parseAt(
        z.array(waiverSchema).optional(),
        raw('waivers'),
        'maturity.waivers',
      ) ?? [],
  };
}

function positiveMs(duration: HumanDuration, key: string): number {
  const ms = Duration.fromObject(duration).toMillis();
  if (!Number.isFinite(ms) || ms <= 0) {
    throw configError(key, 'must be a positive duration');
  }
  return ms;
}
