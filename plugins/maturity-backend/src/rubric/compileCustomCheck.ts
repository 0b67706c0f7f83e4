import {
  fail,
  pass,
  type CheckDefinition,
  type Dimension,
  type Lens,
  type Level,
} from '@maturity/plugin-maturity-common';
import { Engine, type TopLevelCondition } from 'json-rules-engine';
import { configError } from '../config/configError';
import type { CustomCheckConfig, RuleCondition } from '../config/schema';

const OPERATORS = [
  'equal',
  'notEqual',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
];
const DECORATORS = [
  'someFact',
  'someValue',
  'everyFact',
  'everyValue',
  'swap',
  'not',
];
const MAX_DEPTH = 8;
const MAX_CONDITIONS = 50;

/**
 * Turns a custom check from config into a check whose rule json-rules-engine evaluates.
 * The rule is data: operators come from the library's fixed set, facts must be declared
 * by a source, and paths are plain property paths resolved here (the library's default
 * JSONPath resolver can evaluate filter expressions, which we never want to run).
 */
export function compileCustomCheck(
  config: CustomCheckConfig,
  index: number,
  knownFacts: ReadonlySet<string>,
): CheckDefinition {
  const key = `maturity.customChecks[${index}].rule`;
  const facts = validateCondition(
    config.rule,
    key,
    knownFacts,
    { count: 0 },
    0,
  );
  const engine = new Engine(
    [{ conditions: toEngineCondition(config.rule), event: { type: 'pass' } }],
    { allowUndefinedFacts: false, pathResolver: resolvePlainPath },
  );

  return {
    id: config.id,
    title: config.title,
    level: config.level as Level,
    dimension: config.dimension as Dimension,
    lens: (config.lens ?? 'compliance') as Lens,
    required: config.required ?? false,
    weight: config.weight ?? 1,
    sources: [...new Set(facts.map(f => f.split('.')[0]))],
    facts,
    hint: config.hint ?? `Meet the condition of the custom check ${config.id}.`,
    link: config.link,
    params: {},
    rule: async ({ facts: reader }) => {
      // Reading through the reader first makes missing or stale facts `unknown`.
      const values = Object.fromEntries(
        facts.map(name => [name, reader.get(name)]),
      );
      const result = await engine.run(values);
      if (result.events.length > 0) return pass('All conditions are met');
      return fail(
        describeFailure(
          result.failureResults[0]?.conditions as ConditionResult | undefined,
        ),
      );
    },
  };
}

function validateCondition(
  condition: RuleCondition,
  key: string,
  knownFacts: ReadonlySet<string>,
  counter: { count: number },
  depth: number,
): string[] {
  if (depth > MAX_DEPTH)
    throw configError(key, `nested deeper than ${MAX_DEPTH} levels`);
  counter.count += 1;
  if (counter.count > MAX_CONDITIONS) {
    throw configError(key, `more than ${MAX_CONDITIONS} conditions`);
  }
  if ('all' in condition) {
    return condition.all.flatMap((c, i) =>
      validateCondition(c, `${key}.all[${i}]`, knownFacts, counter, depth + 1),
    );
  }
  if ('any' in condition) {
    return condition.any.flatMap((c, i) =>
      validateCondition(c, `${key}.any[${i}]`, knownFacts, counter, depth + 1),
    );
  }
  if ('not' in condition) {
    return validateCondition(
      condition.not,
      `${key}.not`,
      knownFacts,
      counter,
      depth + 1,
    );
  }
  const parts = condition.operator.split(':');
  const base = parts.pop()!;
  if (!OPERATORS.includes(base) || parts.some(d => !DECORATORS.includes(d))) {
    throw configError(
      `${key}.operator`,
      `unknown operator '${condition.operator}'; use one of ${OPERATORS.join(
        ', ',
      )}, optionally prefixed by ${DECORATORS.map(d => `${d}:`).join(', ')}`,
    );
  }
  if (!knownFacts.has(condition.fact)) {
    throw configError(
      `${key}.fact`,
      `unknown fact '${
        condition.fact
      }'; no source writes it (known facts include ${[...knownFacts]
        .slice(0, 6)
        .join(', ')} …)`,
    );
  }
  return [condition.fact];
}

// The engine wants all/any/not at the top; a single condition is wrapped. The copy keeps
// the engine from holding on to (and annotating) the parsed config object.
function toEngineCondition(condition: RuleCondition): TopLevelCondition {
  const top = 'fact' in condition ? { all: [condition] } : condition;
  return JSON.parse(JSON.stringify(top)) as TopLevelCondition;
}

function resolvePlainPath(value: unknown, path: string): unknown {
  const steps =
    path.replace(/^\$/, '').match(/\.[A-Za-z0-9_-]+|\[\d+\]|\['[^'\]]+'\]/g) ??
    [];
  let current: unknown = value;
  for (const step of steps) {
    if (current === null || typeof current !== 'object') return undefined;
    const key = pathKey(step);
    if (
      typeof key === 'string' &&
      !Object.prototype.hasOwnProperty.call(current, key)
    ) {
      return undefined;
    }
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

// `.name` and `['any/key']` name properties, `[3]` an array index.
function pathKey(step: string): string | number {
  if (step.startsWith('.')) return step.slice(1);
  if (step.startsWith("['")) return step.slice(2, -2);
  return Number(step.slice(1, -1));
}

interface ConditionResult {
  all?: ConditionResult[];
  any?: ConditionResult[];
  not?: ConditionResult;
  fact?: string;
  operator?: string;
  value?: unknown;
  result?: boolean;
  factResult?: unknown;
}

function describeFailure(conditions: ConditionResult | undefined): string {
  const leaf = conditions && firstFailingLeaf(conditions);
  if (!leaf) return 'The conditions are not met';
  return `Not met: ${leaf.fact} ${leaf.operator} ${brief(
    leaf.value,
  )} (found ${brief(leaf.factResult)})`;
}

function firstFailingLeaf(c: ConditionResult): ConditionResult | undefined {
  if (c.fact) return c.result === false ? c : undefined;
  for (const child of [
    ...(c.all ?? []),
    ...(c.any ?? []),
    ...(c.not ? [c.not] : []),
  ]) {
    const found = firstFailingLeaf(child);
    if (found) return found;
  }
  return undefined;
}

function brief(value: unknown): string {
  const text = JSON.stringify(value) ?? 'nothing';
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
