#!/usr/bin/env bash
# API latency/throughput with 100,000 papers stored. Usage: bench/query/api-bench.sh [--duration S] [--levels 1,2,4,8]
source "$(dirname "$0")/common.sh"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
exec java -Xmx2g -cp "$CP" io.paperstream.query.bench.ApiBench \
  --sample "$ROOT/deploy/local/sample/daily-papers-sample.txt" --jar "$QS/target/quarkus-app/quarkus-run.jar" "$@"
