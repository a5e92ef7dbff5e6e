#!/usr/bin/env bash
# Ingest benchmark: the packaged ingest-service vs Kafka's ProducerPerformance on the same payloads, same broker,
# same run, in alternating rounds after a warm-up (medians printed).
# Usage: bench/ingest/ingest-bench.sh [-Dpapers=50000] [-Dbatch=1000] [-Dclients=4] [-Drounds=5] [-Dwarmup=150000]
exec "$(dirname "$0")/../e2e-bench.sh" ingest-service IngestBench "$@"
