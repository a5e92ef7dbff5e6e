#!/usr/bin/env bash
# The faults of FaultsIT, from outside, against the local run (deploy/local/run.sh, one instance of each service):
# kill -9 of enrich-service (twice), of query-service (twice), of ingest-service, of PostgreSQL's postmaster (three
# times) and of the broker. For each, the time from the fault until a paper sent right after it is visible in the query
# API (a send that fails is repeated, as a careful client does), i.e. until every stage works again. run.sh restarts a
# killed service; the local stack restarts the broker and PostgreSQL. At the end every paper sent must be visible.
#
# Usage: faults/local-run-check.sh
# Starts `run.sh --clean` on spare ports (18080-18082, 19080-19082, Kafka 19092; QUERY_PORT etc. override them) in a
# scratch directory and stops it at the end. Needs curl and the packaged services (run.sh builds what is missing).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export PAPERSTREAM_RUN_DIR=${PAPERSTREAM_RUN_DIR:-$(mktemp -d -t paperstream-check-XXXXXX)}
export QUERY_PORT=${QUERY_PORT:-18080} INGEST_PORT=${INGEST_PORT:-18081} ENRICH_PORT=${ENRICH_PORT:-18082}
export QUERY_MANAGEMENT_PORT=${QUERY_MANAGEMENT_PORT:-19080} INGEST_MANAGEMENT_PORT=${INGEST_MANAGEMENT_PORT:-19081}
export ENRICH_MANAGEMENT_PORT=${ENRICH_MANAGEMENT_PORT:-19082} KAFKA_PORT=${KAFKA_PORT:-19092}
export PAPERSTREAM_INGEST_TOKEN=check-$$-$RANDOM
RUN_DIR=$PAPERSTREAM_RUN_DIR
mkdir -p "$RUN_DIR"

"$ROOT/deploy/local/run.sh" --clean >"$RUN_DIR/run.out" 2>&1 &
RUN=$!
stop() { kill -TERM "$RUN" 2>/dev/null || true; wait "$RUN" 2>/dev/null || true; }
trap stop EXIT
for _ in $(seq 1 600); do
  grep -q '^paperstream ready' "$RUN_DIR/run.out" 2>/dev/null && break
  kill -0 "$RUN" 2>/dev/null || { echo "run.sh failed:"; tail -20 "$RUN_DIR/run.out"; exit 1; }
  sleep 0.5
done
grep -q '^paperstream ready' "$RUN_DIR/run.out" || { echo "run.sh did not become ready"; exit 1; }

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
N=0
SENT=()
# sends one new paper until ingest accepts it (202); its arXiv id in $ID
send() {
  N=$((N + 1))
  ID=$(printf '2612.%05d' "$N")
  local body="{\"title\":\"Probe $N of the local run check\",\"abstract\":\"A probe paper, number $N.\",\"authors\":[\"Check\"],\"arxivId\":\"$ID\"}"
  until [[ $(curl -s -o /dev/null -w '%{http_code}' -m 20 -X POST "http://localhost:$INGEST_PORT/api/v1/papers" \
      -H "Authorization: Bearer $PAPERSTREAM_INGEST_TOKEN" -H 'Content-Type: application/json' -d "$body") == 202 ]]; do
    sleep 0.2
  done
  SENT+=("$ID")
}
visible() { [[ $(curl -s -o /dev/null -w '%{http_code}' -m 5 "http://localhost:$QUERY_PORT/api/v1/papers/arxiv:$1") == 200 ]]; }
# the time from $1 (a timestamp) until a paper sent now is visible, in $ELAPSED; gives up after 180 s
until_visible() {
  local t0=$1 deadline=$(($(date +%s) + 180))
  send
  until visible "$ID"; do
    (($(date +%s) < deadline)) || { echo "no paper visible 180 s after the fault"; exit 1; }
    sleep 0.2
  done
  ELAPSED=$(since "$t0")
}
service_pid() { pgrep -P "$RUN" -f -- "-jar $ROOT/$1/target/quarkus-app/quarkus-run.jar" | head -1; }
stack_pid() { grep "^$1=" "$RUN_DIR/stack.env" | cut -d= -f2; }
settle() { until_visible "$(now)"; sleep 2; }

echo "local run check: load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)"
settle
for fault in enrich-service enrich-service query-service query-service ingest-service; do
  pid=$(service_pid "$fault")
  t0=$(now)
  kill -9 "$pid"
  until_visible "$t0"
  echo "kill -9 of $fault (pid $pid): a paper sent after it visible after $ELAPSED s"
  settle
done
for i in 1 2 3; do
  pid=$(stack_pid POSTGRES_PID)
  t0=$(now)
  kill -9 "$pid"
  until_visible "$t0"
  echo "kill -9 of PostgreSQL's postmaster #$i (pid $pid): a paper sent after it visible after $ELAPSED s"
  settle
done
pid=$(stack_pid KAFKA_PID)
t0=$(now)
kill -9 "$pid"
until_visible "$t0"
echo "kill -9 of the broker (pid $pid): a paper sent after it visible after $ELAPSED s"
settle

missing=0
for id in "${SENT[@]}"; do visible "$id" || { echo "missing: arxiv:$id"; missing=$((missing + 1)); }; done
echo "papers sent: ${#SENT[@]}, missing: $missing; load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)"
((missing == 0))
