#!/usr/bin/env bash
# enrich-service topic -> topic throughput vs Kafka's ConsumerPerformance and ProducerPerformance, same broker, same run.
# Usage: bench/enrich/topic-bench.sh [-Dpapers=100000] [-Dwarmup=300000] [-Dcorpus=real|synthetic]
#   [-Dproducer.records=N] (records per ProducerPerformance round; default: as many as the measured papers)
# (the rate is over the papers after the warm-up; the cold rate over all is printed too). -Dcorpus=real (default):
# 1,471 real arXiv abstracts cycled; synthetic: keyword-only text without stop words, the enrichment's worst case.
# Then, on the same abstracts, the enrichment alone per CPU-second (bench/enrich/jmh.sh's CPU-time measure, one
# thread, nothing else running) and the ceiling it sets on this machine: every core enriching, with only the broker's
# measured CPU per paper besides (no JSON, no Kafka client, no JIT or GC in the service).
# The broker runs with Kafka's default 1 GB log segments (-Dsegment.bytes=8388608: the local stack's 8 MB, with which
# the log cleaner compacts the filled topics during the measured window). CEILING=0 skips the ceiling part.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=$(mktemp)
trap 'rm -f "$out"' EXIT
"$here/../e2e-bench.sh" enrich-service EnrichBench "$@" | tee "$out"
[[ "${CEILING:-1}" == 0 ]] && exit 0
case " $* " in *" -Dcorpus=synthetic "*) exit 0 ;; esac # the CPU-time measure reads the real abstracts only
number() { sed -n "$1" "$out" | head -1 | tr -d ','; }
broker_us=$(number 's/.*the broker (local-stack, with PostgreSQL) \([0-9.]*\) µs per paper.*/\1/p')
tuned=$(number "s/.*ProducerPerformance, the service's settings: *\([0-9,]*\) records\/s.*/\1/p")
default=$(number 's/.*ProducerPerformance, default 16 KB batches: *\([0-9,]*\) records\/s.*/\1/p')
rate=$(JMH=0 CORPUS=real "$here/jmh.sh" | tr -d ',' | awk '/^cpu enrichOnePaper/ {print $3}')
cores=$(nproc)
awk -v rate="$rate" -v broker="$broker_us" -v cores="$cores" -v tuned="$tuned" -v def="$default" '
function commas(x,   s) { s = sprintf("%.0f", x); while (s ~ /[0-9][0-9][0-9][0-9]/) sub(/[0-9][0-9][0-9]($|,)/, ",&", s); return s }
BEGIN {
  enrich = 1e6 / rate; ceiling = cores * 1e6 / (enrich + broker)
  printf "enrichment alone: %s papers per CPU-second (%.1f µs per paper, one thread, nothing else running)\n", commas(rate), enrich
  printf "ceiling on %d cores: %d / (%.1f µs enrichment + %.0f µs broker per paper) = %s records/s if JSON, the Kafka client, JIT and GC cost the service nothing: %.2f of ProducerPerformance with the service'"'"'s settings, %.2f with default batches\n",
    cores, cores, enrich, broker, commas(ceiling), ceiling / tuned, ceiling / def
}'
