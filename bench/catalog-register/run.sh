#!/usr/bin/env bash
# Catalog registration benchmark (issue 3): the whole APIs.guru sample (284 Swagger 2.0 specs) plus the office
# corpus (EPO OPS, DPMA Connect Plus, the 12-file USPTO ODP bundle as a zip) registered one after another through
# the public API of a whole local stack (gateway -> catalog-service -> change feed -> search-service ->
# Elasticsearch), each with its office's API key. The clock stops when every registered API is searchable; then
# the driver checks, through the gateway, that every version has its ST.90 report, every later version its diff,
# and that search shows each API with the catalogue's ST.90 level and operation count.
# Baselines in the same run, on the same files: swagger-parser alone, and a raw INSERT of the same bytes into the
# stack's PostgreSQL. Target: <= 60 s on 2 cores.
#
#   bench/catalog-register/run.sh          (BENCH_SKIP_BUILD=1 to reuse the built jars)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CORPUS=${IPDEX_CORPUS:-$ROOT/../shared/corpus/openapi}
# under /tmp: Elasticsearch runs as its own user when we are root and must reach its data directory
WORK=${BENCH_WORK:-/tmp/ipdex-bench-catalog}
cd "$ROOT"

if [ ! -f "$CORPUS/apis-guru-sample.tar.gz" ] || [ ! -d "$CORPUS/uspto-odp" ]; then
  echo "skip: the shared corpus is absent ($CORPUS/apis-guru-sample.tar.gz and uspto-odp/ are needed;"
  echo "      set IPDEX_CORPUS to the folder holding them)"
  exit 0
fi

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

rm -rf "$WORK" && mkdir -p "$WORK/specs/guru" && chmod 755 "$WORK"
tar xzf "$CORPUS/apis-guru-sample.tar.gz" -C "$WORK/specs/guru"
ln -s "$CORPUS" "$WORK/specs/openapi"

export IPDEX_HOME="$WORK/home" IPDEX_DEMO_DATA=false
export IPDEX_GATEWAY_PORT=$(free_port) IPDEX_CATALOG_PORT=$(free_port) IPDEX_AUTHORITY_PORT=$(free_port) \
  IPDEX_SEARCH_PORT=$(free_port) IPDEX_POSTGRES_PORT=$(free_port) IPDEX_ELASTICSEARCH_PORT=$(free_port)
# the timers would compete with the registrations for the two cores
export IPDEX_CATALOG_PROBE_ENABLED=false IPDEX_CATALOG_FETCH_REFRESH_ENABLED=false
[ -n "${BENCH_SKIP_BUILD:-}" ] && export IPDEX_SKIP_BUILD=true

STACK_PID=
cleanup() {
  if [ -n "$STACK_PID" ]; then kill "$STACK_PID" 2>/dev/null || true; wait "$STACK_PID" 2>/dev/null || true; fi
}
trap cleanup EXIT

echo "== starting the local stack (deploy/local/ipdex up, no demo data)"
deploy/local/ipdex up > "$WORK/stack.log" 2>&1 &
STACK_PID=$!
for _ in $(seq 1 600); do
  grep -q 'ipdex is running' "$WORK/stack.log" && break
  kill -0 "$STACK_PID" 2>/dev/null || { tail -30 "$WORK/stack.log"; exit 1; }
  sleep 1
done
grep -q 'ipdex is running' "$WORK/stack.log" || { tail -30 "$WORK/stack.log"; exit 1; }

echo "== registering ($(nproc) cores)"
java -Xmx512m -Dlogback.configurationFile=bench/catalog-register/quiet-logback.xml \
  -cp catalog-service/target/catalog-service.jar bench/catalog-register/Bench.java \
  "http://127.0.0.1:$IPDEX_GATEWAY_PORT" "$(cat "$IPDEX_HOME/admin-api-key")" "$WORK/specs" \
  "jdbc:postgresql://127.0.0.1:$IPDEX_POSTGRES_PORT/postgres"
grep -h " ERROR " "$IPDEX_HOME"/logs/*.log | head -5 || true
