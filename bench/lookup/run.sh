#!/usr/bin/env bash
# Number look-up benchmark (issue 4): p99 latency of GET /api/v1/authority/documents/{number} at RATE requests/s
# (default 500) for SECONDS_RUN (default 30, after a 10 s warm-up) against authority-service (-Xmx512m) on the
# embedded PostgreSQL holding ROWS authority records (default 10000000), numbers picked at random from 10,000
# existing ones written in mixed spellings.
# The figure: wrk (Debian package, installed here when missing) paced to RATE by paced.lua; it times each request
# from when it was sent. Cross-check: bench/lib/ConstantRate.java, open-loop, times each request from when it was
# due, so it also counts its own JVM's pauses and any queueing a stall causes (coordinated omission).
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
              FROM active_record WHERE random() < 0.002 LIMIT 10000" > "$WORK/numbers.txt"
TOKEN=$(token public)
first=$(head -1 "$WORK/numbers.txt")
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" \
  "$SERVICE_URL/api/v1/authority/documents/$(python3 -c 'import sys,urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$first")")
if [[ "$code" != 200 ]]; then
  echo "The look-up of '$first' answered $code; see $WORK/service.log"
  exit 1
fi
command -v wrk >/dev/null || apt-get install -y wrk >/dev/null
export NUMBERS="$WORK/numbers.txt" RATE TOKEN CONNECTIONS=20 BASE_PATH=/api/v1/authority/documents/
echo "== warm-up (10 s)"
wrk -t1 -c"$CONNECTIONS" -d10s -s "$ROOT/bench/lookup/paced.lua" "$SERVICE_URL" > /dev/null
echo "== wrk, $RATE requests/s for $SECONDS_RUN s"
wrk -t1 -c"$CONNECTIONS" -d"${SECONDS_RUN}s" --latency -s "$ROOT/bench/lookup/paced.lua" "$SERVICE_URL" \
  | tee "$WORK/wrk.txt"
echo "== cross-check: open-loop generator, $RATE requests/s for $SECONDS_RUN s"
java "$ROOT/bench/lib/ConstantRate.java" "$SERVICE_URL/api/v1/authority/documents/" "$WORK/numbers.txt" "$RATE" \
  "$SECONDS_RUN" "$TOKEN" | tee "$WORK/open-loop.txt"
p99=$(awk '$1 == "99%" {print $2}' "$WORK/wrk.txt")
rate=$(awk '/^Requests\/sec/ {print $2}' "$WORK/wrk.txt")
open=$(sed -n 's/^RESULT_P99_MS //p' "$WORK/open-loop.txt")
echo "RESULT lookup rows=$ROWS wrk: ${rate} req/s p99=$p99 (target <= 5 ms); open-loop p99=${open} ms"
