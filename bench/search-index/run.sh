#!/usr/bin/env bash
# Authority indexing rate: search-service loading one generated edition (N records, default 1,000,000) end to end,
# against curl posting the same documents to _bulk in 10,000-document batches, on the same Elasticsearch node.
# Usage: bench/search-index/run.sh [N] [rounds, default 2: ipdex and raw alternate]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
N="${1:-1000000}"
./mvnw -B -q -o install -pl search-service -DskipTests
STACK_JAR="$(ls deploy/local/target/local-stack.jar 2>/dev/null || true)"
if [ -z "$STACK_JAR" ]; then
  STACK_JAR="$(ls ~/.m2/repository/org/ipdex/local-stack/0.1.0-SNAPSHOT/local-stack-0.1.0-SNAPSHOT-all.jar)"
fi
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
javac -d "$OUT" -cp "$STACK_JAR" bench/search-index/*.java
java -Xmx1g -cp "$OUT:$STACK_JAR" IndexBench "$N" "$PWD" "${2:-2}"
