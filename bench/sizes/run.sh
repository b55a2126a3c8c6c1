#!/usr/bin/env bash
# The measurements behind docs/scaling.md, on the local stack: PostgreSQL and Elasticsearch bytes per authority
# record (one edition per size given) and per API / operation (the whole corpus), the change feed's write ceiling
# with and without its advisory lock, one search-service's search throughput (wrk), peak memory of each process.
# Usage: bench/sizes/run.sh [edition sizes, comma-separated, default 1000000] [seconds per feed point, default 10]
#        [seconds per wrk point, default 20]                 (BENCH_SKIP_BUILD=1 reuses the built jars)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
if ! command -v wrk >/dev/null; then
  apt-get install -y wrk >/dev/null
fi
if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
  ./mvnw -B -q -DskipTests -pl deploy/local,testdata,catalog-service,authority-service,search-service,gateway -am package
fi
STACK_JAR=deploy/local/target/local-stack.jar
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
javac -d "$OUT" -cp "$STACK_JAR" bench/search-index/AuthorityData.java bench/search-index/Http.java \
  bench/search-latency/Corpus.java bench/search-latency/IdentityToken.java bench/search-latency/LoadGenerator.java \
  bench/search-latency/SearchLatencyBench.java bench/search-latency/Nginx.java bench/sizes/*.java
# under load from other builds the services can take minutes to start
java -Xmx1g -Dipdex.stack.start-seconds=600 -cp "$OUT:$STACK_JAR" SizesBench "${1:-1000000}" "$PWD" "${2:-10}" "${3:-20}"
