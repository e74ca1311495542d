#!/usr/bin/env bash
# HTTP read-path benchmark of the packaged apps, in one run (docs/benchmarks.md "HTTP read path"):
#   1. a cached GET /api/v1/operations/{id} of a finished operation on the backend against nginx serving
#      the very same bytes as a static file: wrk -t1 -c64, 10 s each after a warm-up; prints the ratio;
#   2. a forced refresh of a running host training through the backend against the host's own forced
#      read of the same operation: wrk -t1 -c1 (one client, sequential), 10 s each; prints the ratio;
#   3. the cached read of that host operation through the backend (wrk -t1 -c64);
#   4. the same forced host read through the backend, through nginx as a reverse proxy with a keep-alive
#      upstream, and from the host itself: one client, request by request in turn (bench/interleaved.py),
#      p10 and p50 per round and their ratios (BENCH_ROUNDS=3 BENCH_REQUESTS=2000).
# Builds nothing: it needs backend/ and training-host/target/quarkus-app (./mvnw -B -o package -DskipTests),
# and wrk + nginx (Debian: apt-get install -y wrk nginx-light). Every process runs on a free port in a
# temporary directory and is stopped at the end.
# Usage: bench/http.sh     (BENCH_SECONDS=10 BENCH_CONNECTIONS=64 BENCH_WARMUP_SECONDS=30 BENCH_NGINX_WARMUP_SECONDS=5; BENCH_PARTS=get: only 1.; BENCH_JFR=1 records the
#                          backend with JFR; BENCH_NGINX_WORKERS=1; BENCH_BACKEND_OPTS="-XX:+UseSerialGC -Xlog:gc:file=/tmp/gc.log"
#                          adds JVM flags to the backend)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
SECONDS_EACH="${BENCH_SECONDS:-10}"
CONNECTIONS="${BENCH_CONNECTIONS:-64}"
# the JIT needs tens of seconds of load on a slow 2-core VM before the numbers settle
WARMUP="${BENCH_WARMUP_SECONDS:-30}"
# nginx has no JIT to warm: a few seconds open its connections and fill the page cache
NGINX_WARMUP="${BENCH_NGINX_WARMUP_SECONDS:-5}"
# BENCH_BACKEND_JAR / BENCH_HOST_JAR: other packaged jars (e.g. a copy of an older build, to compare in one session)
BACKEND_JAR="${BENCH_BACKEND_JAR:-${ROOT}/backend/target/quarkus-app/quarkus-run.jar}"
HOST_JAR="${BENCH_HOST_JAR:-${ROOT}/training-host/target/quarkus-app/quarkus-run.jar}"

for tool in wrk nginx curl jq python3; do
  command -v "${tool}" >/dev/null || { echo "missing ${tool} (apt-get install -y wrk nginx-light curl jq)" >&2; exit 2; }
done
for jar in "${BACKEND_JAR}" "${HOST_JAR}"; do
  [[ -f "${jar}" ]] || { echo "missing ${jar}: build first (./mvnw -B -o package -DskipTests)" >&2; exit 2; }
done

WORK="$(mktemp -d /tmp/opsbridge-bench.XXXXXX)"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "${pid}" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "${pid}" 2>/dev/null || true; done
  [[ "${BENCH_KEEP:-0}" == "1" ]] && echo "kept ${WORK}" || rm -rf "${WORK}"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
wait_ready() { # url pid name
  for _ in $(seq 1 240); do
    curl -fs "$1" >/dev/null 2>&1 && return 0
    kill -0 "$2" 2>/dev/null || { echo "$3 exited; log:" >&2; tail -30 "${WORK}/$3.log" >&2; exit 1; }
    sleep 0.25
  done
  echo "$3 not ready after 60 s" >&2; exit 1
}
# wrk's summary as "req/s p50 p99" (latencies in ms)
measure() { # connections seconds url
  wrk -t1 -c"$1" -d"$2"s --latency "$3" | python3 -c '
import re, sys
text = sys.stdin.read()
def ms(v, unit): return float(v) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
rps = re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)
lat = {p: ms(v, u) for p, v, u in re.findall(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", text, re.M)}
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
if errors: sys.exit("wrk saw %s non-2xx answers:\n%s" % (errors.group(1), text))
print(rps, "%.3f" % lat["50"], "%.3f" % lat["99"])'
}
ratio() { python3 -c "print('%.2f' % ($1 / $2))"; }
# CPU seconds a process and its children (nginx's workers) have used so far, from /proc
cpu_seconds() {
  local total=0 pid
  for pid in "$1" $(pgrep -P "$1" || true); do
    total=$(( total + $(awk '{print $14 + $15}' "/proc/${pid}/stat") ))
  done
  python3 -c "print(${total} / $(getconf CLK_TCK))"
}
# measure, plus the CPU microseconds per request the server process used: "req/s p50 p99 cpu_us"
measure_cpu() { # pid connections seconds url
  local before after out
  before="$(cpu_seconds "$1")"
  out="$(measure "$2" "$3" "$4")"
  after="$(cpu_seconds "$1")"
  echo "${out} $(python3 -c "r, s = ${out%% *}, $3; print('%.1f' % ((${after} - ${before}) * 1e6 / (r * s)))")"
}

BACKEND_PORT="$(free_port)"; HOST_PORT="$(free_port)"; NGINX_PORT="$(free_port)"
BACKEND="http://127.0.0.1:${BACKEND_PORT}"; HOST="http://127.0.0.1:${HOST_PORT}"; NGINX="http://127.0.0.1:${NGINX_PORT}"
JFR=()
[[ "${BENCH_JFR:-0}" == "1" ]] && JFR=("-XX:StartFlightRecording=filename=${BENCH_JFR_FILE:-/tmp/opsbridge-bench-backend.jfr},settings=profile")

echo "==> starting the training host (${HOST}) and the backend (${BACKEND}) from their packaged jars in ${WORK}"
mkdir -p "${WORK}/host" "${WORK}/backend" "${WORK}/nginx"
(cd "${WORK}/host" && exec java -Dai.djl.offline=true -Dquarkus.http.port="${HOST_PORT}" -jar "${HOST_JAR}" \
    > "${WORK}/host.log" 2>&1) &
PIDS+=($!); HOST_PID=$!
# shellcheck disable=SC2086
(cd "${WORK}/backend" && exec java ${BENCH_BACKEND_OPTS:-} "${JFR[@]}" -Dai.djl.offline=true -Dquarkus.http.port="${BACKEND_PORT}" \
    -Dopsbridge.training.routing.hosts="${HOST}" -jar "${BACKEND_JAR}" > "${WORK}/backend.log" 2>&1) &
PIDS+=($!); BACKEND_PID=$!
wait_ready "${HOST}/q/health/ready" "${HOST_PID}" host
wait_ready "${BACKEND}/q/health/ready" "${BACKEND_PID}" backend

echo "==> a finished operation: a local load of the sample data set"
OP="$(curl -fs -H 'Content-Type: application/json' -d '{"symbols":["AAPL","MSFT","GOOG"],"timeframe":"1h","source":"sample"}' \
    "${BACKEND}/api/v1/data/loads" | jq -r .operation_id)"
for _ in $(seq 1 240); do
  STATUS="$(curl -fs "${BACKEND}/api/v1/operations/${OP}" | jq -r .status)"
  [[ "${STATUS}" == "completed" ]] && break
  [[ "${STATUS}" == "failed" || "${STATUS}" == "cancelled" ]] && { echo "the load ended ${STATUS}" >&2; exit 1; }
  sleep 0.25
done
curl -fs -o "${WORK}/nginx/operation.json" "${BACKEND}/api/v1/operations/${OP}"
BYTES="$(wc -c < "${WORK}/nginx/operation.json")"
# nginx workers run as an unprivileged user: let them read the file (mktemp made the directory private)
chmod 755 "${WORK}" "${WORK}/nginx"; chmod 644 "${WORK}/nginx/operation.json"
cat > "${WORK}/nginx.conf" <<EOF
worker_processes ${BENCH_NGINX_WORKERS:-1};
daemon off;
pid ${WORK}/nginx.pid;
error_log ${WORK}/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${WORK}/nginx/tmp; proxy_temp_path ${WORK}/nginx/tmp; fastcgi_temp_path ${WORK}/nginx/tmp;
  uwsgi_temp_path ${WORK}/nginx/tmp; scgi_temp_path ${WORK}/nginx/tmp;
  # the reference hop for a forced host read: a reverse proxy with a keep-alive upstream
  upstream training_host { server 127.0.0.1:${HOST_PORT}; keepalive 8; }
  server {
    listen 127.0.0.1:${NGINX_PORT};
    location = /operation.json { root ${WORK}/nginx; default_type application/json; }
    location /host/ { proxy_pass http://training_host/; proxy_http_version 1.1; proxy_set_header Connection ""; }
  }
}
EOF
nginx -c "${WORK}/nginx.conf" -p "${WORK}/nginx" > "${WORK}/nginx.log" 2>&1 &
PIDS+=($!); NGINX_PID=$!
wait_ready "${NGINX}/operation.json" "${NGINX_PID}" nginx
cmp -s <(curl -fs "${NGINX}/operation.json") "${WORK}/nginx/operation.json" || { echo "nginx serves other bytes" >&2; exit 1; }

echo "==> 1. cached GET of ${OP} (${BYTES} bytes): warm-up ${WARMUP} s (nginx ${NGINX_WARMUP} s), then wrk -t1 -c${CONNECTIONS} -d${SECONDS_EACH}s"
measure "${CONNECTIONS}" "${WARMUP}" "${BACKEND}/api/v1/operations/${OP}" > /dev/null
measure "${CONNECTIONS}" "${NGINX_WARMUP}" "${NGINX}/operation.json" > /dev/null
read -r NGINX_RPS NGINX_P50 NGINX_P99 NGINX_CPU < <(measure_cpu "${NGINX_PID}" "${CONNECTIONS}" "${SECONDS_EACH}" "${NGINX}/operation.json")
read -r GET_RPS GET_P50 GET_P99 GET_CPU < <(measure_cpu "${BACKEND_PID}" "${CONNECTIONS}" "${SECONDS_EACH}" "${BACKEND}/api/v1/operations/${OP}")
printf '    %-34s %10s req/s  p50 %7s ms  p99 %7s ms  %6s CPU us/req\n' \
    "nginx, static file" "${NGINX_RPS}" "${NGINX_P50}" "${NGINX_P99}" "${NGINX_CPU}" \
    "backend, cached GET" "${GET_RPS}" "${GET_P50}" "${GET_P99}" "${GET_CPU}"
echo "    GET ratio backend / nginx: $(ratio "${GET_RPS}" "${NGINX_RPS}") by req/s (goal >= 0.5, p99 <= 5 ms);" \
    "$(ratio "${NGINX_CPU}" "${GET_CPU}") by CPU per request (nginx / backend)"

if [[ "${BENCH_PARTS:-all}" != get ]]; then
echo "==> 2. a running host training: forced refresh through the backend against the host's own forced read"
# long enough to stay running through the measurement; it is cancelled at the end (it keeps one core busy
# on the host during both measurements)
STARTED="$(curl -s -H 'Content-Type: application/json' \
    -d '{"symbols":["AAPL"],"timeframe":"1h","epochs":10000,"batch_size":64,"seed":1,"mode":"host"}' "${BACKEND}/api/v1/trainings")"
HOP="$(jq -r .operation_id <<< "${STARTED}")"; HOST_OP="$(jq -r .metadata.host_operation_id <<< "${STARTED}")"
[[ "${HOST_OP}" == host_training_* ]] || { echo "host training not started: ${STARTED}" >&2; exit 1; }
for _ in $(seq 1 240); do
  [[ "$(curl -fs "${HOST}/api/v1/operations/${HOST_OP}" | jq -r .status)" == "running" ]] && break
  sleep 0.25
done
# warmed with 4 clients, so both refresh paths see enough calls for the JIT before the one-client runs
measure 4 "${WARMUP}" "${BACKEND}/api/v1/operations/${HOP}?force_refresh=true" > /dev/null
measure 4 "${WARMUP}" "${HOST}/api/v1/operations/${HOST_OP}?force_refresh=true" > /dev/null
read -r HRPS HP50 HP99 < <(measure 1 "${SECONDS_EACH}" "${HOST}/api/v1/operations/${HOST_OP}?force_refresh=true")
curl -fs "${BACKEND}/q/metrics" > "${WORK}/metrics-before"
read -r BRPS BP50 BP99 BCPU < <(measure_cpu "${BACKEND_PID}" 1 "${SECONDS_EACH}" "${BACKEND}/api/v1/operations/${HOP}?force_refresh=true")
curl -fs "${BACKEND}/q/metrics" > "${WORK}/metrics-after"
read -r CRPS CP50 CP99 < <(measure "${CONNECTIONS}" "${SECONDS_EACH}" "${BACKEND}/api/v1/operations/${HOP}")
[[ "$(curl -fs "${BACKEND}/api/v1/operations/${HOP}" | jq -r .status)" == "running" ]] \
    || { echo "the host training ended during the measurement: the forced reads were not host reads" >&2; exit 1; }
printf '    %-34s %10s req/s  p50 %7s ms  p99 %7s ms\n' "host, forced read (1 client)" "${HRPS}" "${HP50}" "${HP99}" \
    "backend, forced refresh (1 client)" "${BRPS}" "${BP50}" "${BP99}" \
    "backend, cached read (${CONNECTIONS} conns)" "${CRPS}" "${CP50}" "${CP99}"
# the host's CPU also pays for the training it runs, so only the backend's is per request
echo "    backend CPU per forced refresh: ${BCPU} us"
echo "    host-refresh ratio backend / host (p50): $(ratio "${BP50}" "${HP50}")   (goal <= 1.5)"
# the backend's own timers over its forced loop: time per request in the server, and in its calls to the host
python3 - "${WORK}/metrics-before" "${WORK}/metrics-after" <<'PY'
import re, sys
def load(path):
    values = {}
    for line in open(path):
        m = re.match(r'(\w+)(\{.*\})?\s+(\S+)$', line.strip())
        if m and not line.startswith("#"):
            values[(m.group(1), m.group(2) or "")] = float(m.group(3))
    return values
before, after = load(sys.argv[1]), load(sys.argv[2])
def delta(name, where):
    return sum(v - before.get(k, 0.0) for k, v in after.items() if k[0] == name and all(w in k[1] for w in where))
server = [delta("http_server_requests_seconds_" + p, ['uri="/api/v1/operations/{id}"', 'status="200"']) for p in ("sum", "count")]
host = [delta("opsbridge_host_calls_seconds_" + p, ['outcome="ok"']) for p in ("sum", "count")]
if server[1] and host[1]:
    print("    backend timers over its forced loop: %.3f ms per request in the server, of which %.3f ms in %.2f host"
          " calls (%.0f %%)" % (1e3 * server[0] / server[1], 1e3 * host[0] / server[1], host[1] / server[1],
                               100 * host[0] / server[0]))
PY
echo "==> 4. the same forced host read through the backend, through nginx (keep-alive upstream) and from the host"
echo "    itself, one client, request by request in turn, ${BENCH_ROUNDS:-3} rounds of ${BENCH_REQUESTS:-2000}"
python3 "$(dirname "$0")/interleaved.py" "${BENCH_ROUNDS:-3}" "${BENCH_REQUESTS:-2000}" \
    "backend=${BACKEND}/api/v1/operations/${HOP}?force_refresh=true" \
    "nginx=${NGINX}/host/api/v1/operations/${HOST_OP}?force_refresh=true" \
    "host=${HOST}/api/v1/operations/${HOST_OP}?force_refresh=true"
echo "    (goal: backend <= 1.5 x nginx at p10 and p50)"
curl -fs -X POST "${BACKEND}/api/v1/operations/${HOP}/cancel" > /dev/null || true
fi
echo "==> load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
