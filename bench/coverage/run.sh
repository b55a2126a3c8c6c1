#!/usr/bin/env bash
# Coverage-check benchmark (issue 4): a collection of ROWS numbers in mixed spellings (~2 % missing, ~1 % extra)
# against an authority file of ROWS records (EP + US), from upload to finished report through authority-service
# (shaded jar, -Xmx512m) on the project's embedded PostgreSQL; in the same run, the baseline: psql \copy of the
# already-normalised collection plus the two anti-joins written directly in PostgreSQL. Prints seconds and ratio.
#   ROWS=1000000 bench/coverage/run.sh      (default 10000000; SKIP_BUILD=1 reuses the built jars)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"
ROWS=${ROWS:-10000000}
WORK_MEM=${WORK_MEM:-256MB}
WORK=${WORK:-$ROOT/bench/coverage/work}
rm -rf "$WORK" && mkdir -p "$WORK"
trap stop_all EXIT

build
export IPDEX_COVERAGE_WORK_MEM=$WORK_MEM
start_postgres "$WORK"
psql -qAtc "CREATE DATABASE bench"
export PGDATABASE=bench
start_service "$WORK" bench      # Flyway creates the schema
echo "== generating $ROWS authority records in PostgreSQL"
t0=$(now); psql -q -v rows="$ROWS" -f "$ROOT/bench/coverage/authority.sql"; echo "   $(seconds "$t0" "$(now)") s"
echo "== writing the collection (mixed spellings) and its normalised twin"
t0=$(now); (cd "$WORK" && psql -q -f "$ROOT/bench/coverage/collection.sql"); echo "   $(seconds "$t0" "$(now)") s"
lines=$(wc -l < "$WORK/collection.csv"); bytes=$(stat -c %s "$WORK/collection.csv")
echo "   collection: $lines lines, $bytes bytes"; head -5 "$WORK/collection.csv" | sed 's/^/   | /'

echo "== ipdex: upload to finished report"
TOKEN=$(token public)
t0=$(now)
location=$(curl -fsS -D - -o "$WORK/accepted.json" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' \
  --data-binary @"$WORK/collection.csv" "$SERVICE_URL/api/v1/authority/coverageChecks?offices=EP,US&name=bench" \
  | tr -d '\r' | sed -n 's/^[Ll]ocation: //p')
t_uploaded=$(now)
while :; do
  curl -fsS -H "Authorization: Bearer $TOKEN" "$SERVICE_URL$location" > "$WORK/check.json"
  status=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["status"])' "$WORK/check.json")
  [[ "$status" == done || "$status" == failed ]] && break
  sleep 0.2
done
t1=$(now)
[[ "$status" == done ]] || { cat "$WORK/check.json"; echo; tail -30 "$WORK/service.log"; exit 1; }
ipdex=$(seconds "$t0" "$t1")
python3 - "$WORK/check.json" <<'PY'
import json, sys
check = json.load(open(sys.argv[1])); report = check["report"]; t = report["totals"]; c = report["collection"]
print(f"   rows read {c['rowsRead']:,}, unparseable {c['unparseable']['count']:,}")
print(f"   expected {t['expected']:,}  held {t['held']:,}  missing {t['missing']:,}  extra {t['extra']:,}  "
      f"exceptions {t['exceptions']:,}  complete {t['percentComplete']} %")
print(f"   service timings: reading {report['timings']['readingMillis']} ms, comparing {report['timings']['comparingMillis']} ms")
PY
echo "   upload took $(seconds "$t0" "$t_uploaded") s; upload to report: $ipdex s"

echo "== baseline: psql \\copy of the normalised collection + the two anti-joins"
t0=$(now); (cd "$WORK" && psql -qAt -v work_mem="$WORK_MEM" -f "$ROOT/bench/coverage/baseline.sql" | sed 's/^/   /'); t1=$(now)
baseline=$(seconds "$t0" "$t1")
echo "   baseline: $baseline s"
ratio=$(python3 -c "print(f'{$ipdex / $baseline:.2f}')")
echo
echo "RESULT coverage rows=$ROWS collection_lines=$lines ipdex_s=$ipdex baseline_s=$baseline ratio=$ratio (targets: <= 30 s, ratio <= 2.0)"
