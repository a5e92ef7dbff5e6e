#!/usr/bin/env bash
# Bulk load of the arXiv snapshot through deploy/local/load.sh's loader, end to end, next to each stage alone in the
# same run: 100,000 generated snapshot records; ingest alone (loader -> ingest-service -> papers.raw), enrich alone
# (that backlog -> papers.enriched), the sink alone (that backlog -> visible in the query API), then the whole load
# of another 100,000 with everything running (papers/s stored, visible in the query API). Target: whole >= 70 % of
# the slowest stage. Usage: bench/sources/load-bench.sh [-Dpapers=100000]
exec "$(dirname "$0")/../e2e-bench.sh" ingest-service SnapshotLoadBench "$@"
