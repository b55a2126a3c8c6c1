#!/usr/bin/env bash
# Search latency at a constant rate (open model, measured from each request's due time), for a mix of API,
# operation and authority queries: straight at search-service, through the gateway, and through nginx as a plain
# reverse proxy, in alternating rounds on the same stack.
# Usage: bench/search-latency/run.sh [authority records, default 1000000] [requests/s, default 200]
#        [seconds per round, default 20] [rounds, default 3]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
N="${1:-1000000}"
if ! command -v nginx >/dev/null; then
  # wrk comes along as the issue asks; the load generator used here is our own constant-rate one (see LoadGenerator)
  apt-get install -y nginx wrk >/dev/null
fi
for jar in catalog-service/target/catalog-service.jar gateway/target/gateway.jar; do
  [ -f "$jar" ] || { echo "build $jar first (./mvnw -B -q install -pl ${jar%%/*} -am -DskipTests)"; exit 1; }
done
./mvnw -B -q -o install -pl search-service -DskipTests
STACK_JAR="$(ls deploy/local/target/local-stack.jar 2>/dev/null || true)"
if [ -z "$STACK_JAR" ]; then
  STACK_JAR="$(ls ~/.m2/repository/org/ipdex/local-stack/0.1.0-SNAPSHOT/local-stack-0.1.0-SNAPSHOT-all.jar)"
fi
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
javac -d "$OUT" -cp "$STACK_JAR" bench/search-index/AuthorityData.java bench/search-index/Http.java \
  bench/search-latency/*.java
java -Xmx1g -cp "$OUT:$STACK_JAR" SearchLatencyBench "$N" "$PWD" "${2:-200}" "${3:-20}" "${4:-3}"
