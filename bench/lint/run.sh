#!/usr/bin/env bash
# Lint throughput: ipdex (parse + all ST.90 rules, warmed JVM) against Spectral (spectral:oas ruleset) on the same
# specs — the APIs.guru sample plus the single-file office specs — in the same run. Prints ms per spec and the ratio.
#   bench/lint/run.sh     (SKIP_BUILD=1 reuses the built classes; ROUNDS=3 timed ipdex passes, each spec's best kept;
#                          TIMEOUT=120 seconds Spectral may spend on one file)
#
# How Spectral is measured, and why: one CLI call per file, minus Spectral's own start-up (Node, the CLI and the
# ruleset load, measured in this run on a one-operation spec and subtracted from every call), so what remains is its
# per-spec work — the fairest per-spec figure. One call over all files was tried first: it grew past 1 GB and had not
# finished after 30 minutes; calls of 20 files hit the same wall on some chunks. Files Spectral does not finish within
# TIMEOUT are listed and left out of BOTH averages, so the ratio compares the same files.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
export IPDEX_CORPUS=${IPDEX_CORPUS:-$ROOT/../shared/corpus/openapi}
if [ ! -f "$IPDEX_CORPUS/apis-guru-sample.tar.gz" ]; then
  echo "bench/lint: skipped — the shared corpus ($IPDEX_CORPUS) is not present"; exit 0
fi
WORK=${WORK:-$ROOT/bench/lint/work}
TIMEOUT=${TIMEOUT:-120}
rm -rf "$WORK/specs" && mkdir -p "$WORK"
cd "$ROOT"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  ./mvnw -B -q install -pl catalog-service -am -DskipTests
  ./mvnw -B -q test-compile -pl catalog-service
fi
[ -s "$WORK/cp.txt" ] || ./mvnw -B -q dependency:build-classpath -pl catalog-service -Dmdep.includeScope=test \
  -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
CP="catalog-service/target/test-classes:catalog-service/target/classes:$(cat "$WORK/cp.txt")"

echo "== ipdex: SpecParser.parse + Linter.lint per spec (warmed: 2 untimed passes, best of ${ROUNDS:-3} per spec)"
java -Xmx1g -cp "$CP" org.ipdex.catalog.bench.LintBench "$WORK/specs" "${ROUNDS:-3}" 2>/dev/null \
  | grep -E "^(perfile|specs|ipdex)" > "$WORK/ipdex.txt"
grep -v '^perfile' "$WORK/ipdex.txt"

SPECTRAL="$WORK/spectral/node_modules/.bin/spectral"
if [ ! -x "$SPECTRAL" ]; then
  echo "== installing @stoplight/spectral-cli from npm"
  npm install --silent --no-audit --no-fund --prefix "$WORK/spectral" @stoplight/spectral-cli >/dev/null
fi
echo 'extends: ["spectral:oas"]' > "$WORK/ruleset.yaml"
printf '%s\n' 'openapi: 3.0.3' 'info: {title: T, version: 1.0.0, description: d, contact: {email: a@b.org}}' \
  'servers: [{url: "https://example.org/v1"}]' 'tags: [{name: t, description: d}]' 'paths:' '  /a:' '    get:' \
  '      operationId: a' '      description: d' '      tags: [t]' "      responses: {'200': {description: ok}}" \
  > "$WORK/startup.yaml"
lint() { "$SPECTRAL" lint --ruleset "$WORK/ruleset.yaml" --format json --output /dev/null --quiet "$@" >/dev/null 2>&1; }
ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
startup=999999
for _ in 1 2 3; do t0=$(date +%s%N); lint "$WORK/startup.yaml" || true; s=$(ms "$t0"); [ "$s" -lt "$startup" ] && startup=$s; done
echo "== Spectral $("$SPECTRAL" --version): one call per file, start-up ${startup} ms subtracted, timeout ${TIMEOUT}s"
: > "$WORK/spectral.txt"
for f in $(ls "$WORK/specs"); do
  t0=$(date +%s%N)
  rc=0; timeout "$TIMEOUT" "$SPECTRAL" lint --ruleset "$WORK/ruleset.yaml" --format json --output /dev/null --quiet \
    "$WORK/specs/$f" >/dev/null 2>&1 || rc=$?
  echo "$f $rc $(ms "$t0")" >> "$WORK/spectral.txt"
done

awk -v startup="$startup" '
  FNR == NR { if ($1 == "perfile") ipdex[$2] = $3; next }
  $2 == 124 { timedOut = timedOut " " $1; next }
  { work = $3 - startup; if (work < 0) work = 0; s += work; whole += $3; i += ipdex[$1]; n++ }
  END {
    printf "files compared=%d, Spectral timed out on:%s\n", n, (timedOut == "" ? " none" : timedOut);
    printf "spectral_ms_per_spec=%.1f (start-up excluded; %.1f with it, as one CLI call per file costs)\n", s / n, whole / n;
    printf "ipdex_ms_per_spec=%.2f (same files)\n", i / n;
    printf "RATIO spectral/ipdex per spec = %.1fx (target >= 5x)\n", (s / n) / (i / n);
  }' "$WORK/ipdex.txt" "$WORK/spectral.txt"
