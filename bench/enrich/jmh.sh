#!/usr/bin/env bash
# JMH benchmark of the pure enrichment of one paper (links + tags + keyphrases), one thread = one core.
# Target: >= 20,000 abstracts/s. Usage: bench/enrich/jmh.sh [benchmark regexp, e.g. EnrichBenchmark for all parts]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
./mvnw -B -q -pl paper-events install -DskipTests
./mvnw -B -q -pl enrich-service test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
CP="enrich-service/target/test-classes:enrich-service/target/classes:$(cat enrich-service/target/bench.classpath)"
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
java -cp "$CP" -Dpaperstream.sample="$ROOT/deploy/local/sample/daily-papers-sample.txt" \
  org.openjdk.jmh.Main "${@:-EnrichBenchmark.enrichOnePaper}" -t 1 -f 1 -wi 3 -w 2s -i 5 -r 3s
