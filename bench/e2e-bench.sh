#!/usr/bin/env bash
# Shared by the benchmarks that run packaged services as processes (io.paperstream.e2e.*Bench): builds what is
# missing, compiles the e2e module's test classes and runs the named benchmark class with the given -D options.
# Usage (from another script): bench/e2e-bench.sh <service-module> <BenchClass> [-Dname=value ...]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
service=$1 bench=$2
shift 2
[[ -f $service/target/quarkus-app/quarkus-run.jar && -f local-stack/target/local-stack-1.0.0-SNAPSHOT.jar ]] \
  || ./mvnw -B -q -DskipTests install
./mvnw -B -q -pl e2e test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java -Xmx2g -cp "e2e/target/test-classes:$(cat e2e/target/bench.classpath)" -Dpaperstream.root="$ROOT" "$@" \
  "io.paperstream.e2e.$bench"
