#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests and CI: start | stop | status | url.
#
# Uses Debian's server (apt-get install postgresql), runs it as the unprivileged `postgres` user with its
# data under var/postgres/ (git-ignored), listening on 127.0.0.1 only. Environment: PG_PORT (5433),
# PG_DB (archive).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PG_PORT="${PG_PORT:-5433}"
PG_DB="${PG_DB:-archive}"
DATA="$ROOT/var/postgres"
LOG="$DATA.log"

die() { echo "postgres.sh: $*" >&2; exit 1; }

bindir() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  [[ -n "$dir" ]] || die "PostgreSQL server not installed: apt-get install postgresql"
  echo "$dir"
}

as_postgres() {
  if [[ "$(id -u)" == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
  local bin; bin="$(bindir)"
  if as_postgres "$bin/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
    echo "postgres.sh: already running on port $PG_PORT"; return
  fi
  mkdir -p "$ROOT/var"
  if [[ ! -f "$DATA/PG_VERSION" ]]; then
    mkdir -p "$DATA"
    [[ "$(id -u)" == 0 ]] && chown postgres:postgres "$DATA" && touch "$LOG" && chown postgres:postgres "$LOG"
    as_postgres "$bin/initdb" -D "$DATA" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  fi
  as_postgres "$bin/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -c port=$PG_PORT -c unix_socket_directories=/tmp -c fsync=off" start >/dev/null \
    || die "server did not start; see $LOG"
  psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$PG_DB'" | grep -q 1 \
    || psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "CREATE DATABASE $PG_DB"
  echo "postgres.sh: running; DATABASE_URL=$(url)"
}

stop() {
  local bin; bin="$(bindir)"
  as_postgres "$bin/pg_ctl" -D "$DATA" -m fast stop >/dev/null 2>&1 || true
  echo "postgres.sh: stopped"
}

status() {
  as_postgres "$(bindir)/pg_ctl" -D "$DATA" status
}

url() { echo "postgres://postgres@127.0.0.1:$PG_PORT/$PG_DB"; }

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  url) url ;;
  *) die "usage: scripts/postgres.sh start|stop|status|url" ;;
esac
