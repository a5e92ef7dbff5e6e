#!/usr/bin/env bash
# Shared by the benchmarks that run packaged services as processes (io.paperstream.e2e.*Bench in bench/e2e): builds
# the benchmark module with -am (which packages the three services and local-stack from this checkout; never
# `mvn install`: ~/.m2 is shared) and runs the named benchmark class with the given -D options.
# Usage (from another script): bench/e2e-bench.sh <service-module> <BenchClass> [-Dname=value ...]
#   SKIP_BUILD=1 reuses what the last build left in the modules' target/.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
service=$1 bench=$2
shift 2
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  # every module of the reactor writes the same file, bench-e2e last
  nice ./mvnw -B -q -pl bench/e2e -am package dependency:build-classpath -DskipTests -Dmdep.includeScope=runtime \
    -Dmdep.outputFile="$ROOT/bench/e2e/target/bench.classpath" >"$ROOT/bench/e2e/build.log" 2>&1 \
    || { cat "$ROOT/bench/e2e/build.log" >&2; exit 1; }
fi
[[ -f $service/target/quarkus-app/quarkus-run.jar && -f local-stack/target/local-stack-1.0.0-SNAPSHOT.jar ]] \
  || { echo "missing $service/target/quarkus-app or the local-stack jar: run without SKIP_BUILD=1" >&2; exit 1; }
exec nice java -Xmx2g -cp "bench/e2e/target/classes:$(cat bench/e2e/target/bench.classpath)" -Dpaperstream.root="$ROOT" \
  "$@" "io.paperstream.e2e.$bench"
