#!/usr/bin/env bash
# enrich-service topic -> topic throughput vs Kafka's ConsumerPerformance and ProducerPerformance, same broker, same run.
# Usage: bench/enrich/topic-bench.sh [-Dpapers=100000] [-Dwarmup=300000] [-Dcorpus=real|synthetic]
# (the rate is over the papers after the warm-up; the cold rate over all is printed too). -Dcorpus=real (default):
# 1,471 real arXiv abstracts cycled; synthetic: keyword-only text without stop words, the enrichment's worst case.
exec "$(dirname "$0")/../e2e-bench.sh" enrich-service EnrichBench "$@"
