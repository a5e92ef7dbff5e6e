#!/usr/bin/env bash
# JMH benchmark of the pure enrichment of one paper (links + tags + keyphrases), one thread = one core.
# Target: >= 20,000 abstracts/s. Usage: bench/enrich/jmh.sh [benchmark regexp, e.g. EnrichBenchmark for all parts]
#   BASE=<git revision> bench/enrich/jmh.sh …   also runs the same benchmarks on that revision first (built from
#   `git archive` under target/jmh-base), so old and new are compared in one run on the same machine load.
# The benchmark is bench/enrich/src/main/java/io/paperstream/enrich/bench/EnrichBenchmark.java (module bench-enrich).
# Builds with -am into the modules' target/ (never `mvn install`: ~/.m2 is shared).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
SAMPLE="$ROOT/deploy/local/sample/daily-papers-sample.txt"
BENCH=("${@:-EnrichBenchmark.enrichOnePaper}")
# JMH=0 skips JMH and measures per CPU-second only
# CORPUS=real cycles through the 1,471 real arXiv abstracts of the tag tests instead of the digest's 70 papers
CORPUS_OPT=()
if [[ "${CORPUS:-}" == real ]]; then
  CORPUS_OPT=("-Dpaperstream.corpus=$ROOT/enrich-service/src/test/resources/tags/heldout-papers.jsonl,$ROOT/enrich-service/src/test/resources/tags/heldout-digest-mix.jsonl")
fi

# this tree: the benchmark module and enrich-service's classes (compile is enough: no Quarkus packaging)
nice ./mvnw -B -q -pl bench/enrich -am compile dependency:build-classpath -Dmdep.includeScope=runtime \
  -Dmdep.outputFile="$ROOT/bench/enrich/target/bench.classpath" >/dev/null
BENCH_CP="$ROOT/bench/enrich/target/classes:$(cat "$ROOT/bench/enrich/target/bench.classpath")"
# JMH itself (jmh-core and its two libraries), for the base revision's class path
JMH_CP=$(tr ':' '\n' <"$ROOT/bench/enrich/target/bench.classpath" | grep -E '/(jmh-core|jopt-simple|commons-math3)-[^/]*\.jar$' | paste -sd:)

run() { # $1: source tree, $2: label, $3: class path
  echo "== $2 ($(cd "$1" && cat .jmh-rev 2>/dev/null || git -C "$1" rev-parse --short HEAD)); load: $(uptime | sed 's/.*load average: //')"
  if [[ "${JMH:-1}" != 0 ]]; then
    (cd "$1" && nice java -cp "$3" -Dpaperstream.sample="$SAMPLE" ${CORPUS_OPT[@]+"${CORPUS_OPT[@]}"} \
      org.openjdk.jmh.Main "${BENCH[@]}" -t 1 -f 1 -wi 3 -w 2s -i 5 -r 3s)
  fi
  # the same parts per CPU-second of the benchmark thread (meaningful when other builds load the machine)
  (cd "$1" && nice java -cp "$3" -Dpaperstream.sample="$SAMPLE" ${CORPUS_OPT[@]+"${CORPUS_OPT[@]}"} io.paperstream.enrich.bench.EnrichBenchmark)
  echo "== $2 done; load: $(uptime | sed 's/.*load average: //')"
}

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
if [[ -n "${BASE:-}" ]]; then
  base="$ROOT/target/jmh-base"
  rm -rf "$base" && mkdir -p "$base/target/bench-classes"
  git archive "$BASE" | tar -x -C "$base"
  git rev-parse --short "$BASE" >"$base/.jmh-rev"
  # that revision's enrich-service and its dependencies, built the same way
  (cd "$base" && nice ./mvnw -B -q -pl enrich-service -am compile dependency:build-classpath \
    -Dmdep.includeScope=runtime -Dmdep.outputFile=target/bench.classpath >/dev/null)
  base_cp="$base/enrich-service/target/classes:$(cat "$base/enrich-service/target/bench.classpath"):$JMH_CP"
  # the same benchmark source on both sides (this tree's), compiled against that revision with JMH's annotation
  # processor: only the code under test differs
  annprocess=$(tr ':' '\n' <<<"$JMH_CP" | grep '/jmh-core-' \
    | sed 's#/jmh-core/\([^/]*\)/jmh-core-#/jmh-generator-annprocess/\1/jmh-generator-annprocess-#')
  nice javac --release 17 -nowarn -cp "$base_cp" -processorpath "$annprocess:$JMH_CP" \
    -d "$base/target/bench-classes" \
    "$ROOT/bench/enrich/src/main/java/io/paperstream/enrich/bench/EnrichBenchmark.java"
  run "$base" "base $BASE" "$base/target/bench-classes:$base_cp"
fi
run "$ROOT" "this tree" "$BENCH_CP"
