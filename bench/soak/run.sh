#!/usr/bin/env bash
# Soak: mixed load through the gateway for MINUTES (reads at a constant rate, a spec version every 3 s, one
# authority edition, one coverage check); prints errors, p99 per minute and per-service heap, files and threads.
# Usage: bench/soak/run.sh [minutes, default 10] [reads/s, default 100] [edition records, default 1000000]
#        (BENCH_SKIP_BUILD=1 reuses the built jars)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
  ./mvnw -B -q -DskipTests -pl deploy/local,testdata,catalog-service,authority-service,search-service,gateway -am package
fi
STACK_JAR=deploy/local/target/local-stack.jar
TESTDATA_JAR=$(ls testdata/target/testdata-*.jar | head -1)
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
javac -d "$OUT" -cp "$STACK_JAR:$TESTDATA_JAR" bench/search-index/AuthorityData.java bench/search-index/Http.java \
  bench/search-latency/*.java bench/soak/*.java
# one client address sends every request: the default policy (600 per minute per address) would answer 429 to most
# of them, so the stack's JVMs get a raised quota; the limiter still runs on every request
export JAVA_TOOL_OPTIONS="-Dipdex.rate-limits.policies.default.quota=100000000"
java -Xmx1g -cp "$OUT:$STACK_JAR:$TESTDATA_JAR" SoakBench "${1:-10}" "${2:-100}" "${3:-1000000}" "$PWD"
