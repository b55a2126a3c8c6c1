#!/usr/bin/env bash
# Diff throughput: ipdex's Differ against openapi-diff-core (OpenApiCompare.fromContents) on the same pairs —
# synthetic next versions of the corpus specs (see catalog-service/.../diff/README.md) — in the same warmed JVM.
# Both sides include reading the two texts. Prints ms per pair and the ratio.
#   bench/diff/run.sh            (SKIP_BUILD=1 reuses the built classes; STRIDE=4 keeps every 4th pair)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
export IPDEX_CORPUS=${IPDEX_CORPUS:-$ROOT/../shared/corpus/openapi}
CORPUS="$IPDEX_CORPUS"
if [ ! -f "$CORPUS/apis-guru-sample.tar.gz" ]; then
  echo "bench/diff: skipped — the shared corpus ($CORPUS) is not present"; exit 0
fi
WORK=${WORK:-$ROOT/bench/diff/work}
mkdir -p "$WORK"
cd "$ROOT"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  ./mvnw -B -q install -pl catalog-service -am -DskipTests
  ./mvnw -B -q test-compile -pl catalog-service
fi
[ -s "$WORK/cp.txt" ] || ./mvnw -B -q dependency:build-classpath -pl catalog-service -Dmdep.includeScope=test \
  -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
CP="catalog-service/target/test-classes:catalog-service/target/classes:$(cat "$WORK/cp.txt")"
java -Xmx1g -cp "$CP" org.ipdex.catalog.bench.DiffBench "${STRIDE:-4}" 2>/dev/null | grep -E "^(pairs|ipdex|openapidiff|ratio)" | tee "$WORK/result.txt"
awk -F= '/^ratio_/ { printf "RATIO openapi-diff/ipdex per pair = %.2fx (target >= 1x)\n", $2 }' "$WORK/result.txt"
