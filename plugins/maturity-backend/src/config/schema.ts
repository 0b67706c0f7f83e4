import { z } from 'zod';
import { DIMENSIONS, LENSES } from '@maturity/plugin-maturity-common';

// The structured parts of `maturity:`; durations and the schedule go through Backstage's
// own readers. Every schema is strict so a typo in a key is an error, not a silent default.

const level = z
  .number({ invalid_type_error: 'must be a level from 1 to 5' })
  .int('must be a level from 1 to 5')
  .min(1, 'must be a level from 1 to 5')
  .max(5, 'must be a level from 1 to 5');
const share = z
  .number()
  .min(0, 'must be between 0 and 1')
  .max(1, 'must be between 0 and 1');
const weight = z.number().positive('must be a positive number').max(100);
const dimension = z.enum(DIMENSIONS as [string, ...string[]]);
const lens = z.enum(LENSES as [string, ...string[]]);

export const scoringSchema = z
  .object({
    levelThreshold: share.optional(),
    minCoverage: share.optional(),
    requiredUnknown: z.enum(['provisional', 'block']).optional(),
    nonGatingDimensions: z.array(dimension).optional(),
    lifecycleCaps: z.record(z.string(), level).optional(),
  })
  .strict();

export const rollupSchema = z
  .object({
    strategy: z.enum(['share', 'median', 'min']).optional(),
    share: share.optional(),
    includeChildGroups: z.boolean().optional(),
  })
  .strict();

export const checkOverrideSchema = z
  .object({
    enabled: z.boolean().optional(),
    level: level.optional(),
    required: z.boolean().optional(),
    weight: weight.optional(),
    params: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

/** A json-rules-engine condition tree; operators and facts are checked against what exists. */
export type RuleCondition =
  | { all: RuleCondition[] }
  | { any: RuleCondition[] }
  | { not: RuleCondition }
  | { fact: string; operator: string; value: unknown; path?: string };

const leaf = z
  .object({
    fact: z.string().min(1),
    operator: z.string().min(1),
    value: z.unknown(),
    path: z
      .string()
      .regex(
        /^\$(\.[A-Za-z0-9_-]+|\[\d+\]|\['[^'\]]+'\])*$/,
        "must be a plain path such as $.a.b, $['a/b'] or $[0] (no filters or scripts)",
      )
      .optional(),
  })
  .strict();

export const conditionSchema: z.ZodType<RuleCondition> = z.lazy(() =>
  z.union([
    z.object({ all: z.array(conditionSchema).min(1) }).strict(),
    z.object({ any: z.array(conditionSchema).min(1) }).strict(),
    z.object({ not: conditionSchema }).strict(),
    leaf,
  ]),
) as z.ZodType<RuleCondition>;

export const customCheckSchema = z
  .object({
    id: z
      .string()
      .regex(
        /^[a-z0-9]+(-[a-z0-9]+)*$/,
        'must be lower-case words joined by -',
      ),
    title: z.string().min(1),
    level,
    dimension,
    lens: lens.optional(),
    required: z.boolean().optional(),
    weight: weight.optional(),
    hint: z.string().optional(),
    link: z.string().url().optional(),
    rule: conditionSchema,
  })
  .strict();

const isoDate = z
  .string()
  .refine(
    value => !Number.isNaN(Date.parse(value)),
    'must be a date such as 2027-06-30',
  );

export const waiverSchema = z
  .object({
    check: z.string().min(1),
    entity: z.string().min(1),
    reason: z.string().min(1),
    expires: isoDate,
    approvedBy: z.string().min(1),
  })
  .strict();

export type CheckOverride = z.infer<typeof checkOverrideSchema>;
export type CustomCheckConfig = z.infer<typeof customCheckSchema>;
export type WaiverConfig = z.infer<typeof waiverSchema>;
export type RollupConfig = z.infer<typeof rollupSchema>;

/** Parses `value` (found at `key`) or throws naming the exact key path and the problem. */
export function parseAt<T>(
  schema: z.ZodType<T>,
  value: unknown,
  key: string,
): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = deepestIssue(parsed.error.issues);
  const path = [key, ...issue.path.map(String)].join('.');
  const problem =
    issue.code === 'unrecognized_keys'
      ? `unknown key ${issue.keys.map(k => `'${k}'`).join(', ')}`
      : issue.message;
  throw new Error(`Invalid config at '${path}': ${problem}`);
}

// A union reports one issue per branch; the longest path is the branch that got furthest.
function deepestIssue(issues: z.ZodIssue[]): z.ZodIssue {
  const flat = issues.flatMap(issue =>
    issue.code === 'invalid_union'
      ? issue.unionErrors.flatMap(e => e.issues)
      : [issue],
  );
  return flat.reduce(
    (a, b) => (b.path.length > a.path.length ? b : a),
    flat[0],
  );
}
