#!/usr/bin/env bash
# paperstream, the whole system on this machine with one command and only a JDK 17:
# builds what is missing, starts a real Kafka broker and a real PostgreSQL (local-stack, on free ports; never an
# existing server), the three services, ingests the sample digest, and runs until Ctrl-C / SIGTERM, which stops
# everything it started. A service that exits (a crash, kill -9) is started again at once, as Kubernetes restarts a
# pod's container (faults/README.md: what it takes to recover).
#
# Usage: deploy/local/run.sh [--clean] [--live]
# The data (Kafka's topics and offsets, PostgreSQL's papers) stays in $PAPERSTREAM_RUN_DIR/data across runs, so the
# catalogue is still there after a restart; --clean starts empty. PostgreSQL runs durable (fsync, synchronous_commit,
# full_page_writes on): a crash of the machine or of the database loses no commit it acknowledged. The local stack
# restarts the broker or PostgreSQL when either dies (their process ids are in $PAPERSTREAM_RUN_DIR/stack.env).
#
# Environment: PAPERSTREAM_INGEST_TOKEN (else one is generated and printed), QUERY_PORT (8080), INGEST_PORT (8081),
# ENRICH_PORT (8082), their management ports (health, metrics) QUERY_MANAGEMENT_PORT (9080), INGEST_MANAGEMENT_PORT
# (9081), ENRICH_MANAGEMENT_PORT (9082), KAFKA_PORT (9092, the broker other systems read the topics from:
# docs/consuming.md; a free port when 9092 is taken and KAFKA_PORT is not set), PAPERSTREAM_RUN_DIR (logs and data;
# default .local-run in the project), JAVA (default: java on PATH).
# Harvesting (ingest-service): PAPERSTREAM_SOURCES_ENABLED, PAPERSTREAM_SOURCES_ARXIV_OAI_URL, _ARXIV_SETS, _ARXIV_FROM,
# PAPERSTREAM_SOURCES_HF_URL, _HF_FROM, PAPERSTREAM_SOURCES_INTERVAL (and any other PAPERSTREAM_SOURCES_*) are passed
# to it; --live turns arXiv and Hugging Face on against their real endpoints. Bulk load: deploy/local/load.sh FILE...
# (it reads the ingest URL and token from $PAPERSTREAM_RUN_DIR/run.env, written once the services are ready).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
RUN_DIR=${PAPERSTREAM_RUN_DIR:-$ROOT/.local-run}
QUERY_PORT=${QUERY_PORT:-8080}
INGEST_PORT=${INGEST_PORT:-8081}
ENRICH_PORT=${ENRICH_PORT:-8082}
KAFKA_PORT_SET=${KAFKA_PORT:+1}
KAFKA_PORT=${KAFKA_PORT:-9092}
QUERY_MANAGEMENT_PORT=${QUERY_MANAGEMENT_PORT:-9080}
INGEST_MANAGEMENT_PORT=${INGEST_MANAGEMENT_PORT:-9081}
ENRICH_MANAGEMENT_PORT=${ENRICH_MANAGEMENT_PORT:-9082}
JAVA=${JAVA:-java}
VERSION=1.0.0-SNAPSHOT
HTTP_TOOL="$ROOT/deploy/local/PaperstreamHttp.java"
PIDS=()
CLEAN=()
LIVE=
for arg in "$@"; do
  case $arg in
    --clean) CLEAN=(--clean) ;;
    --live) LIVE=1 ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) printf '[paperstream] unknown argument: %s (usage: run.sh [--clean] [--live])\n' "$arg" >&2; exit 2 ;;
  esac
done

log() { printf '[paperstream] %s\n' "$*" >&2; }

stop_all() {
  trap - INT TERM EXIT
  rm -f "$RUN_DIR/run.env"
  if ((${#PIDS[@]})); then
    log "stopping..."
    # services first (reverse start order), then the local stack, whose shutdown stops Kafka and PostgreSQL
    for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
      local pid=${PIDS[i]}
      kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
      kill -KILL "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    done
    log "stopped."
  fi
}
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM
trap 'stop_all' EXIT

command -v "$JAVA" >/dev/null || { log "a JDK 17 is needed (java not found)"; exit 1; }

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in "$QUERY_PORT" "$INGEST_PORT" "$ENRICH_PORT" "$QUERY_MANAGEMENT_PORT" "$INGEST_MANAGEMENT_PORT" "$ENRICH_MANAGEMENT_PORT"; do
  if port_busy "$port"; then
    log "port $port is in use; set QUERY_PORT/INGEST_PORT/ENRICH_PORT and QUERY/INGEST/ENRICH_MANAGEMENT_PORT"; exit 1
  fi
done
if port_busy "$KAFKA_PORT"; then
  if [[ -n $KAFKA_PORT_SET ]]; then log "port $KAFKA_PORT is in use; set KAFKA_PORT"; exit 1; fi
  log "port $KAFKA_PORT is in use (another Kafka?); the local broker takes a free port (printed below)"
  KAFKA_PORT=0
fi

jars=("$ROOT/local-stack/target/local-stack-$VERSION.jar"
      "$ROOT/ingest-service/target/quarkus-app/quarkus-run.jar"
      "$ROOT/enrich-service/target/quarkus-app/quarkus-run.jar"
      "$ROOT/query-service/target/quarkus-app/quarkus-run.jar"
      "$ROOT/examples/target/paperstream-examples.jar")
for jar in "${jars[@]}"; do
  if [[ ! -f $jar ]]; then
    log "building (first run; a few minutes)..."
    (cd "$ROOT" && ./mvnw -B -q -DskipTests package)
    break
  fi
done

mkdir -p "$RUN_DIR"
rm -f "$RUN_DIR/stack.env"
TOKEN=${PAPERSTREAM_INGEST_TOKEN:-}
if [[ -z $TOKEN ]]; then
  TOKEN=$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')
  GENERATED_TOKEN=1
fi

if ((${#CLEAN[@]})); then log "starting Kafka and PostgreSQL (local-stack) with empty data (--clean)..."
else log "starting Kafka and PostgreSQL (local-stack; data kept in $RUN_DIR/data, --clean starts empty)..."; fi
# 6 partitions, as in compose and the Kubernetes topics: enrich-service's 2 consumers and query-service's 3 divide them
# evenly (with 3, one enrich consumer held two partitions and worked alone once the other's was done)
"$JAVA" -Xmx768m -jar "${jars[0]}" --data-dir "$RUN_DIR/data" --ready-file "$RUN_DIR/stack.env" "${CLEAN[@]}" \
  --kafka-port "$KAFKA_PORT" --partitions 6 \
  >"$RUN_DIR/local-stack.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 600); do
  [[ -f $RUN_DIR/stack.env ]] && break
  kill -0 "${PIDS[0]}" 2>/dev/null || { log "local-stack failed; see $RUN_DIR/local-stack.log"; tail -20 "$RUN_DIR/local-stack.log" >&2; exit 1; }
  sleep 0.2
done
[[ -f $RUN_DIR/stack.env ]] || { log "local-stack did not become ready"; exit 1; }
# shellcheck disable=SC1091
source "$RUN_DIR/stack.env"
export KAFKA_BOOTSTRAP_SERVERS POSTGRES_JDBC_URL POSTGRES_USER POSTGRES_PASSWORD
export POSTGRES_REACTIVE_URL=${POSTGRES_JDBC_URL#jdbc:}

start_service() { # name port management-port [VAR=value...]
  local name=$1 port=$2 management=$3; shift 3
  # human-readable logs here (JSON is the prod default, for log collectors); the resolver's state (RocksDB) in the run's
  # data, so that a restarted enrich-service resumes from it instead of restoring it from the changelog topics
  env QUARKUS_HTTP_PORT="$port" QUARKUS_MANAGEMENT_PORT="$management" QUARKUS_LOG_CONSOLE_JSON_ENABLED=false \
    PAPERSTREAM_RESOLVER_STATE_DIR="$RUN_DIR/data/resolver-state" \
    "$@" "$JAVA" -Xmx384m -jar "$ROOT/$name/target/quarkus-app/quarkus-run.jar" \
    >>"$RUN_DIR/$name.log" 2>&1 &
  PIDS+=($!)
}
log "starting the services..."
# the cursor secret: PAPERSTREAM_QUERY_CURSOR_SECRET, else a random one per run (query-service refuses the built-in one
# outside dev and tests); no rate limit on this machine
CURSOR_SECRET=${PAPERSTREAM_QUERY_CURSOR_SECRET:-$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')}
launch_query_service() {
  start_service query-service "$QUERY_PORT" "$QUERY_MANAGEMENT_PORT" PAPERSTREAM_QUERY_CURSOR_SECRET="$CURSOR_SECRET" \
    PAPERSTREAM_QUERY_RATE_LIMIT_ENABLED=false
}
launch_enrich_service() { start_service enrich-service "$ENRICH_PORT" "$ENRICH_MANAGEMENT_PORT"; }
for name in query-service enrich-service ingest-service; do : >"$RUN_DIR/$name.log"; done
launch_query_service
launch_enrich_service
# harvesting: every PAPERSTREAM_SOURCES_* of this environment goes to ingest-service; --live = both sources, real URLs
SOURCES_ENV=()
if [[ -n $LIVE ]]; then
  SOURCES_ENV+=(PAPERSTREAM_SOURCES_ENABLED=true PAPERSTREAM_SOURCES_ARXIV_OAI_URL=https://oaipmh.arxiv.org/oai
                PAPERSTREAM_SOURCES_HF_URL=https://huggingface.co)
fi
while IFS= read -r setting; do
  case $setting in
    PAPERSTREAM_SOURCES_ENABLED=*|PAPERSTREAM_SOURCES_ARXIV_OAI_URL=*|PAPERSTREAM_SOURCES_HF_URL=*) [[ -n $LIVE ]] || SOURCES_ENV+=("$setting") ;;
    PAPERSTREAM_SOURCES_*=*) SOURCES_ENV+=("$setting") ;;
  esac
done < <(env)
SOURCES_ON=false
for setting in ${SOURCES_ENV[@]+"${SOURCES_ENV[@]}"}; do
  [[ $setting == PAPERSTREAM_SOURCES_ENABLED=true ]] && SOURCES_ON=true
done
launch_ingest_service() {
  start_service ingest-service "$INGEST_PORT" "$INGEST_MANAGEMENT_PORT" PAPERSTREAM_INGEST_AUTH_TOKENS="$TOKEN" \
    ${SOURCES_ENV[@]+"${SOURCES_ENV[@]}"}
}
launch_ingest_service
if [[ $SOURCES_ON == true ]]; then
  log "harvesting arXiv (${PAPERSTREAM_SOURCES_ARXIV_SETS:-cs}) and Hugging Face in ingest-service$([[ -n $LIVE ]] && echo ' from the real endpoints') (see $RUN_DIR/ingest-service.log)"
fi
# readiness is on each service's management port
for svc in "query-service:$QUERY_MANAGEMENT_PORT" "enrich-service:$ENRICH_MANAGEMENT_PORT" "ingest-service:$INGEST_MANAGEMENT_PORT"; do
  if ! "$JAVA" "$HTTP_TOOL" wait-ready "http://localhost:${svc#*:}/q/health/ready" 180; then
    log "${svc%%:*} did not become ready; see $RUN_DIR/${svc%%:*}.log"; tail -30 "$RUN_DIR/${svc%%:*}.log" >&2; exit 1
  fi
done

log "ingesting the sample digest (70 papers)..."
"$JAVA" "$HTTP_TOOL" post "http://localhost:$INGEST_PORT/api/v1/papers" text/plain \
  "$ROOT/deploy/local/sample/daily-papers-sample.txt" "$TOKEN" >&2
"$JAVA" "$HTTP_TOOL" wait-total-min "http://localhost:$QUERY_PORT/api/v1/papers?limit=1" 70 120 \
  || log "warning: not all 70 sample papers were stored within 2 minutes"

# for deploy/local/load.sh: where ingest listens and the token (readable by this user only)
( umask 077 && printf 'PAPERSTREAM_INGEST_URL=http://localhost:%s\nPAPERSTREAM_QUERY_URL=http://localhost:%s\nPAPERSTREAM_INGEST_TOKEN=%s\n' \
    "$INGEST_PORT" "$QUERY_PORT" "$TOKEN" >"$RUN_DIR/run.env" )

echo "paperstream ready: http://localhost:$QUERY_PORT/api/v1/papers"
cat <<EOT
  ingest token: $TOKEN${GENERATED_TOKEN:+ (generated; set PAPERSTREAM_INGEST_TOKEN to choose one)}
  curl 'http://localhost:$QUERY_PORT/api/v1/papers?q=permutation&limit=5'
  curl 'http://localhost:$QUERY_PORT/api/v1/papers?linkKind=code&fields=id,title,links'
  curl 'http://localhost:$QUERY_PORT/api/v1/facets'
  curl -N 'http://localhost:$QUERY_PORT/api/v1/papers/stream'
  curl -X POST -H 'Authorization: Bearer $TOKEN' -H 'Content-Type: application/json' \\
       -d '{"title":"My paper","abstract":"It has code at https://github.com/me/mine."}' http://localhost:$INGEST_PORT/api/v1/papers
  Swagger UI: http://localhost:$QUERY_PORT/q/swagger-ui  and  http://localhost:$INGEST_PORT/q/swagger-ui
  Kafka bootstrap (PLAINTEXT, for other systems): $KAFKA_BOOTSTRAP_SERVERS   topics papers.enriched, papers.aliases
  java -jar $ROOT/examples/target/paperstream-examples.jar --bootstrap-server $KAFKA_BOOTSTRAP_SERVERS --from beginning
  guide: $ROOT/docs/consuming.md   schemas: http://localhost:$QUERY_PORT/schemas/enriched-paper.v1.schema.json
  health, metrics: http://localhost:$QUERY_MANAGEMENT_PORT/q/metrics (query), :$INGEST_MANAGEMENT_PORT (ingest), :$ENRICH_MANAGEMENT_PORT (enrich)
  bulk load (e.g. the arXiv metadata snapshot): deploy/local/load.sh FILE.json...
  logs: $RUN_DIR/*.log     stop: Ctrl-C
EOT

# Run until a signal. A service that exits (crash, OOM, kill -9) is started again at once with the same settings, as
# Kubernetes restarts a pod's container; its log continues in the same file. Unless a process of the same service is
# already running (someone started a replacement themselves: it is watched instead). The local stack exiting is an
# error worth stopping for (it restarts the broker and PostgreSQL itself). A poll rather than `wait -n`, which macOS's
# bash 3.2 does not have; `sleep` in the background and `wait` keep Ctrl-C/SIGTERM handled at once.
SERVICES=(- query-service enrich-service ingest-service) # by index in PIDS (0 is the local stack)
PORTS=(- "$QUERY_PORT" "$ENRICH_PORT" "$INGEST_PORT")
STARTED=(0 "$SECONDS" "$SECONDS" "$SECONDS")
RESTARTS=(0 0 0 0)
other_instance() { # name port: the pid of a process of that service on that port this script did not start, if any
  local jar="$ROOT/$1/target/quarkus-app/quarkus-run.jar" pid
  for pid in $(pgrep -f -- "-jar $jar" 2>/dev/null); do
    [[ $pid == "${PIDS[1]}" || $pid == "${PIDS[2]}" || $pid == "${PIDS[3]}" ]] && continue
    # the same port (its environment, where readable), not another run or a test of the same checkout
    tr '\0' '\n' <"/proc/$pid/environ" 2>/dev/null | grep -qx "QUARKUS_HTTP_PORT=$2" && { echo "$pid"; return 0; }
  done
  return 1
}
set +e
while true; do
  if ! kill -0 "${PIDS[0]}" 2>/dev/null; then
    log "local-stack exited unexpectedly (pid ${PIDS[0]}); see $RUN_DIR/local-stack.log"
    exit 1
  fi
  for i in 1 2 3; do
    kill -0 "${PIDS[i]}" 2>/dev/null && continue
    name=${SERVICES[i]}
    wait "${PIDS[i]}" 2>/dev/null; code=$?
    if other=$(other_instance "$name" "${PORTS[i]}"); then
      log "$name (pid ${PIDS[i]}) exited with $code; another $name runs (pid $other): watching that one"
      PIDS[i]=$other
      continue
    fi
    # a service that keeps failing right after its start (bad configuration) is retried ever more slowly, up to 30 s
    if ((SECONDS - STARTED[i] < 60)); then RESTARTS[i]=$((RESTARTS[i] + 1)); else RESTARTS[i]=0; fi
    delay=$((RESTARTS[i] > 5 ? 30 : RESTARTS[i] > 2 ? 5 : 0))
    log "$name (pid ${PIDS[i]}) exited with $code; starting it again$( ((delay)) && echo " in $delay s") (log: $RUN_DIR/$name.log)"
    if ((delay)); then sleep "$delay" & wait $!; fi
    n=${#PIDS[@]}
    "launch_${name//-/_}"
    PIDS[i]=${PIDS[n]}
    unset 'PIDS[n]'
    STARTED[i]=$SECONDS
  done
  sleep 0.5 &
  wait $!
done
