import type { FactRetriever } from '@backstage-community/plugin-tech-insights-node';
import type { PeerCheck } from './peerRubric';

/** Same shape as `@backstage/types`' JsonObject (not a dependency of the bench). */
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | JsonValue[]
  | { [key: string]: JsonValue | undefined };
export type JsonObject = { [key: string]: JsonValue | undefined };

/** The check type the jsonfc module accepts (its JSON_RULE_ENGINE_CHECK_TYPE). */
const JSON_RULES_ENGINE = 'json-rules-engine';

/**
 * `techInsights.factChecker.checks`: one json-rules-engine check per rubric check, read by
 * the published jsonfc module exactly as an adopter's app-config would be. Each is the
 * simplest rule there is, `<fact> equal true`, on the one retriever that carries the fact.
 */
export function peerChecksConfig(checks: PeerCheck[]): JsonObject {
  return Object.fromEntries(
    checks.map(check => [
      check.factName,
      {
        type: JSON_RULES_ENGINE,
        name: check.title,
        description: `Rubric check ${check.rubricId}`,
        factIds: [check.retrieverId],
        rule: {
          conditions: {
            all: [{ fact: check.factName, operator: 'equal', value: true }],
          },
        },
      },
    ]),
  );
}

/**
 * `techInsights.factRetrievers`: TI only schedules retrievers that have an entry here.
 * The cadence (once a year, on 1 January) never fires during a run: the bench triggers
 * each retriever itself, once, and times it.
 */
export function peerRetrieversConfig(retrievers: FactRetriever[]): JsonObject {
  return Object.fromEntries(
    retrievers.map(retriever => [
      retriever.id,
      { cadence: '0 0 1 1 *', timeout: { minutes: 30 } },
    ]),
  );
}

/** The whole root config of the peer backend. */
export function peerRootConfig(options: {
  databaseDirectory: string;
  checks: PeerCheck[];
  retrievers: FactRetriever[];
}): JsonObject {
  return {
    backend: {
      baseUrl: 'http://localhost:7007',
      // A real SQLite file, as a small single-node install would run it, rather than
      // the in-memory database a test backend defaults to.
      database: {
        client: 'better-sqlite3',
        connection: { directory: options.databaseDirectory },
      },
    },
    techInsights: {
      factRetrievers: peerRetrieversConfig(options.retrievers),
      factChecker: { checks: peerChecksConfig(options.checks) },
    },
  };
}
