#!/usr/bin/env bash
# Ingest benchmark: the packaged ingest-service vs Kafka's ProducerPerformance on the same payloads, same broker,
# same run, in alternating rounds after a warm-up (medians printed).
# Usage: bench/ingest/ingest-bench.sh [-Dpapers=50000] [-Dbatch=1000] [-Dclients=4] [-Drounds=5] [-Dwarmup=150000]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
[[ -f ingest-service/target/quarkus-app/quarkus-run.jar && -f local-stack/target/local-stack-1.0.0-SNAPSHOT.jar ]] \
  || ./mvnw -B -q -DskipTests install
./mvnw -B -q -pl e2e test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
java -Xmx2g -cp "e2e/target/test-classes:$(cat e2e/target/bench.classpath)" -Dpaperstream.root="$ROOT" "$@" io.paperstream.e2e.IngestBench
