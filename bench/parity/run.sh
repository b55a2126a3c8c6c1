#!/usr/bin/env bash
# Parity-check cost in authority-service (issue 9): the record count and order-independent checksum of an office's
# active edition (GET /internal/v1/officeStates), against a plain count(*) of the same rows in the same run.
# ROWS authority records (default 1000000, split between EP and US) generated inside the embedded PostgreSQL by
# bench/coverage/authority.sql; each query runs RUNS times (default 3) after one warm-up, the best run counts; the
# endpoint is timed on its first call (computes) and its second (each active edition's state is kept).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"
ROWS=${ROWS:-1000000}
RUNS=${RUNS:-3}
WORK=${WORK:-$ROOT/bench/parity/work}
rm -rf "$WORK" && mkdir -p "$WORK"
trap stop_all EXIT

build
start_postgres "$WORK"
psql -qAtc "CREATE DATABASE bench"
export PGDATABASE=bench
start_service "$WORK" bench
echo "== generating $ROWS authority records in PostgreSQL"
psql -q -v rows="$ROWS" -f "$ROOT/bench/coverage/authority.sql"

# best of RUNS wall times of a statement over both active editions, in ms
best_ms() {
  psql -qAt -c "$1" >/dev/null
  local best=""
  for _ in $(seq 1 "$RUNS"); do
    local start end ms
    start=$(now); psql -qAt -c "$1" >/dev/null; end=$(now)
    ms=$(python3 -c "print(round(($end - $start) * 1000))")
    if [[ -z "$best" || "$ms" -lt "$best" ]]; then best=$ms; fi
  done
  echo "$best"
}
ACTIVE="FROM authority_record r JOIN office_state s ON r.edition_id = s.active_edition_id"
count_ms=$(best_ms "SELECT count(*) $ACTIVE")
checksum_ms=$(best_ms "SELECT count(*), sum(('x' || left(md5(number_key || ' ' || coalesce(kind, '')), 16))::bit(64)::bigint) $ACTIVE")
TOKEN=$(token service)
# the first call computes each active edition's checksum, later ones reuse it (an edition never changes)
states() { curl -fs -H "Authorization: Bearer $TOKEN" "$SERVICE_URL/internal/v1/officeStates"; }
start=$(now); states > "$WORK/states.json"; end=$(now)
cold_ms=$(python3 -c "print(round(($end - $start) * 1000))")
start=$(now); states > /dev/null; end=$(now)
warm_ms=$(python3 -c "print(round(($end - $start) * 1000))")
echo "== $ROWS records: $(cat "$WORK/states.json")"
echo "count(*)                                 ${count_ms} ms"
echo "count(*) + checksum (SQL)                ${checksum_ms} ms   ratio $(python3 -c "print(f'{$checksum_ms / max($count_ms, 1):.2f}')")"
echo "GET /internal/v1/officeStates, first     ${cold_ms} ms"
echo "GET /internal/v1/officeStates, again     ${warm_ms} ms"
