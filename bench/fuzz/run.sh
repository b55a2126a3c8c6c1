#!/usr/bin/env bash
# Fuzzes every @FuzzTest of ipdex with Jazzer (JAZZER_FUZZ=1), one target after the other, each for a bounded time,
# and prints executions per second and findings per target. A finding fails the run; Jazzer writes its input as
# crash-<sha1> into the target's src/test/resources/…/<Class>Inputs/<method>/, where every later plain `verify`
# replays it (see bench/fuzz/README.md). The corpus a run grows stays in <module>/.cifuzz-corpus/ (not committed)
# and is where the next run starts from.
#
#   bench/fuzz/run.sh [SECONDS_PER_TARGET] [FILTER]   default 600 s; FILTER picks targets by regex, e.g. 'Spec|st37'
#   SKIP_COMPILE=1 bench/fuzz/run.sh …               when the test classes are already compiled
#   bench/fuzz/run.sh 30                              the short run ./test.sh does when IPDEX_FUZZ_SECONDS=30
set -euo pipefail
SECONDS_PER_TARGET=${1:-600}
FILTER=${2:-}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"

# module class method, the parsers most exposed first
TARGETS=(
  "catalog-service org.ipdex.catalog.spec.SpecFuzzTest document"
  "authority-service org.ipdex.authority.ingest.IngestFuzzTest st37Xml"
  "authority-service org.ipdex.authority.ingest.IngestFuzzTest delimited"
  "authority-service org.ipdex.authority.ingest.IngestFuzzTest compressed"
  "catalog-service org.ipdex.catalog.spec.SpecFuzzTest bundle"
  "search-service org.ipdex.search.query.QueryFuzzTest catalogSearch"
  "search-service org.ipdex.search.query.QueryFuzzTest authoritySearch"
  "authority-service org.ipdex.authority.ingest.IngestFuzzTest epoCsv"
  "authority-service org.ipdex.authority.ingest.IngestFuzzTest usptoTsv"
  "authority-service org.ipdex.authority.ingest.IngestFuzzTest plainNumbers"
  "common org.ipdex.common.number.PublicationNumberFuzzTest parse"
  "common org.ipdex.common.number.PublicationNumberFuzzTest fromFields"
)

MVN_OFFLINE=${MVN_OFFLINE:--o}
if [[ -z "${SKIP_COMPILE:-}" ]]; then
  echo "== compiling the fuzz tests"
  ./mvnw -B -q $MVN_OFFLINE test-compile -pl common,authority-service,catalog-service,search-service -am
fi

failed=0
summary=()
for target in "${TARGETS[@]}"; do
  read -r module class method <<<"$target"
  [[ -z "$FILTER" || "$class#$method" =~ $FILTER ]] || continue
  simple=${class##*.}
  log="$module/target/fuzz-$simple-$method.log"
  mkdir -p "$module/target"
  echo "== $simple#$method: fuzzing for ${SECONDS_PER_TARGET}s"
  status=0
  # only the library code a parser leans on is instrumented besides ipdex's own: coverage where it counts,
  # and far fewer classes to transform than the whole class path. IngestProperties is left alone: Jazzer 0.26.0
  # corrupts records whose components carry annotations (NoSuchFieldError; apparently what jazzer#1009 fixed upstream)
  JAZZER_FUZZ=1 JAZZER_MAX_DURATION="${SECONDS_PER_TARGET}s" \
  JAZZER_INSTRUMENT="${JAZZER_INSTRUMENT:-org.ipdex.**,com.ctc.wstx.**,org.codehaus.stax2.**,org.yaml.snakeyaml.**,com.fasterxml.jackson.core.**,io.swagger.**}" \
  JAZZER_INSTRUMENTATION_EXCLUDES="${JAZZER_INSTRUMENTATION_EXCLUDES:-org.ipdex.authority.ingest.IngestProperties}" \
  ./mvnw -B $MVN_OFFLINE test -pl "$module" -am -Dtest="$class#$method" -Dsurefire.failIfNoSpecifiedTests=false \
    -DtrimStackTrace=false -DargLine="-Xmx1g -Xss1m" > "$log" 2>&1 || status=$?
  out="$module/target/surefire-reports/$class-output.txt"
  stats=$(cat "$out" "$log" 2>/dev/null | grep -aE '^#[0-9]+[[:space:]]+DONE' | tail -1 || true)
  [[ -n "$stats" ]] || stats=$(cat "$out" "$log" 2>/dev/null | grep -aE '^#[0-9]+' | tail -1 || true)
  runs=$(sed -nE 's/^#([0-9]+).*/\1/p' <<<"$stats")
  rate=$(sed -nE 's/.*exec\/s: ([0-9]+).*/\1/p' <<<"$stats")
  cov=$(sed -nE 's/.*cov: ([0-9]+).*/\1/p' <<<"$stats")
  if [[ $status -ne 0 ]]; then
    failed=1
    package=${class%.*}
    verdict="FINDING (see $log; the input is in $module/src/test/resources/${package//.//}/${simple}Inputs/$method/)"
  else
    verdict="no finding"
  fi
  line=$(printf '%-40s %10s runs %8s exec/s  cov %6s  %s' "$simple#$method" "${runs:-?}" "${rate:-?}" "${cov:-?}" "$verdict")
  echo "$line"
  summary+=("$line")
done

echo
echo "== summary (${SECONDS_PER_TARGET}s per target, $(date -u +%Y-%m-%dT%H:%MZ))"
printf '%s\n' "${summary[@]}"
exit $failed
