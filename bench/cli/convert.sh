#!/usr/bin/env bash
# `ipdex authority convert` on ten million rows in a small heap: proves the converter streams (constant memory) and
# measures its rate. The input is the testdata generator's EPO CSV read as a mapped delimited file; the output goes
# to /dev/null unless KEEP=1, which writes it to work/ and re-validates it with `ipdex authority validate`.
#   bench/cli/convert.sh   env: RECORDS=10000000, HEAP=64m, SKIP_BUILD=1, KEEP=1
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
WORK=${WORK:-$ROOT/bench/cli/work}
RECORDS=${RECORDS:-10000000}
HEAP=${HEAP:-64m}
JAR=${IPDEX_CLI_JAR:-$ROOT/cli/target/ipdex-cli.jar}
cd "$ROOT"
if [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -f "$JAR" ]; then
  ./mvnw -B -q -o package -pl cli -am -DskipTests
fi
mkdir -p "$WORK"
echo "== $(date -u +%FT%TZ), $(nproc) cores, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
INPUT=$WORK/ep-$RECORDS.csv
if [ ! -f "$INPUT" ]; then
  java -cp testdata/target/classes org.ipdex.testdata.Generate --layout epo-csv --office EP --records "$RECORDS" \
    --out "$INPUT"
fi
cat > "$WORK/map.yaml" <<'MAP'
columns: [office, number, kind, date, exceptionCode]
delimiter: ";"
header: true
MAP
OUT=/dev/null
[ "${KEEP:-0}" = 1 ] && OUT=$WORK/EP_AF.xml
echo "== convert $(du -h "$INPUT" | cut -f1) ($RECORDS rows) with -Xmx$HEAP -> $OUT"
/usr/bin/time -f "peak_rss_kb=%M wall_s=%e" java -Xmx"$HEAP" -XX:+UseSerialGC -jar "$JAR" authority convert "$INPUT" \
  --mapping "$WORK/map.yaml" --office EP --to st37-xml --produced 2025-01-01 --output "$OUT"
if [ "${KEEP:-0}" = 1 ]; then
  echo "== re-validate $(du -h "$OUT" | cut -f1)"
  /usr/bin/time -f "peak_rss_kb=%M wall_s=%e" java -XX:+UseSerialGC -jar "$JAR" authority validate "$OUT"
fi
