#!/usr/bin/env bash
# Search latency at a constant rate (open model, measured from each request's due time), for a mix of API,
# operation and authority queries: straight at search-service, through the gateway, and through nginx as a plain
# reverse proxy, in alternating rounds on the same stack.
# Usage: bench/search-latency/run.sh [authority records, default 1000000] [requests/s, default 200]
#        [seconds per round, default 20] [rounds, default 3]        (BENCH_SKIP_BUILD=1 reuses the built jars)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
N="${1:-1000000}"
if ! command -v nginx >/dev/null; then
  # wrk comes along as the issue asks; the load generator used here is our own constant-rate one (see LoadGenerator)
  apt-get install -y nginx wrk >/dev/null
fi
if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
  ./mvnw -B -q -DskipTests -pl deploy/local,catalog-service,authority-service,search-service,gateway -am package
fi
STACK_JAR=deploy/local/target/local-stack.jar
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
javac -d "$OUT" -cp "$STACK_JAR" bench/search-index/AuthorityData.java bench/search-index/Http.java \
  bench/search-latency/*.java
# one client address sends every request: the default policy (600 per minute per address) would answer 429 to most
# of them, so the stack's JVMs get a raised quota; the limiter still runs on every request
export JAVA_TOOL_OPTIONS="-Dipdex.rate-limits.policies.default.quota=100000000"
java -Xmx1g -cp "$OUT:$STACK_JAR" SearchLatencyBench "$N" "$PWD" "${2:-200}" "${3:-20}" "${4:-3}"
