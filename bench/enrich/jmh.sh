#!/usr/bin/env bash
# JMH benchmark of the pure enrichment of one paper (links + tags + keyphrases), one thread = one core.
# Target: >= 20,000 abstracts/s. Usage: bench/enrich/jmh.sh [benchmark regexp, e.g. EnrichBenchmark for all parts]
#   BASE=<git revision> bench/enrich/jmh.sh …   also runs the same benchmarks on that revision first (built from
#   `git archive` under target/jmh-base), so old and new are compared in one run on the same machine load.
# Builds with -am into the modules' target/ (never `mvn install`: ~/.m2 is shared).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
SAMPLE="$ROOT/deploy/local/sample/daily-papers-sample.txt"
BENCH=("${@:-EnrichBenchmark.enrichOnePaper}")
# JMH=0 skips JMH and measures per CPU-second only

run() { # $1: source tree, $2: label
  (cd "$1" && nice ./mvnw -B -q -pl enrich-service -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null)
  local cp="$1/enrich-service/target/test-classes:$1/enrich-service/target/classes:$(cat "$1/enrich-service/target/bench.classpath")"
  echo "== $2 ($(cd "$1" && cat .jmh-rev 2>/dev/null || git -C "$1" rev-parse --short HEAD)); load: $(uptime | sed 's/.*load average: //')"
  if [[ "${JMH:-1}" != 0 ]]; then
    (cd "$1" && nice java -cp "$cp" -Dpaperstream.sample="$SAMPLE" \
      org.openjdk.jmh.Main "${BENCH[@]}" -t 1 -f 1 -wi 3 -w 2s -i 5 -r 3s)
  fi
  # the same parts per CPU-second of the benchmark thread (meaningful when other builds load the machine)
  (cd "$1" && nice java -cp "$cp" -Dpaperstream.sample="$SAMPLE" io.paperstream.enrich.bench.EnrichBenchmark)
  echo "== $2 done; load: $(uptime | sed 's/.*load average: //')"
}

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
if [[ -n "${BASE:-}" ]]; then
  base="$ROOT/target/jmh-base"
  rm -rf "$base" && mkdir -p "$base"
  git archive "$BASE" | tar -x -C "$base"
  git rev-parse --short "$BASE" >"$base/.jmh-rev"
  # the same benchmark source on both sides: only the code under test differs
  bench=enrich-service/src/test/java/io/paperstream/enrich/bench/EnrichBenchmark.java
  cp "$ROOT/$bench" "$base/$bench"
  run "$base" "base $BASE"
fi
run "$ROOT" "this tree"
