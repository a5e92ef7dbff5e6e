#!/usr/bin/env bash
# Rebuilds the tagger's learned area model from public arXiv metadata (see README.md here for the sources).
#
#   bench/tags/train.sh ARXIVER_GIT
#
# ARXIVER_GIT is a git directory of github.com/penguinwang96825/arxiver (a clone's .git or a mirror). Writes
#   enrich-service/src/main/resources/taxonomy/models/arxiv-areas.tsv   the model
#   enrich-service/src/test/resources/tags/heldout-papers.jsonl          the held-out sample the regression test reads
# and prints the validation and held-out figures (the README table). Needs a JDK 17 and python3; deterministic.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=${TAGS_WORK:-$root/target/tags}
version=${TAGS_MODEL_VERSION:-arxiv-lr-2026.12.1}
# the arXiv categories of the taxonomy's area tags (cs.SY, math.IT and math.ST are read as eess.SY, cs.IT, stat.TH)
categories=(cs.LG cs.CV cs.CL cs.AI cs.RO cs.IR cs.SD eess.AS cs.GR cs.CR cs.HC cs.NE stat.ML cs.MA cs.DC cs.SE
            cs.CY eess.IV eess.SP eess.SY cs.IT cs.MM cs.SI cs.DB math.OC cs.GT cs.CE)
mkdir -p "$work"
python3 "$here/extract-data.py" "$work/data" "$@"
cd "$root"
./mvnw -B -q -pl enrich-service -am compile dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null
cp="$root/enrich-service/target/classes:$(cat "$work/cp.txt")"
java -Xmx5g -cp "$cp" "$here/TrainTagModel.java" "$work/data" \
  "$root/enrich-service/src/main/resources/taxonomy/models/arxiv-areas.tsv" "$version" \
  "$root/enrich-service/src/test/resources/tags/heldout-papers.jsonl" "${categories[@]}" | tee "$work/report.txt"
