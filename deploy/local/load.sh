#!/usr/bin/env bash
# Bulk load of JSON-lines files into the local run (deploy/local/run.sh): the arXiv metadata snapshot
# (arxiv-metadata-oai-snapshot.json, one paper per line) or any NDJSON of papers, with only a JDK.
#
# Usage: deploy/local/load.sh [--format arxiv-snapshot|ndjson] [--parallel N] [--chunk-bytes N] [--every S] FILE...
#
# Where to: the ingest port and token of the running run.sh (it writes them to $PAPERSTREAM_RUN_DIR/run.env), unless
# INGEST_PORT / PAPERSTREAM_INGEST_URL and PAPERSTREAM_INGEST_TOKEN say otherwise.
# Progress on stderr (a live bar on a terminal, else a line every 5 s); Ctrl-C stops, and the same command resumes
# after the last acknowledged chunk (progress in $PAPERSTREAM_RUN_DIR/load/; PAPERSTREAM_LOAD_STATE to choose).
# Exit status: 0 all accepted, 2 records rejected (reasons printed), 1 the service failed, 3 token refused.
# Works with macOS' bash 3.2. The loader itself: deploy/local/SnapshotLoader.java (java SnapshotLoader.java --help).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
RUN_DIR=${PAPERSTREAM_RUN_DIR:-$ROOT/.local-run}
JAVA=${JAVA:-java}

if [ $# -eq 0 ] || [ "$1" = "-h" ] || [ "$1" = "--help" ]; then
  sed -n '2,13p' "$0"
  [ $# -eq 0 ] && exit 64 || exit 0
fi
command -v "$JAVA" >/dev/null 2>&1 || { echo "load: a JDK 17 is needed (java not found)" >&2; exit 1; }

RUN_URL=""
RUN_TOKEN=""
if [ -f "$RUN_DIR/run.env" ]; then
  while IFS='=' read -r key value; do
    case $key in
      PAPERSTREAM_INGEST_URL) RUN_URL=$value ;;
      PAPERSTREAM_INGEST_TOKEN) RUN_TOKEN=$value ;;
    esac
  done < "$RUN_DIR/run.env"
fi
if [ -n "${PAPERSTREAM_INGEST_URL:-}" ]; then URL=$PAPERSTREAM_INGEST_URL
elif [ -n "${INGEST_PORT:-}" ]; then URL="http://localhost:$INGEST_PORT"
elif [ -n "$RUN_URL" ]; then URL=$RUN_URL
else URL="http://localhost:8081"; fi
TOKEN=${PAPERSTREAM_INGEST_TOKEN:-$RUN_TOKEN}
if [ -z "$TOKEN" ]; then
  echo "load: no ingest token: start deploy/local/run.sh first (it writes $RUN_DIR/run.env) or set PAPERSTREAM_INGEST_TOKEN" >&2
  exit 3
fi

TTY=""
if [ -t 2 ]; then TTY="--tty"; fi
export PAPERSTREAM_INGEST_TOKEN="$TOKEN"
exec "$JAVA" "$ROOT/deploy/local/SnapshotLoader.java" --url "$URL" \
  --state-dir "${PAPERSTREAM_LOAD_STATE:-$RUN_DIR/load}" $TTY "$@"
