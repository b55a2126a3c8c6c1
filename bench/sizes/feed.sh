#!/usr/bin/env bash
# The change feed's write ceiling alone, with and without its advisory lock, on the embedded PostgreSQL.
# Usage: bench/sizes/feed.sh [seconds per writer count and side, default 30, in 5 alternating rounds]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
  ./mvnw -B -q -DskipTests -pl deploy/local -am package
fi
STACK_JAR=deploy/local/target/local-stack.jar
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
javac -d "$OUT" -cp "$STACK_JAR" bench/search-index/Http.java bench/search-index/AuthorityData.java \
  bench/search-latency/*.java bench/sizes/*.java
java -cp "$OUT:$STACK_JAR" FeedBench "$PWD" "${1:-30}"
