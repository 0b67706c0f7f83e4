import {
  TestDatabases,
  type TestDatabaseId,
} from '@backstage/backend-test-utils';

/**
 * SQLite plus whichever PostgreSQL the environment offers
 * (BACKSTAGE_TEST_DATABASE_POSTGRES<major>_CONNECTION_STRING). The project's test command
 * sets MATURITY_REQUIRE_POSTGRES so a missing PostgreSQL fails the run instead of being
 * skipped quietly.
 */
export function createTestDatabases(): TestDatabases {
  const postgres = Object.keys(process.env)
    .map(
      key =>
        /^BACKSTAGE_TEST_DATABASE_POSTGRES(\d+)_CONNECTION_STRING$/.exec(
          key,
        )?.[1],
    )
    .filter((major): major is string => Boolean(major))
    .map(major => `POSTGRES_${major}` as TestDatabaseId);
  if (process.env.MATURITY_REQUIRE_POSTGRES && postgres.length === 0) {
    throw new Error(
      'MATURITY_REQUIRE_POSTGRES is set but no BACKSTAGE_TEST_DATABASE_POSTGRES<major>_CONNECTION_STRING is',
    );
  }
  const databases = TestDatabases.create({ ids: ['SQLITE_3', ...postgres] });
  const missing = postgres.filter(id => !databases.supports(id));
  if (missing.length > 0) {
    throw new Error(`No test database support for ${missing.join(', ')}`);
  }
  return databases;
}
