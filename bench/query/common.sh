# Shared by the query-service benchmarks: build the packaged service and the test classpath (offline), once.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
QS="$ROOT/query-service"
cd "$ROOT"
if [ "${SKIP_BUILD:-0}" != "1" ]; then
  # with -am (the sibling modules from this checkout, never a stale installed SNAPSHOT); every module of the reactor
  # writes the same file, query-service last
  ./mvnw -B -q -o -pl query-service -am package dependency:build-classpath -DskipTests -Dmdep.includeScope=test \
    -Dmdep.outputFile="$QS/target/bench-classpath.txt" >/dev/null
fi
# local-stack's classes, not its jar: the jar's manifest adds its target/lib, which would put the PostgreSQL binaries on
# the class path twice (zonky refuses "duplicate embedded postgres binaries")
CP="$QS/target/test-classes:$(sed "s#$ROOT/local-stack/target/local-stack-[^:]*\.jar#$ROOT/local-stack/target/classes#" "$QS/target/bench-classpath.txt")"
cd "$QS"
