#!/usr/bin/env bash
# `ipdex lint` per spec as a CI job runs it — one cold JVM per spec, the whole process timed — against Spectral
# (@stoplight/spectral-cli, ruleset spectral:oas, one Node process per spec, as bench/lint installs it), in the same
# run, on the same files: the APIs.guru sample of ../shared/corpus/openapi plus the office specs. Also: what the JVM
# start costs (`ipdex --version`), whether a class-data archive (AppCDS) helps, and one process over all files.
#   bench/cli/run.sh     env: SKIP_BUILD=1 reuses cli/target/ipdex-cli.jar; LIMIT=N lints only every k-th file so
#                        that N are left (default: all); TIMEOUT=120 s per Spectral call
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
CORPUS=${IPDEX_CORPUS:-$ROOT/../shared/corpus/openapi}
if [ ! -f "$CORPUS/apis-guru-sample.tar.gz" ]; then
  echo "bench/cli: skipped — the shared corpus ($CORPUS) is not present"; exit 0
fi
WORK=${WORK:-$ROOT/bench/cli/work}
TIMEOUT=${TIMEOUT:-120}
JAR=${IPDEX_CLI_JAR:-$ROOT/cli/target/ipdex-cli.jar}
JAVA=${IPDEX_JAVA:-java}
cd "$ROOT"
if [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -f "$JAR" ]; then
  ./mvnw -B -q -o package -pl cli -am -DskipTests
fi
echo "== $(date -u +%FT%TZ) $(uname -n), $(nproc) cores, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== $("$JAVA" -version 2>&1 | head -1)"

rm -rf "$WORK/specs" && mkdir -p "$WORK/specs/guru"
tar -xzf "$CORPUS/apis-guru-sample.tar.gz" -C "$WORK/specs/guru"
cp "$CORPUS/epo-ops/ops-swagger2.yaml" "$WORK/specs/epo-ops.yaml"
cp "$CORPUS/dpma-connect-plus/openapi.yaml" "$WORK/specs/dpma.yaml"
mapfile -t ALL < <(find "$WORK/specs" -type f \( -name '*.json' -o -name '*.yaml' \) | sort)
step=1
if [ "${LIMIT:-0}" -gt 0 ] && [ "${#ALL[@]}" -gt "$LIMIT" ]; then step=$(( (${#ALL[@]} + LIMIT - 1) / LIMIT )); fi
FILES=()
for i in "${!ALL[@]}"; do (( i % step == 0 )) && FILES+=("${ALL[$i]}"); done
echo "== ${#FILES[@]} of ${#ALL[@]} specs (every ${step}th)"

ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
# one cold JVM per spec; prints the mean ms per spec and how many specs ipdex refused (exit 3)
per_spec() {
  local label=$1; shift
  local total=0 refused=0
  for f in "${FILES[@]}"; do
    local t0; t0=$(date +%s%N)
    local rc=0
    "$JAVA" "$@" -jar "$JAR" lint --fail-on none --format json --output /dev/null "$f" 2>/dev/null || rc=$?
    total=$(( total + $(ms "$t0") ))
    [ "$rc" = 3 ] && refused=$(( refused + 1 ))
  done
  echo "$label $(( total / ${#FILES[@]} )) $refused"
}
best_of_5() { # ms of the fastest of five runs of a command
  local best=999999
  for _ in 1 2 3 4 5; do local t0; t0=$(date +%s%N); "$@" >/dev/null 2>&1 || true; local s; s=$(ms "$t0"); [ "$s" -lt "$best" ] && best=$s; done
  echo "$best"
}

LAUNCHER="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss4m"
echo "== JVM start: java -version $(best_of_5 "$JAVA" -Xshare:auto -version) ms;" \
  "ipdex --version (JVM + picocli, no lint) $(best_of_5 "$JAVA" $LAUNCHER -jar "$JAR" --version) ms"

ARCHIVE=$WORK/ipdex-cli.jsa
rm -f "$ARCHIVE"
# the archive is dumped at the exit of one training run that loads what a lint loads (parser, rules, Jackson, YAML)
"$JAVA" $LAUNCHER -XX:ArchiveClassesAtExit="$ARCHIVE" -jar "$JAR" lint --fail-on none --format sarif --output /dev/null \
  "$CORPUS/epo-ops/ops-swagger2.yaml" "$CORPUS/dpma-connect-plus/openapi.yaml" "${FILES[0]}" >/dev/null 2>&1
echo "== AppCDS archive $(du -h "$ARCHIVE" | cut -f1); ipdex --version with it" \
  "$(best_of_5 "$JAVA" $LAUNCHER -XX:SharedArchiveFile="$ARCHIVE" -jar "$JAR" --version) ms"

read -r _ default refused < <(per_spec default)
read -r _ launcher _ < <(per_spec launcher $LAUNCHER)
read -r _ cds _ < <(per_spec cds $LAUNCHER -XX:SharedArchiveFile="$ARCHIVE")
t0=$(date +%s%N)
"$JAVA" $LAUNCHER -jar "$JAR" lint --fail-on none --format json --output /dev/null "${FILES[@]}" >/dev/null 2>&1 || true
one=$(ms "$t0")
echo "ipdex_cold_ms_per_spec default_jvm=$default launcher_opts=$launcher launcher_opts+appcds=$cds (refused by ipdex: $refused)"
echo "ipdex_one_process_all_files_ms_per_spec=$(( one / ${#FILES[@]} )) (${#FILES[@]} files, ${one} ms)"

SPECTRAL=$ROOT/bench/lint/work/spectral/node_modules/.bin/spectral
if [ ! -x "$SPECTRAL" ]; then
  echo "== installing @stoplight/spectral-cli from npm (as bench/lint does)"
  npm install --silent --no-audit --no-fund --prefix "$ROOT/bench/lint/work/spectral" @stoplight/spectral-cli >/dev/null
fi
echo 'extends: ["spectral:oas"]' > "$WORK/ruleset.yaml"
echo "== Spectral $("$SPECTRAL" --version): one call per spec, whole process, timeout ${TIMEOUT}s"
total=0; n=0; timedout=0
for f in "${FILES[@]}"; do
  t0=$(date +%s%N); rc=0
  timeout "$TIMEOUT" "$SPECTRAL" lint --ruleset "$WORK/ruleset.yaml" --format json --output /dev/null --quiet "$f" \
    >/dev/null 2>&1 || rc=$?
  if [ "$rc" = 124 ]; then timedout=$(( timedout + 1 )); continue; fi
  total=$(( total + $(ms "$t0") )); n=$(( n + 1 ))
done
spectral=$(( total / n ))
echo "spectral_cold_ms_per_spec=$spectral ($n specs; $timedout timed out and are left out of its mean)"
awk -v s="$spectral" -v d="$default" -v l="$launcher" -v c="$cds" 'BEGIN {
  printf "RATIO Spectral / ipdex per spec, whole process: %.2fx (default JVM), %.2fx (launcher options), %.2fx (with AppCDS)\n", s / d, s / l, s / c }'
echo "== load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
