#!/usr/bin/env bash
# Number look-up benchmark (issue 4): p99 latency of GET /api/v1/authority/documents/{number} at RATE requests/s
# (default 500) for SECONDS (default 30, after a 10 s warm-up) against authority-service (-Xmx512m) on the embedded
# PostgreSQL holding ROWS authority records (default 10000000), numbers picked at random from 10,000 existing ones
# written in mixed spellings. Load generator: bench/lib/ConstantRate.java, open-loop at a constant rate, latency
# measured from each request's due time (wrk is closed-loop and wrk2 is not packaged, so we do not use them).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"
ROWS=${ROWS:-10000000}
RATE=${RATE:-500}
SECONDS_RUN=${SECONDS_RUN:-30}
WORK=${WORK:-$ROOT/bench/lookup/work}
rm -rf "$WORK" && mkdir -p "$WORK"
trap stop_all EXIT

build
start_postgres "$WORK"
psql -qAtc "CREATE DATABASE bench"
export PGDATABASE=bench
start_service "$WORK" bench
echo "== generating $ROWS authority records in PostgreSQL"
psql -q -v rows="$ROWS" -f "$ROOT/bench/coverage/authority.sql"
psql -qAt -c "SELECT CASE WHEN random() < 0.5 THEN number_key || kind ELSE left(number_key, 2) || ' ' || substr(number_key, 3) || ' ' || kind END
              FROM active_record TABLESAMPLE SYSTEM (1) LIMIT 10000" > "$WORK/numbers.txt"
TOKEN=$(token public)
first=$(head -1 "$WORK/numbers.txt")
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" \
  "$SERVICE_URL/api/v1/authority/documents/$(python3 -c 'import sys,urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$first")")
if [[ "$code" != 200 ]]; then
  echo "The look-up endpoint answered $code for '$first': it is not available in this build yet."
  exit 2
fi
echo "== warm-up (10 s)"
java "$ROOT/bench/lib/ConstantRate.java" "$SERVICE_URL/api/v1/authority/documents/" "$WORK/numbers.txt" "$RATE" 10 "$TOKEN" > /dev/null
echo "== $RATE requests/s for $SECONDS_RUN s"
java "$ROOT/bench/lib/ConstantRate.java" "$SERVICE_URL/api/v1/authority/documents/" "$WORK/numbers.txt" "$RATE" \
  "$SECONDS_RUN" "$TOKEN" | tee "$WORK/result.txt"
p99=$(sed -n 's/^RESULT_P99_MS //p' "$WORK/result.txt")
echo "RESULT lookup rows=$ROWS rate=$RATE p99_ms=$p99 (target <= 5 ms)"
