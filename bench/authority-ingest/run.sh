#!/usr/bin/env bash
# Authority-file ingest benchmark: N generated records in each layout (ST.37 XML gzip, EPO CSV, USPTO TSV),
# uploaded to authority-service running with -Xmx512m against a real PostgreSQL, timed end to end (upload, parse,
# validate, store, index, activate: the answer to POST ...?wait=true). In the same run, `psql \copy` of the same
# rows as CSV into an equivalent table with the same unique index is the baseline.
#
#   bench/authority-ingest/run.sh [N]      N defaults to 10,000,000
set -euo pipefail
N=${1:-10000000}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=${BENCH_WORK:-$ROOT/bench/authority-ingest/work}
SECRET=bench-identity-secret-0123456789-abcdefghijklmnopq
cd "$ROOT"

if ! command -v psql >/dev/null; then
  echo "installing postgresql-client for the psql baseline"
  (apt-get update -qq && apt-get install -y -qq postgresql-client >/dev/null) || { echo "psql is needed"; exit 1; }
fi

if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
  echo "== building (authority-service, local-stack, testdata)"
  ./mvnw -B -q install -f testdata/pom.xml -DskipTests
  ./mvnw -B -q install -pl authority-service -am -DskipTests
fi
STACK_JAR=$(ls deploy/local/target/local-stack-all.jar deploy/local/target/local-stack.jar 2>/dev/null | head -1 || true)
SERVICE_JAR=authority-service/target/authority-service.jar
TESTDATA_JAR=$(ls testdata/target/testdata-*.jar | head -1)

rm -rf "$WORK" && mkdir -p "$WORK"
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

echo "== starting PostgreSQL"
java -cp "$STACK_JAR" bench/authority-ingest/Bench.java postgres "$WORK/pgdata" > "$WORK/postgres.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 120); do grep -q '^port ' "$WORK/postgres.log" 2>/dev/null && break; sleep 1; done
PG_PORT=$(grep '^port ' "$WORK/postgres.log" | awk '{print $2}')
[ -n "$PG_PORT" ] || { cat "$WORK/postgres.log"; exit 1; }
export PGHOST=127.0.0.1 PGPORT=$PG_PORT PGUSER=postgres PGDATABASE=authority

echo "== generating $N records per layout"
gen() { java -jar "$TESTDATA_JAR" --records "$N" "$@" 2>>"$WORK/generate.log"; }
gen --layout st37-xml --office EP --out "$WORK/ep.xml.gz" --gzip
gen --layout epo-csv --office EP --out "$WORK/ep.csv"
gen --layout uspto-tsv --office US --out "$WORK/us.tsv"
gen --layout baseline-csv --office EP --out "$WORK/ep-baseline.csv"
gen --layout baseline-csv --office US --out "$WORK/us-baseline.csv"
ls -l "$WORK"/*.gz "$WORK"/*.csv "$WORK"/*.tsv | awk '{print "   " $5 " bytes  " $9}'

echo "== starting authority-service (-Xmx512m)"
SERVICE_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
DATASOURCES_DEFAULT_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/authority" DATASOURCES_DEFAULT_USERNAME=postgres \
DATASOURCES_DEFAULT_PASSWORD= IPDEX_IDENTITY_SECRET=$SECRET MICRONAUT_SERVER_PORT=$SERVICE_PORT \
IPDEX_INGEST_SPOOL_DIRECTORY="$WORK/spool" \
  java -Xmx512m -XX:+UseParallelGC ${SERVICE_JAVA_OPTS:-} -jar "$SERVICE_JAR" > "$WORK/service.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$SERVICE_PORT/health" >/dev/null 2>&1 && break; sleep 1; done

now() { date +%s.%N; }
upload() { # office layout file -> seconds
  local token; token=$(java -cp "$STACK_JAR" bench/authority-ingest/Bench.java token "$SECRET" "$1")
  local start end code
  start=$(now)
  code=$(curl -s -o "$WORK/answer-$2.json" -w '%{http_code}' -X POST -T "$3" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/octet-stream' \
    "http://127.0.0.1:$SERVICE_PORT/api/v1/authority/offices/$1/editions?layout=$2&wait=true")
  end=$(now)
  [ "$code" = 201 ] || { echo "upload of $3 answered $code: $(head -c 600 "$WORK/answer-$2.json")" >&2; exit 1; }
  awk "BEGIN { print $end - $start }"
}
baseline() { # baseline-csv -> seconds for \copy + unique index
  # the columns of authority_record (V2, V3), and the unique index every edition table gets
  psql -q -v ON_ERROR_STOP=1 -c "DROP TABLE IF EXISTS copy_baseline" -c "CREATE TABLE copy_baseline (
    edition_id BIGINT NOT NULL DEFAULT 1, office TEXT NOT NULL, number_key TEXT NOT NULL, kind TEXT NOT NULL,
    publication_date DATE, exception_code TEXT, doc_number TEXT NOT NULL, source_line BIGINT)" >/dev/null
  local start end
  start=$(now)
  psql -q -v ON_ERROR_STOP=1 \
    -c "\\copy copy_baseline (office, number_key, kind, publication_date, exception_code, doc_number) FROM '$1' WITH (FORMAT csv)" \
    -c "CREATE UNIQUE INDEX copy_baseline_key ON copy_baseline (number_key, kind)" >/dev/null
  end=$(now)
  local rows; rows=$(psql -tA -c "SELECT count(*) FROM copy_baseline")
  [ "$rows" = "$N" ] || { echo "baseline loaded $rows rows, not $N" >&2; exit 1; }
  awk "BEGIN { print $end - $start }"
}

echo "== baseline: psql \\copy + unique index"
COPY_EP=$(baseline "$WORK/ep-baseline.csv") || exit 1
COPY_US=$(baseline "$WORK/us-baseline.csv") || exit 1
psql -q -c "DROP TABLE copy_baseline" >/dev/null

echo "== ipdex uploads"
T_XML=$(upload EP st37-xml "$WORK/ep.xml.gz") || exit 1
T_CSV=$(upload EP epo-csv "$WORK/ep.csv") || exit 1
T_TSV=$(upload US uspto-tsv "$WORK/us.tsv") || exit 1

row() { awk -v name="$1" -v a="$2" -v b="$3" -v n="$N" \
  'BEGIN { printf "%-22s %12.1f %14.0f %12.1f %14.0f %8.2f\n", name, a, n / a, b, n / b, a / b }'; }
echo
echo "records per layout: $N   (JVM -Xmx512m, $(nproc) cores, load average now: $(cut -d' ' -f1-3 /proc/loadavg))"
printf "%-22s %12s %14s %12s %14s %8s\n" layout "ipdex s" "ipdex rec/s" "COPY s" "COPY rec/s" ratio
row "st37-xml (gzip)" "$T_XML" "$COPY_EP"
row "epo-csv" "$T_CSV" "$COPY_EP"
row "uspto-tsv" "$T_TSV" "$COPY_US"
echo "targets: >= 250000 rec/s; ratio <= 1.5 delimited, <= 3.0 XML"
grep -E "Edition [0-9]+ of" "$WORK/service.log" || true
grep -iE "error|exception" "$WORK/service.log" | head -5 || true
