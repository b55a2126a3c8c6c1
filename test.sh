#!/usr/bin/env bash
# Every test of ipdex: unit tests, integration tests against a real PostgreSQL and a real Elasticsearch, and the
# end-to-end test that starts the whole product. Needs only Java 17; everything else comes from Maven Central.
# The fuzz tests replay their seeds and past findings in every run; IPDEX_FUZZ_SECONDS=N also fuzzes each target
# for N seconds afterwards, IPDEX_FUZZ_TARGETS=regex only some (bench/fuzz/README.md).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
if [[ -z "${IPDEX_FUZZ_SECONDS:-}" ]]; then
  exec ./mvnw -B verify "$@"
fi
./mvnw -B verify "$@"
SKIP_COMPILE=1 exec bench/fuzz/run.sh "$IPDEX_FUZZ_SECONDS" "${IPDEX_FUZZ_TARGETS:-}"
