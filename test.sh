#!/usr/bin/env bash
# Every test of ipdex: unit tests, integration tests against a real PostgreSQL and a real Elasticsearch, and the
# end-to-end test that starts the whole product. Needs only Java 17; everything else comes from Maven Central.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
exec ./mvnw -B verify "$@"
