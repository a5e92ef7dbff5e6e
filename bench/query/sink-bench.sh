#!/usr/bin/env bash
# Sink throughput vs PostgreSQL COPY of the same rows. Usage: bench/query/sink-bench.sh [--records N] [--runs R] [--env K=V]
source "$(dirname "$0")/common.sh"
exec java -Xmx2g -cp "$CP" io.paperstream.query.bench.SinkBench \
  --sample "$ROOT/deploy/local/sample/daily-papers-sample.txt" --jar "$QS/target/quarkus-app/quarkus-run.jar" "$@"
