#!/usr/bin/env bash
# Sourced by the test command. Makes sure a PostgreSQL server answers on 127.0.0.1:5432
# (installing and starting Debian's when there is none) and exports the connection string
# Backstage's TestDatabases reads for the server's major version.
# Sourced: the calling script sets its own shell options.

PG_HOST=127.0.0.1
PG_PORT=5432
PG_URL="postgresql://postgres:postgres@$PG_HOST:$PG_PORT"

pg_answers() { (exec 3<>"/dev/tcp/$PG_HOST/$PG_PORT") 2>/dev/null; }

if ! pg_answers; then
  if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    echo "[postgres] no server on $PG_HOST:$PG_PORT; installing Debian's postgresql"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  version="$(ls /etc/postgresql | sort -n | tail -n 1)"
  echo "[postgres] starting cluster $version/main"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  for _ in $(seq 1 30); do pg_answers && break; sleep 1; done
  pg_answers || { echo "[postgres] server did not come up on $PG_HOST:$PG_PORT" >&2; exit 1; }
  # A fresh Debian cluster asks TCP clients for a password; give postgres a known one.
  # Where the server trusts local connections, the password is simply ignored.
  su postgres -c "psql -q -c \"ALTER USER postgres PASSWORD 'postgres'\"" >/dev/null
fi

PG_MAJOR="$(node -e '
  const { Client } = require("pg");
  const c = new Client({ connectionString: process.argv[1] });
  c.connect()
    .then(() => c.query("show server_version_num"))
    .then(r => { console.log(Math.floor(Number(r.rows[0].server_version_num) / 10000)); return c.end(); })
    .catch(e => { console.error("[postgres] " + e.message); process.exit(1); });
' "$PG_URL")"
export "BACKSTAGE_TEST_DATABASE_POSTGRES${PG_MAJOR}_CONNECTION_STRING=$PG_URL"
export MATURITY_REQUIRE_POSTGRES=1
echo "[postgres] PostgreSQL $PG_MAJOR on $PG_HOST:$PG_PORT"
