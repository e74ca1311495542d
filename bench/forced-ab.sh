#!/usr/bin/env bash
# A forced host read of two (or more) builds side by side, in one run (docs/benchmarks.md "Read path"): for each
# build a training host and a backend from its packaged apps, a host training, and nginx (one keep-alive upstream per
# host); then the same forced read through each backend, through nginx and from each host, request by request in
# turn (bench/interleaved.py), so load on a shared machine falls on every build alike. Prints p10/p50 per target
# and round, and per backend the CPU per read, the voluntary context switches per read and the new host metrics
# per read (a read that finds new metrics fetches a page and stores it: the slow path).
# Usage: bench/forced-ab.sh ROUNDS REQUESTS NAME=DIR [NAME=DIR ...]   (DIR holds backend/ and host/, copies of
#        backend/target/quarkus-app and training-host/target/quarkus-app; AB_WARMUP=20 seconds of 2 clients each;
#        AB_TRAINING: the training request, default a fast one whose every read finds new epochs; AB_BACKEND_OPTS: JVM
#        options of each backend, e.g. a flight recording; AB_IDLE_TRAINING=1: the hosts' training threads in the
#        SCHED_IDLE class (with OMP_NUM_THREADS=1, a training is one thread), so on a 2-core machine the reads are
#        not queued behind the training, as on a worker host of its own; the training goes on with the idle time)
set -euo pipefail
ROUNDS=$1; REQUESTS=$2; shift 2
WORK=$(mktemp -d /tmp/opsbridge-ab.XXXXXX); chmod 755 "${WORK}"; PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "${pid}" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "${pid}" 2>/dev/null || true; done
  rm -rf "${WORK}"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
switches() { cat /proc/"$1"/task/*/status | awk '/^voluntary_ctxt/ {s += $2} END {print s}'; }
ready() { for _ in $(seq 1 480); do curl -fs "$1/q/health/ready" > /dev/null 2>&1 && return 0; sleep 0.25; done; echo "$1 not ready" >&2; exit 1; }
declare -A BACKEND HOST BACKEND_PID OP HOST_OP
NGINX_PORT=$(free_port); UPSTREAMS=""; LOCATIONS=""
TRAINING=${AB_TRAINING:-'{"symbols":["AAPL"],"timeframe":"1h","epochs":10000,"batch_size":64,"seed":1,"mode":"host"}'}
for spec in "$@"; do
  name=${spec%%=*}; dir=${spec#*=}
  BACKEND[$name]="http://127.0.0.1:$(free_port)"; HOST[$name]="http://127.0.0.1:$(free_port)"
  mkdir -p "${WORK}/${name}/host" "${WORK}/${name}/backend"
  (cd "${WORK}/${name}/host" && exec java -Dai.djl.offline=true -Dquarkus.http.port="${HOST[$name]##*:}" \
      -jar "${dir}/host/quarkus-run.jar" > host.log 2>&1) &
  PIDS+=($!)
  (cd "${WORK}/${name}/backend" && exec java ${AB_BACKEND_OPTS:-} -Dai.djl.offline=true -Dquarkus.http.port="${BACKEND[$name]##*:}" \
      -Dopsbridge.training.routing.hosts="${HOST[$name]}" -jar "${dir}/backend/quarkus-run.jar" > backend.log 2>&1) &
  PIDS+=($!); BACKEND_PID[$name]=$!
  UPSTREAMS="${UPSTREAMS} upstream host_${name} { server ${HOST[$name]#http://}; keepalive 8; }"
  LOCATIONS="${LOCATIONS} location /${name}/ { proxy_pass http://host_${name}/; proxy_http_version 1.1; proxy_set_header Connection \"\"; }"
done
mkdir -p "${WORK}/nginx/tmp"
cat > "${WORK}/nginx.conf" <<CONF
worker_processes 1; daemon off; pid ${WORK}/nginx.pid; error_log ${WORK}/nginx-error.log;
events { worker_connections 1024; }
http { access_log off; client_body_temp_path ${WORK}/nginx/tmp; proxy_temp_path ${WORK}/nginx/tmp;
  fastcgi_temp_path ${WORK}/nginx/tmp; uwsgi_temp_path ${WORK}/nginx/tmp; scgi_temp_path ${WORK}/nginx/tmp;
  ${UPSTREAMS}
  server { listen 127.0.0.1:${NGINX_PORT}; ${LOCATIONS} } }
CONF
nginx -c "${WORK}/nginx.conf" -p "${WORK}/nginx" > "${WORK}/nginx.log" 2>&1 &
PIDS+=($!)
TARGETS=()
for spec in "$@"; do
  name=${spec%%=*}
  ready "${HOST[$name]}"; ready "${BACKEND[$name]}"
  started=$(curl -s -H 'Content-Type: application/json' \
      -d "${TRAINING}" "${BACKEND[$name]}/api/v1/trainings")
  OP[$name]=$(jq -r .operation_id <<< "${started}"); HOST_OP[$name]=$(jq -r .metadata.host_operation_id <<< "${started}")
  [[ "${HOST_OP[$name]}" == host_training_* ]] || { echo "${name}: host training not started: ${started}" >&2; exit 1; }
  for _ in $(seq 1 240); do
    [[ "$(curl -fs "${HOST[$name]}/api/v1/operations/${HOST_OP[$name]}" | jq -r .status)" == running ]] && break; sleep 0.25
  done
  if [[ "${AB_IDLE_TRAINING:-0}" == 1 ]]; then
    host_pid=$(pgrep -f -- "-Dquarkus.http.port=${HOST[$name]##*:} " | head -1)
    for task in /proc/"${host_pid}"/task/*; do
      [[ "$(cat "${task}/comm")" == opsbridge-work* ]] && chrt --idle -p 0 "${task##*/}"
    done
  fi
  TARGETS+=("${name}-backend=${BACKEND[$name]}/api/v1/operations/${OP[$name]}?force_refresh=true"
            "${name}-nginx=http://127.0.0.1:${NGINX_PORT}/${name}/api/v1/operations/${HOST_OP[$name]}?force_refresh=true"
            "${name}-host=${HOST[$name]}/api/v1/operations/${HOST_OP[$name]}?force_refresh=true")
done
WARMING=()
for spec in "$@"; do
  name=${spec%%=*}
  wrk -t1 -c2 -d"${AB_WARMUP:-20}"s "${BACKEND[$name]}/api/v1/operations/${OP[$name]}?force_refresh=true" > /dev/null &
  WARMING+=($!)
done
wait "${WARMING[@]}"
declare -A CPU0 SWITCHES0 METRICS0
for spec in "$@"; do
  name=${spec%%=*}
  CPU0[$name]=$(cpu_ticks "${BACKEND_PID[$name]}"); SWITCHES0[$name]=$(switches "${BACKEND_PID[$name]}")
  METRICS0[$name]=$(curl -fs "${HOST[$name]}/api/v1/operations/${HOST_OP[$name]}" | jq .metrics_count)
done
python3 "$(dirname "$0")/interleaved.py" "${ROUNDS}" "${REQUESTS}" "${TARGETS[@]}"
READS=$(( ROUNDS * REQUESTS + 200 )) # interleaved.py warms up with 200 reads of each target
for spec in "$@"; do
  name=${spec%%=*}
  metrics=$(curl -fs "${HOST[$name]}/api/v1/operations/${HOST_OP[$name]}" | jq .metrics_count)
  status=$(curl -fs "${BACKEND[$name]}/api/v1/operations/${OP[$name]}" | jq -r .status)
  python3 -c "print('    %s backend: %.0f us CPU per forced read, %.1f voluntary context switches per read, %.2f new host metrics per read (%s)' % ('${name}', ($(cpu_ticks "${BACKEND_PID[$name]}") - ${CPU0[$name]}) / $(getconf CLK_TCK) * 1e6 / ${READS}, ($(switches "${BACKEND_PID[$name]}") - ${SWITCHES0[$name]}) / ${READS}, (${metrics} - ${METRICS0[$name]}) / ${READS}, '${status}'))"
done
echo "==> load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
