#!/usr/bin/env bash
# End-to-end benchmark: papers sent to ingest-service -> visible in the query API, next to each stage alone (ingest,
# enrich, store) in the same run, with 1 and 2 instances each of enrich-service and query-service (6 partitions).
# Usage: bench/e2e/pipeline-bench.sh [-Dpapers=100000] [-Dinstances=1,2]
exec "$(dirname "$0")/../e2e-bench.sh" query-service PipelineBench "$@"
