import type { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';
import type { HumanDuration } from '@backstage/types';

export interface Config {
  /** Configuration of the Maturity backend. Every key is optional. */
  maturity?: {
    /** How often facts are collected and entities evaluated. Default: every 30 minutes, 10 minute timeout. */
    schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    /**
     * Split the catalog into this many shards, one scheduled task each, so several backend
     * replicas share collection. Default 1.
     */
    shards?: number;
    facts?: {
      /** Facts observed longer ago make their checks `unknown`. Default: 24 hours. */
      staleAfter?: HumanDuration | string;
      /** Days of daily snapshots and level changes to keep. Default 400. */
      historyDays?: number;
    };
    scoring?: {
      /** Weighted pass share a level needs among its known checks, 0..1. Default 0.75. */
      levelThreshold?: number;
      /** Share of a level's applicable weight that must be known, 0..1. Default 0.6. */
      minCoverage?: number;
      /** What a required `unknown` does to its level. Default provisional. */
      requiredUnknown?: 'provisional' | 'block';
      /** Dimensions shown but not gating levels. Default people and business-outcomes. */
      nonGatingDimensions?: Array<
        'people' | 'process' | 'policy' | 'technology' | 'business-outcomes'
      >;
      /** Highest level per spec.lifecycle. Default { experimental: 1 }. */
      lifecycleCaps?: { [lifecycle: string]: number };
    };
    rollup?: {
      /** share (default): the highest level ≥ `share` of a team's assessed services reach; median; min. */
      strategy?: 'share' | 'median' | 'min';
      /** Default 0.8. */
      share?: number;
      /** Roll child groups' services into their parents. Default true. */
      includeChildGroups?: boolean;
    };
    /** Per-check overrides, by check id. */
    checks?: {
      [checkId: string]: {
        enabled?: boolean;
        /** Move the check to another level, 1–5. */
        level?: number;
        required?: boolean;
        weight?: number;
        /** The check's parameters; only the ones it declares. */
        params?: { [name: string]: unknown };
      };
    };
    /** Checks as data: json-rules-engine conditions over facts (never code). */
    customChecks?: Array<{
      id: string;
      title: string;
      level: number;
      dimension:
        | 'people'
        | 'process'
        | 'policy'
        | 'technology'
        | 'business-outcomes';
      lens?: 'compliance' | 'security' | 'reliability' | 'cost' | 'delivery';
      required?: boolean;
      weight?: number;
      hint?: string;
      link?: string;
      /** { all | any: [...] } or { not: ... } or { fact, operator, value, path? }. */
      rule: object;
    }>;
    /** Time-boxed waivers, granted as code. Teams can also declare them in the maturity/waivers annotation. */
    waivers?: Array<{
      check: string;
      /** Entity ref, e.g. component:default/nightly-export. */
      entity: string;
      reason: string;
      /** Date the waiver ends, e.g. 2027-06-30. */
      expires: string;
      approvedBy: string;
    }>;
  };
}
