#!/usr/bin/env bash
# enrich-service topic -> topic throughput vs Kafka's ConsumerPerformance and ProducerPerformance, same broker, same run.
# Usage: bench/enrich/topic-bench.sh [-Dpapers=50000]
exec "$(dirname "$0")/../e2e-bench.sh" enrich-service EnrichBench "$@"
