#!/usr/bin/env bash
# A local single-node Elasticsearch for development, tests and CI: start | stop | status.
#
# The node comes from Maven Central (org.elasticsearch.distribution.integ-test-zip), runs on the
# machine's JDK 17 as an unprivileged user (Elasticsearch refuses root), listens on 127.0.0.1 only,
# keeps its data and logs under var/elasticsearch/ (git-ignored) and gets our analysis plugin
# (search/elasticsearch_plugin), because that distribution has no analysis-common module.
#
# Environment: ES_VERSION, ES_PORT (9200), ES_HEAP (512m), ES_USER (esrunner), ES_START_TIMEOUT (180 s),
# ES_JAVA_HOME (the JDK that `javac` on PATH belongs to).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
ES_VERSION="${ES_VERSION:-8.19.21}"
ES_PORT="${ES_PORT:-9200}"
ES_HEAP="${ES_HEAP:-512m}"
ES_USER="${ES_USER:-esrunner}"
ES_START_TIMEOUT="${ES_START_TIMEOUT:-180}"
CLUSTER_NAME="klaipeda-archive-dev"
BASE="$ROOT/var/elasticsearch"
ES_HOME="$BASE/elasticsearch-$ES_VERSION"
DATA="$BASE/data"
LOGS="$BASE/logs"
PIDFILE="$BASE/elasticsearch.pid"
PLUGIN_SRC="$ROOT/search/elasticsearch_plugin"
PLUGIN_NAME="archive-analysis"
URL="http://127.0.0.1:$ES_PORT"

die() { echo "elasticsearch.sh: $*" >&2; exit 1; }
log() { echo "elasticsearch.sh: $*" >&2; }
# shellcheck source=scripts/pidfile.sh
source "$ROOT/scripts/pidfile.sh"

java_home() {
  if [[ -n "${ES_JAVA_HOME:-}" ]]; then echo "$ES_JAVA_HOME"; return; fi
  local javac
  javac="$(command -v javac)" || die "no javac on PATH: install a JDK 17 (apt-get install openjdk-17-jdk-headless)"
  dirname "$(dirname "$(readlink -f "$javac")")"
}

# Prints the cluster name of whatever answers on our port, or nothing.
answering_cluster() {
  curl -fsS --max-time 2 "$URL/_cluster/health" 2>/dev/null | sed -n 's/.*"cluster_name" *: *"\([^"]*\)".*/\1/p' | head -n1 || true
}

healthy() {
  curl -fsS --max-time 5 "$URL/_cluster/health?wait_for_status=yellow&timeout=2s" 2>/dev/null \
    | grep -Eq '"status" *: *"(green|yellow)"'
}

fetch() {
  [[ -x "$ES_HOME/bin/elasticsearch" ]] && return
  command -v mvn >/dev/null || die "Maven (mvn) is needed to fetch Elasticsearch from Maven Central"
  command -v unzip >/dev/null || die "unzip is needed to unpack Elasticsearch (apt-get install unzip)"
  log "fetching Elasticsearch $ES_VERSION (integ-test-zip) from Maven Central"
  mkdir -p "$BASE/download"
  mvn -q -B dependency:copy \
    -Dartifact="org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ES_VERSION:zip" \
    -DoutputDirectory="$BASE/download" || die "could not fetch Elasticsearch $ES_VERSION with Maven"
  unzip -q -o "$BASE/download/elasticsearch-$ES_VERSION.zip" -d "$BASE"
}

install_plugin() {
  [[ -d "$ES_HOME/plugins/$PLUGIN_NAME" ]] && return
  log "building and installing the $PLUGIN_NAME plugin"
  local build="$BASE/plugin-build" jdk
  jdk="$(java_home)"
  rm -rf "$build" && mkdir -p "$build/classes" "$build/zip"
  find "$PLUGIN_SRC/src" -name '*.java' -print0 \
    | xargs -0 "$jdk/bin/javac" --release 17 -nowarn -cp "$ES_HOME/lib/*" -d "$build/classes"
  "$jdk/bin/jar" --create --file "$build/zip/$PLUGIN_NAME.jar" -C "$build/classes" .
  cp "$PLUGIN_SRC/named_components.json" "$build/zip/"
  cat > "$build/zip/stable-plugin-descriptor.properties" <<EOF
name=$PLUGIN_NAME
description=Lithuanian and English stemming, lower-casing and ASCII folding for the heritage archive
version=1.0.0
elasticsearch.version=$ES_VERSION
java.version=17
EOF
  "$jdk/bin/jar" --create --no-manifest --file "$build/$PLUGIN_NAME.zip" -C "$build/zip" .
  ES_JAVA_HOME="$jdk" "$ES_HOME/bin/elasticsearch-plugin" install --batch "file://$build/$PLUGIN_NAME.zip" >/dev/null
}

run_as_es_user() {
  if [[ "$(id -u)" != 0 ]]; then "$@"; return; fi
  runuser -u "$ES_USER" -- "$@"
}

prepare_user() {
  mkdir -p "$DATA" "$LOGS"
  [[ "$(id -u)" != 0 ]] && return
  id -u "$ES_USER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$ES_USER"
  chown -R "$ES_USER:" "$BASE"
  runuser -u "$ES_USER" -- test -x "$ES_HOME/bin/elasticsearch" \
    || die "user $ES_USER cannot reach $ES_HOME: make the folders above it world-searchable (chmod o+x)"
}

start() {
  local running
  running="$(answering_cluster)"
  if [[ "$running" == "$CLUSTER_NAME" ]]; then
    healthy && { log "already running at $URL"; return; }
  elif [[ -n "$running" ]]; then
    die "port $ES_PORT is taken by another cluster ($running): set ES_PORT"
  fi
  fetch
  install_plugin
  prepare_user
  log "starting Elasticsearch $ES_VERSION at $URL (heap $ES_HEAP, user $ES_USER)"
  rm -f "$PIDFILE"
  run_as_es_user env ES_JAVA_HOME="$(java_home)" ES_JAVA_OPTS="-Xms$ES_HEAP -Xmx$ES_HEAP" \
    "$ES_HOME/bin/elasticsearch" -d -p "$PIDFILE" \
    -E cluster.name="$CLUSTER_NAME" -E node.name=archive-node \
    -E network.host=127.0.0.1 -E http.port="$ES_PORT" -E discovery.type=single-node \
    -E path.data="$DATA" -E path.logs="$LOGS" \
    -E xpack.security.enabled=false -E cluster.routing.allocation.disk.threshold_enabled=false \
    >"$LOGS/startup.out" 2>&1 \
    || die "Elasticsearch did not start; see $LOGS/$CLUSTER_NAME.log"
  local waited=0
  until healthy; do
    sleep 2; waited=$((waited + 2))
    if ((waited >= ES_START_TIMEOUT)); then
      die "Elasticsearch not healthy after ${ES_START_TIMEOUT}s; see $LOGS/$CLUSTER_NAME.log"
    fi
  done
  log "ready at $URL after ${waited}s"
}

stop() { stop_by_pidfile 60; }

status() {
  if [[ "$(answering_cluster)" == "$CLUSTER_NAME" ]] && healthy; then
    curl -fsS "$URL/_cluster/health?pretty"
    return 0
  fi
  echo "Elasticsearch is not running at $URL" >&2
  return 3
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
