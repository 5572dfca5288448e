# Sourced by the service scripts: stopping a server started in the background and tracked by a pid file.
# The sourcing script defines PIDFILE and log().

# The pid in PIDFILE if that process is alive; fails otherwise.
running_pid() {
  [[ -f "$PIDFILE" ]] || return 1
  local pid
  pid="$(cat "$PIDFILE")"
  kill -0 "$pid" 2>/dev/null && echo "$pid"
}

# Ask the server to stop, give it GRACE seconds to finish its writes, then kill it; forget the pid file.
stop_by_pidfile() {
  local grace="$1" pid waited=0
  if ! pid="$(running_pid)"; then rm -f "$PIDFILE"; log "not running"; return; fi
  kill "$pid"
  while kill -0 "$pid" 2>/dev/null; do
    sleep 1; waited=$((waited + 1))
    if ((waited == grace)); then log "still running after ${grace}s, killing"; kill -9 "$pid"; fi
  done
  rm -f "$PIDFILE"
  log "stopped"
}
