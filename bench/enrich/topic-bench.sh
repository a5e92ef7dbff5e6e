#!/usr/bin/env bash
# enrich-service topic -> topic throughput vs Kafka's ConsumerPerformance and ProducerPerformance, same broker, same run.
# Usage: bench/enrich/topic-bench.sh [-Dpapers=50000]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
[[ -f enrich-service/target/quarkus-app/quarkus-run.jar && -f local-stack/target/local-stack-1.0.0-SNAPSHOT.jar ]] \
  || ./mvnw -B -q -DskipTests install
./mvnw -B -q -pl e2e test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
java -Xmx2g -cp "e2e/target/test-classes:$(cat e2e/target/bench.classpath)" -Dpaperstream.root="$ROOT" "$@" io.paperstream.e2e.EnrichBench
