# Shared by the query-service benchmarks: build the packaged service and the benchmark module (bench/query) with its
# class path, offline, once.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
QS="$ROOT/query-service"
BQ="$ROOT/bench/query"
cd "$ROOT"
if [ "${SKIP_BUILD:-0}" != "1" ]; then
  # with -am (the sibling modules from this checkout, never a stale installed SNAPSHOT; never `mvn install`): packages
  # query-service (its quarkus-app) and compiles the benchmarks; every module of the reactor writes the same file,
  # bench-query last
  nice ./mvnw -B -q -o -pl bench/query -am package dependency:build-classpath -DskipTests -Dmdep.includeScope=runtime \
    -Dmdep.outputFile="$BQ/target/bench-classpath.txt" >/dev/null
fi
# local-stack's classes, not its jar: the jar's manifest adds its target/lib, which would put the PostgreSQL binaries on
# the class path twice (zonky refuses "duplicate embedded postgres binaries")
CP="$BQ/target/classes:$(sed "s#$ROOT/local-stack/target/local-stack-[^:]*\.jar#$ROOT/local-stack/target/classes#" "$BQ/target/bench-classpath.txt")"
# the service's logs and the benchmark's work files go to bench/query/target/bench
cd "$BQ"
