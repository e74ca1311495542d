#!/usr/bin/env bash
# Reads at scale (docs/benchmarks.md "Lists and reads at 100,000 operations"): the packaged backend on H2
# and on PostgreSQL with 100, then 10,000, then 100,000 finished operations; for each size wrk -t1 -c8
# (8 s after a 5 s warm-up, 10 s for the first size) on a list page, two filtered list pages and GET /{id} of random ids (most of
# them not in the cache: each is a store read), then the heap after a full GC and the query plans.
# Builds nothing (./mvnw -B -o package -DskipTests first). PostgreSQL: 127.0.0.1:5432, database test,
# a schema of its own that is dropped at the end (BENCH_PG_URL / BENCH_PG_USER to change).
# Usage: bench/scale.sh [h2|postgresql ...]      (default: both; BENCH_SIZES="100000" for one size)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
JAR="${BENCH_BACKEND_JAR:-${ROOT}/backend/target/quarkus-app/quarkus-run.jar}"
H2_JAR="$(ls "$(dirname "${JAR}")"/lib/main/com.h2database.h2-*.jar)"
PG_URL="${BENCH_PG_URL:-jdbc:postgresql://127.0.0.1:5432/test}"
PG_USER="${BENCH_PG_USER:-$(whoami)}"
STORES=("${@:-h2}"); [[ $# -eq 0 ]] && STORES=(h2 postgresql)
for tool in wrk curl jq psql python3; do command -v "${tool}" >/dev/null || { echo "missing ${tool}" >&2; exit 2; }; done
WORK="$(mktemp -d /tmp/opsbridge-scale.XXXXXX)"
SCHEMA="bench_scale_$$"
PID=""
cleanup() {
  [[ -n "${PID}" ]] && { kill "${PID}" 2>/dev/null || true; wait "${PID}" 2>/dev/null || true; }
  psql -q -h 127.0.0.1 -d test -c "DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE" >/dev/null 2>&1 || true
  rm -rf "${WORK}"
}
trap cleanup EXIT

measure() { # url [lua script]
  local script=(); [[ -n "${2:-}" ]] && script=(-s "$2")
  wrk -t1 -c8 -d"${WARM:-3}"s "${script[@]}" "$1" > /dev/null
  wrk -t1 -c8 -d8s --latency "${script[@]}" "$1" | python3 -c '
import re, sys
text = sys.stdin.read()
def ms(v, unit): return float(v) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
lat = {p: ms(v, u) for p, v, u in re.findall(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", text, re.M)}
bad = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
print("%8.0f req/s  p50 %7.2f ms  p99 %7.2f ms%s" % (rps, lat["50"], lat["99"], ("  NON-2xx: " + bad.group(1)) if bad else ""))'
}

sql() { # store statement
  if [[ "$1" == h2 ]]; then
    java -cp "${H2_JAR}" org.h2.tools.Shell -url "${H2_URL}" -user sa -sql "$2"
  else
    psql -q -At -h 127.0.0.1 -d test -c "SET search_path TO ${SCHEMA}; $2"
  fi
}

# copies of the one real finished operation, op_bench_1..N, one second apart going back in time,
# every third one a training (the filters have something to skip), counts kept as the store keeps them;
# the search columns as the store keeps them: one symbol each (every 4th AAPL, every 1000th RARE, else MSFT,
# whatever the copied metadata says), the trainings' strategy mlp_direction (every 300th operation rare_strategy),
# and their counts per symbol and strategy (search_counts; a status without operations has no row here, which the
# store's reads treat alike)
seed() { # store total
  local range; [[ "$1" == h2 ]] && range="SYSTEM_RANGE(1, $2) r(x)" || range="generate_series(1, $2) r(x)"
  sql "$1" "INSERT INTO operations (operation_id, operation_type, status, mode, owner_node, created_at, started_at,
      updated_at, completed_at, progress_json, metadata_json, result_summary_json, error_message, metrics_count, version)
    SELECT 'op_bench_' || x, CASE WHEN MOD(x, 3) = 0 THEN 'training' ELSE operation_type END, status, mode, owner_node,
      created_at - x * INTERVAL '1' SECOND, started_at, updated_at, completed_at, progress_json, metadata_json,
      result_summary_json, error_message, metrics_count, version
    FROM operations o, ${range} WHERE o.operation_id = '${REAL}' AND NOT EXISTS
      (SELECT 1 FROM operations e WHERE e.operation_id = 'op_bench_' || x);
    UPDATE operation_counts SET n = (SELECT COUNT(*) FROM operations o
      WHERE o.status = operation_counts.status AND o.operation_type = operation_counts.operation_type);
    UPDATE operations SET strategy = CASE WHEN MOD(CAST(SUBSTRING(operation_id, 10) AS INT), 300) = 0 THEN 'rare_strategy'
      ELSE 'mlp_direction' END WHERE operation_id LIKE 'op_bench_%' AND operation_type = 'training';
    DELETE FROM operation_symbols WHERE operation_id LIKE 'op_bench_%';
    INSERT INTO operation_symbols (symbol, created_at, operation_id, operation_type, status)
    SELECT CASE WHEN MOD(CAST(SUBSTRING(operation_id, 10) AS INT), 1000) = 0 THEN 'RARE'
      WHEN MOD(CAST(SUBSTRING(operation_id, 10) AS INT), 4) = 0 THEN 'AAPL' ELSE 'MSFT' END, created_at, operation_id,
      operation_type, status
    FROM operations WHERE operation_id LIKE 'op_bench_%';
    DELETE FROM search_counts;
    INSERT INTO search_counts (facet, facet_value, operation_type, status, n)
    SELECT 'symbol', symbol, operation_type, status, COUNT(*) FROM operation_symbols GROUP BY symbol, operation_type, status;
    INSERT INTO search_counts (facet, facet_value, operation_type, status, n)
    SELECT 'strategy', strategy, operation_type, status, COUNT(*) FROM operations WHERE strategy IS NOT NULL
      GROUP BY strategy, operation_type, status;" > /dev/null
}

LIST="SELECT operation_id FROM operations WHERE 1=1 ORDER BY created_at DESC, operation_id LIMIT 20 OFFSET 0"
# as JdbcOperationStore.list writes them (a filtered column leads the ORDER BY)
FILTERED="SELECT operation_id FROM operations WHERE 1=1 AND status = 'completed' AND operation_type = 'training'
  ORDER BY status, operation_type, created_at DESC, operation_id LIMIT 20 OFFSET 0"
BY_TYPE="SELECT operation_id FROM operations WHERE 1=1 AND operation_type = 'training'
  ORDER BY operation_type, created_at DESC, operation_id LIMIT 20 OFFSET 0"
# as OperationListing writes a search by symbol, its page and its counts per status
BY_SYMBOL="SELECT o.operation_id FROM operations o JOIN operation_symbols s ON s.operation_id = o.operation_id
  WHERE 1=1 AND s.symbol = 'AAPL' ORDER BY s.symbol, s.created_at DESC, s.operation_id LIMIT 20 OFFSET 0"
# a search by one symbol or one strategy takes its counts from search_counts (V57)
SYMBOL_COUNTS="SELECT status, SUM(n) FROM search_counts WHERE facet = 'symbol' AND facet_value = 'AAPL' GROUP BY status"
STRATEGY_COUNTS="SELECT status, SUM(n) FROM search_counts WHERE facet = 'strategy' AND facet_value = 'mlp_direction'
  GROUP BY status"
BY_PREFIX="SELECT o.operation_id FROM operations o WHERE 1=1 AND o.operation_id LIKE 'op\\_bench\\_99%' ESCAPE '\\'
  ORDER BY o.created_at DESC, o.operation_id LIMIT 20 OFFSET 0"
cat > "${WORK}/random-get.lua" <<'EOF'
request = function()
  return wrk.format("GET", "/api/v1/operations/op_bench_" .. math.random(1, tonumber(os.getenv("BENCH_N"))))
end
EOF

for STORE in "${STORES[@]}"; do
  PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
  BASE="http://127.0.0.1:${PORT}"
  mkdir -p "${WORK}/${STORE}"
  # AUTO_SERVER lets the seeding shell write into the H2 file the backend has open
  H2_URL="jdbc:h2:file:${WORK}/${STORE}/data/opsbridge;AUTO_SERVER=TRUE"
  OPTS=(-Dquarkus.http.port="${PORT}" -Dopsbridge.data.sample-at-startup=false)
  if [[ "${STORE}" == h2 ]]; then
    OPTS+=(-Dquarkus.datasource.h2.jdbc.url="${H2_URL};WRITE_DELAY=0")
  else
    psql -q -h 127.0.0.1 -d test -c "CREATE SCHEMA ${SCHEMA}" > /dev/null
    OPTS+=(-Dopsbridge.store.kind=postgresql -Dquarkus.datasource.postgresql.jdbc.url="${PG_URL}?currentSchema=${SCHEMA}"
      -Dquarkus.datasource.postgresql.username="${PG_USER}" -Dquarkus.datasource.postgresql.password=x
      -Dquarkus.flyway.postgresql.schemas="${SCHEMA}")
  fi
  (cd "${WORK}/${STORE}" && exec java -Xmx512m "${OPTS[@]}" -jar "${JAR}" > "${WORK}/${STORE}.log" 2>&1) &
  PID=$!
  until curl -fs -o /dev/null "${BASE}/q/health/ready"; do
    kill -0 "${PID}" 2>/dev/null || { tail -30 "${WORK}/${STORE}.log" >&2; exit 1; }
    sleep 0.25
  done
  REAL="$(curl -fs -H 'Content-Type: application/json' -d '{"symbols":["AAPL"],"timeframe":"1h","source":"sample"}' \
      "${BASE}/api/v1/data/loads" | jq -r .operation_id)"
  until [[ "$(curl -fs "${BASE}/api/v1/operations/${REAL}" | jq -r .status)" == completed ]]; do sleep 0.25; done
  echo "==> ${STORE}"
  WARMED=""
  for N in ${BENCH_SIZES:-100 10000 100000}; do
    seed "${STORE}" "$((N - 1))"
    # the first size also warms the JIT up; a big seed leaves the database writing for a while
    export WARM; WARM=$([[ -z "${WARMED:-}" ]] && echo 10 || echo 5); WARMED=1
    echo "  ${N} operations (total $(curl -fs "${BASE}/api/v1/operations?limit=1" | jq .total)):"
    printf '    %-44s %s\n' "list ?limit=20" "$(measure "${BASE}/api/v1/operations?limit=20")"
    printf '    %-44s %s\n' "list ?limit=20&status=completed&type=training" \
        "$(measure "${BASE}/api/v1/operations?limit=20&status=completed&operation_type=training")"
    printf '    %-44s %s\n' "list ?limit=20&status=failed (none match)" "$(measure "${BASE}/api/v1/operations?limit=20&status=failed")"
    printf '    %-44s %s\n' "list ?limit=20&symbol=AAPL (1 in 4)" "$(measure "${BASE}/api/v1/operations?limit=20&symbol=AAPL")"
    printf '    %-44s %s\n' "list ?limit=20&symbol=RARE (1 in 1000)" "$(measure "${BASE}/api/v1/operations?limit=20&symbol=RARE")"
    printf '    %-44s %s\n' "list ?limit=20&strategy=mlp_direction (1 in 3)" \
        "$(measure "${BASE}/api/v1/operations?limit=20&strategy=mlp_direction")"
    printf '    %-44s %s\n' "list ?limit=20&strategy=rare_strategy" "$(measure "${BASE}/api/v1/operations?limit=20&strategy=rare_strategy")"
    printf '    %-44s %s\n' "list ?limit=20&id_prefix=op_bench_99" "$(measure "${BASE}/api/v1/operations?limit=20&id_prefix=op_bench_99")"
    printf '    %-44s %s\n' "list ?limit=20&symbol=AAPL&created_after=-1h" \
        "$(measure "${BASE}/api/v1/operations?limit=20&symbol=AAPL&created_after=$(date -u -d '-1 hour' +%Y-%m-%dT%H:%M:%SZ)")"
    # once more: right after a big seed the database is still writing, which the first list above pays for
    printf '    %-44s %s\n' "list ?limit=20 (again)" "$(measure "${BASE}/api/v1/operations?limit=20")"
    printf '    %-44s %s\n' "GET /{id}, random of ${N} ids" "$(BENCH_N=$((N - 1)) measure "${BASE}" "${WORK}/random-get.lua")"
  done
  jcmd "${PID}" GC.run > /dev/null
  echo "  heap after a full GC: $(jcmd "${PID}" GC.heap_info | grep -oE 'used [0-9]+K' | head -1) (-Xmx512m)"
  echo "  query plans at 100,000:"
  for q in "${LIST}" "${FILTERED}" "${BY_TYPE}" "${BY_SYMBOL}" "${SYMBOL_COUNTS}" "${STRATEGY_COUNTS}" "${BY_PREFIX}"; do
    if [[ "${STORE}" == h2 ]]; then sql h2 "EXPLAIN ${q}" | sed -n '2,$p' | tr -s ' \n' ' ' | sed 's/^/    /'; echo
    else sql postgresql "EXPLAIN ANALYZE ${q}" | sed 's/^/    /'; fi
  done
  kill "${PID}"; wait "${PID}" 2>/dev/null || true; PID=""
done
