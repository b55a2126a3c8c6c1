# Shared by the benchmark scripts: build, embedded PostgreSQL, authority-service, identity tokens.
# Sourced, not run. Everything started here is stopped by stop_all (the scripts trap EXIT).

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PIDS=()

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

build() {
  if [[ "${SKIP_BUILD:-0}" != 1 || ! -f "$ROOT/authority-service/target/authority-service.jar" ]]; then
    echo "== building authority-service and the local-stack jar"
    (cd "$ROOT" && ./mvnw -B -q -pl authority-service -am package -DskipTests)
  fi
}

# start_postgres WORKDIR -> sets PGPORT; psql talks to it through the usual PG* variables
start_postgres() {
  PGPORT=$(free_port)
  mkdir -p "$1/pg"
  java -cp "$ROOT/deploy/local/target/local-stack.jar" "$ROOT/bench/lib/StartPostgres.java" "$1/pg" "$PGPORT" \
    > "$1/postgres.log" 2>&1 &
  PIDS+=($!)
  export PGHOST=127.0.0.1 PGPORT PGUSER=postgres PGDATABASE=postgres
  for _ in $(seq 1 120); do psql -qAtc 'SELECT 1' >/dev/null 2>&1 && break; sleep 0.5; done
  psql -qAtc 'SELECT 1' >/dev/null || { cat "$1/postgres.log"; echo "PostgreSQL did not start"; exit 1; }
}

# start_service WORKDIR DATABASE -> sets SERVICE_URL
start_service() {
  local port; port=$(free_port)
  SECRET=${SECRET:-bench-identity-secret-$(openssl rand -hex 16)}
  MICRONAUT_SERVER_PORT=$port IPDEX_IDENTITY_SECRET=$SECRET \
  DATASOURCES_DEFAULT_URL="jdbc:postgresql://127.0.0.1:$PGPORT/$2" DATASOURCES_DEFAULT_USERNAME=postgres \
  DATASOURCES_DEFAULT_PASSWORD= IPDEX_COVERAGE_SPOOL_DIRECTORY="$1/spool" \
    java -Xmx512m -XX:+UseParallelGC ${SERVICE_JAVA_OPTS:-} -jar "$ROOT/authority-service/target/authority-service.jar" > "$1/service.log" 2>&1 &
  PIDS+=($!)
  SERVICE_URL=http://127.0.0.1:$port
  for _ in $(seq 1 120); do curl -fs "$SERVICE_URL/health" >/dev/null 2>&1 && break; sleep 0.5; done
  curl -fs "$SERVICE_URL/health" >/dev/null || { tail -50 "$1/service.log"; echo "authority-service did not start"; exit 1; }
}

b64url() { openssl base64 -e -A | tr '+/' '-_' | tr -d '='; }

# token ROLE -> an identity token as the gateway would mint it (HS256 with the shared secret)
token() {
  local now header payload signature
  now=$(date +%s)
  header=$(printf '{"alg":"HS256","typ":"JWT"}' | b64url)
  payload=$(printf '{"sub":"bench","roles":["%s"],"iat":%d,"nbf":%d,"exp":%d}' "$1" "$now" "$now" $((now + 7200)) | b64url)
  signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -hmac "$SECRET" -binary | b64url)
  printf '%s.%s.%s' "$header" "$payload" "$signature"
}

stop_all() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
}

now() { date +%s.%N; }
seconds() { python3 -c "print(f'{$2 - $1:.2f}')"; }
