#!/usr/bin/env bash
# Rebuilds the tagger's learned area model from public arXiv metadata (see README.md here for the sources).
#
#   bench/tags/train.sh ARXIVER_GIT
#   TAGS_DATA=DIR bench/tags/train.sh        (reuse train.jsonl/heldout.jsonl extracted before into DIR)
#
# ARXIVER_GIT is a git directory of github.com/penguinwang96825/arxiver (a clone's .git or a mirror). Writes
#   enrich-service/src/main/resources/taxonomy/models/arxiv-areas.tsv   the model
#   enrich-service/src/test/resources/tags/heldout-papers.jsonl          held-out sample, as the source has them
#   enrich-service/src/test/resources/tags/heldout-digest-mix.jsonl      held-out sample in a daily AI/ML digest's mix
# and prints the validation and held-out figures (the README tables). Needs a JDK 17 and python3; deterministic.
# Options (java system properties of TrainTagModel) via TAGS_OPTS, e.g. TAGS_OPTS="-Dtags.topK=1500".
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=${TAGS_WORK:-$root/target/tags}
version=${TAGS_MODEL_VERSION:-arxiv-lr-2026.12.2}
# the arXiv categories of the taxonomy's area tags (cs.SY, math.IT and math.ST are read as eess.SY, cs.IT, stat.TH)
categories=(cs.LG cs.CV cs.CL cs.AI cs.RO cs.IR cs.SD eess.AS cs.GR cs.CR cs.HC cs.NE stat.ML cs.MA cs.DC cs.SE
            cs.CY eess.IV eess.SP eess.SY cs.IT cs.MM cs.SI cs.DB math.OC cs.GT cs.CE)
mkdir -p "$work"
data=${TAGS_DATA:-$work/data}
[[ -n "${TAGS_DATA:-}" ]] || python3 "$here/extract-data.py" "$data" "$@"
cd "$root"
./mvnw -B -q -pl enrich-service -am compile dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null
cp="$root/enrich-service/target/classes:$(cat "$work/cp.txt")"
java -Xmx6g ${TAGS_OPTS:-} -cp "$cp" "$here/TrainTagModel.java" "$data" \
  "$root/enrich-service/src/main/resources/taxonomy/models/arxiv-areas.tsv" "$version" \
  "$root/enrich-service/src/test/resources/tags/heldout-papers.jsonl" "${categories[@]}" | tee "$work/report.txt"
