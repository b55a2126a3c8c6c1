#!/usr/bin/env bash
# Catalog registration benchmark: the whole APIs.guru sample (284 Swagger 2.0 specs) plus the office corpus
# (EPO OPS, DPMA Connect Plus, the 12-file USPTO ODP bundle as a zip) registered one after another through
# catalog-service's public API (POST /api/v1/catalog/apis), each parsed, vetted, linted (ST.90), diffed against the
# API's previous version when titles repeat, stored with its change-feed event and audit entry.
# catalog-service is called directly with a minted identity token (the gateway hop is not measured), against a
# real PostgreSQL. In the same run two baselines: swagger-parser alone on the same files, and a raw INSERT of the
# same bytes into PostgreSQL. Target: all specs in <= 60 s on 2 cores.
#
#   bench/catalog-register/run.sh          (BENCH_SKIP_BUILD=1 to reuse the built jars)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CORPUS=${IPDEX_CORPUS:-$ROOT/../shared/corpus/openapi}
WORK=${BENCH_WORK:-$ROOT/bench/catalog-register/work}
SECRET=bench-identity-secret-0123456789-abcdefghijklmnopq
cd "$ROOT"

if [ ! -f "$CORPUS/apis-guru-sample.tar.gz" ] || [ ! -d "$CORPUS/uspto-odp" ]; then
  echo "skip: the shared corpus is absent ($CORPUS/apis-guru-sample.tar.gz and uspto-odp/ are needed;"
  echo "      set IPDEX_CORPUS to the folder holding them)"
  exit 0
fi

if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
  echo "== building catalog-service and local-stack"
  ./mvnw -B -q install -pl catalog-service,deploy/local -am -DskipTests
fi
STACK_JAR=deploy/local/target/local-stack.jar
SERVICE_JAR=catalog-service/target/catalog-service.jar

rm -rf "$WORK" && mkdir -p "$WORK/specs/guru"
tar xzf "$CORPUS/apis-guru-sample.tar.gz" -C "$WORK/specs/guru"
ln -s "$CORPUS" "$WORK/specs/openapi"

PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

echo "== starting PostgreSQL"
java -cp "$STACK_JAR" bench/catalog-register/Bench.java postgres "$WORK/pgdata" > "$WORK/postgres.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 120); do grep -q '^port ' "$WORK/postgres.log" 2>/dev/null && break; sleep 1; done
PG_PORT=$(grep '^port ' "$WORK/postgres.log" | awk '{print $2}')
[ -n "$PG_PORT" ] || { cat "$WORK/postgres.log"; exit 1; }

echo "== starting catalog-service (-Xmx768m)"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
DATASOURCES_DEFAULT_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/catalog" DATASOURCES_DEFAULT_USERNAME=postgres \
DATASOURCES_DEFAULT_PASSWORD= IPDEX_IDENTITY_SECRET=$SECRET MICRONAUT_SERVER_PORT=$PORT \
IPDEX_CATALOG_PROBE_ENABLED=false IPDEX_CATALOG_FETCH_REFRESH_ENABLED=false \
  java -Xmx768m ${SERVICE_JAVA_OPTS:-} -jar "$SERVICE_JAR" > "$WORK/service.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && break; sleep 1; done
curl -fs "http://127.0.0.1:$PORT/health" >/dev/null || { tail -40 "$WORK/service.log"; exit 1; }

echo "== registering ($(nproc) cores)"
java -Xmx512m -Dlogback.configurationFile=bench/catalog-register/quiet-logback.xml -cp "$SERVICE_JAR" \
  bench/catalog-register/Bench.java run "http://127.0.0.1:$PORT" "$SECRET" "$WORK/specs" \
  "jdbc:postgresql://127.0.0.1:$PG_PORT/baseline" "jdbc:postgresql://127.0.0.1:$PG_PORT/catalog"
grep -E " ERROR " "$WORK/service.log" | head -5 || true
