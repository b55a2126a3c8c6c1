#!/usr/bin/env bash
# Lint throughput: ipdex (parse + all ST.90 rules, warmed JVM) against Spectral (spectral:oas ruleset) on the same
# specs — the APIs.guru sample plus the single-file office specs — in the same run. Prints ms per spec and the ratio.
#   bench/lint/run.sh            (SKIP_BUILD=1 reuses the built classes; ROUNDS=3 timed ipdex passes, best kept)
# Spectral is run as ONE CLI call over all files: that is how it is used on a corpus, and it pays Node's start-up
# and ruleset load once instead of per file. A few single-file calls are timed too, to show what per-file costs.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
export IPDEX_CORPUS=${IPDEX_CORPUS:-$ROOT/../shared/corpus/openapi}
CORPUS="$IPDEX_CORPUS"
if [ ! -f "$CORPUS/apis-guru-sample.tar.gz" ]; then
  echo "bench/lint: skipped — the shared corpus ($CORPUS) is not present"; exit 0
fi
WORK=${WORK:-$ROOT/bench/lint/work}
rm -rf "$WORK/specs" && mkdir -p "$WORK"
cd "$ROOT"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  ./mvnw -B -q install -pl catalog-service -am -DskipTests
  ./mvnw -B -q test-compile -pl catalog-service
fi
[ -s "$WORK/cp.txt" ] || ./mvnw -B -q dependency:build-classpath -pl catalog-service -Dmdep.includeScope=test \
  -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
CP="catalog-service/target/test-classes:catalog-service/target/classes:$(cat "$WORK/cp.txt")"

echo "== ipdex: SpecParser.parse + Linter.lint per spec (warmed: 2 untimed passes, best of ${ROUNDS:-3})"
java -Xmx1g -cp "$CP" org.ipdex.catalog.bench.LintBench "$WORK/specs" "${ROUNDS:-3}" 2>/dev/null | grep -E "^(specs|ipdex)" | tee "$WORK/ipdex.txt"
N=$(ls "$WORK/specs" | wc -l)

SPECTRAL="$WORK/spectral/node_modules/.bin/spectral"
if [ ! -x "$SPECTRAL" ]; then
  echo "== installing @stoplight/spectral-cli from npm"
  npm install --silent --no-audit --no-fund --prefix "$WORK/spectral" @stoplight/spectral-cli >/dev/null
fi
echo 'extends: ["spectral:oas"]' > "$WORK/ruleset.yaml"
echo "== Spectral $("$SPECTRAL" --version): one call over all $N files"
t0=$(date +%s%N)
"$SPECTRAL" lint --ruleset "$WORK/ruleset.yaml" --format json --output "$WORK/spectral.json" --quiet \
  "$WORK/specs/*" >/dev/null 2>&1 || true
t1=$(date +%s%N)
spectral_ms=$(( (t1 - t0) / 1000000 ))
echo "spectral_total_ms=$spectral_ms"
single=0
for f in $(ls "$WORK/specs" | head -5); do
  s0=$(date +%s%N)
  "$SPECTRAL" lint --ruleset "$WORK/ruleset.yaml" --format json --output /dev/null --quiet "$WORK/specs/$f" >/dev/null 2>&1 || true
  single=$(( single + ($(date +%s%N) - s0) / 1000000 ))
done

ipdex=$(sed -n 's/^ipdex_ms_per_spec=//p' "$WORK/ipdex.txt")
awk -v s="$spectral_ms" -v n="$N" -v i="$ipdex" -v one="$single" 'BEGIN {
  per = s / n;
  printf "spectral_ms_per_spec=%.3f   (one call over %d files)\n", per, n;
  printf "spectral_ms_per_file_call=%.1f (mean of 5 single-file calls, Node start-up included)\n", one / 5;
  printf "ipdex_ms_per_spec=%.3f\n", i;
  printf "RATIO spectral/ipdex per spec = %.1fx (target >= 5x)\n", per / i;
}'
