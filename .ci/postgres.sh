#!/usr/bin/env bash
# Starts the PostgreSQL the store tests run against, and prints the one line to evaluate:
#
#   eval "$(bash .ci/postgres.sh)"   →   export TEST_DATABASE_URL=postgres://bot:…@127.0.0.1:5432/postgres
#
# Installs Debian's postgresql package when it is missing, runs the package's `main` cluster on
# 127.0.0.1:5432 only, and gives a `bot` role (CREATEDB, so each test file can make and drop its own
# database) a random password, created once. Safe to run again: a running cluster is reused. Needs root; reads
# nothing from stdin. Progress goes to stderr so that stdout holds only the export line.
set -euo pipefail

PORT=5432
CLUSTER=main
LISTEN=127.0.0.1

log() { echo "postgres.sh: $*" >&2; }

if [ "$(id -u)" -ne 0 ]; then
  log 'run me as root: I install packages and start the cluster as the postgres user'
  exit 1
fi

# The postgres user's home may not be readable from the caller's directory, which psql warns about.
cd /

if ! command -v pg_ctlcluster >/dev/null || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  log "installing PostgreSQL from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update >&2 </dev/null
  apt-get install -y postgresql >&2 </dev/null
fi

VERSION=$(find /usr/lib/postgresql -mindepth 3 -maxdepth 3 -path '*/bin/postgres' | cut -d/ -f5 | sort -V | tail -n1)
log "using PostgreSQL $VERSION, cluster $CLUSTER"

# The package normally creates `main` on install; a machine where it was dropped gets it back.
if ! pg_lsclusters -h | awk -v v="$VERSION" -v c="$CLUSTER" '$1 == v && $2 == c { found = 1 } END { exit !found }'; then
  pg_createcluster "$VERSION" "$CLUSTER" --port "$PORT" >&2
fi
pg_conftool "$VERSION" "$CLUSTER" set port "$PORT" >&2
# A conf.d file rather than pg_conftool, which takes 127.0.0.1 for a number and leaves it unquoted.
printf "listen_addresses = '%s'\n" "$LISTEN" >"/etc/postgresql/$VERSION/$CLUSTER/conf.d/listen-loopback.conf"

# /var/run is a tmpfs on many machines, so the socket directory may be gone since the package made it.
install -d -o postgres -g postgres -m 2775 /var/run/postgresql

as_postgres() { runuser -u postgres -- "$@"; }

if pg_ctlcluster "$VERSION" "$CLUSTER" status >/dev/null 2>&1; then
  # Already running: restart only when it was started before the settings above.
  if [ "$(as_postgres psql -p "$PORT" -XAtc 'SHOW listen_addresses' 2>/dev/null || true)" != "$LISTEN" ]; then
    log 'restarting the running cluster to listen on 127.0.0.1 only'
    pg_ctlcluster "$VERSION" "$CLUSTER" restart >&2
  fi
else
  pg_ctlcluster "$VERSION" "$CLUSTER" start >&2
fi

for _ in $(seq 1 60); do
  pg_isready -q -h "$LISTEN" -p "$PORT" && break
  sleep 0.5
done
if ! pg_isready -h "$LISTEN" -p "$PORT" >&2; then
  log "PostgreSQL did not become ready on $LISTEN:$PORT; its log:"
  tail -n 30 "/var/log/postgresql/postgresql-$VERSION-$CLUSTER.log" >&2 || true
  exit 1
fi

# Hex, so the password needs no escaping in the URL. Kept in a root-only file and reused, so a second
# run (another shell on the same machine) does not change it under tests already connected.
PASSWORD_FILE=/root/.bot-test-postgres-password
if [ ! -s "$PASSWORD_FILE" ]; then
  (umask 077 && od -An -tx1 -N16 /dev/urandom | tr -d ' \n' >"$PASSWORD_FILE")
fi
PASSWORD=$(cat "$PASSWORD_FILE")
as_postgres psql -p "$PORT" -X -q -v ON_ERROR_STOP=1 -v pw="$PASSWORD" >&2 <<'SQL'
SELECT 'CREATE ROLE bot' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'bot') \gexec
ALTER ROLE bot WITH LOGIN CREATEDB PASSWORD :'pw';
SQL

log "ready on $LISTEN:$PORT"
echo "export TEST_DATABASE_URL=postgres://bot:$PASSWORD@$LISTEN:$PORT/postgres"
