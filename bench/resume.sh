#!/usr/bin/env bash
# Resume after a crash (docs/benchmarks.md "Checkpoints"): the packaged backend on its embedded H2 trains a seeded
# request with a checkpoint every epoch, is killed with SIGKILL a few epochs in and started again; measured from
# that start: until it is ready, and until the interrupted training's first new epoch (an epoch after every one
# stored before the kill). Beside them, on the same backend: a fresh training of the same request from its start
# to its first epoch, and one epoch's duration. Builds nothing (./mvnw -B -o package -DskipTests first).
# Usage: bench/resume.sh [ROUNDS]        (default 3)
set -euo pipefail
cd "$(dirname "$0")/.."
JAR="${BENCH_BACKEND_JAR:-$(pwd)/backend/target/quarkus-app/quarkus-run.jar}"
ROUNDS="${1:-3}"
for tool in curl jq python3; do command -v "${tool}" >/dev/null || { echo "missing ${tool}" >&2; exit 2; }; done
WORK="$(mktemp -d /tmp/opsbridge-resume.XXXXXX)"
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
BASE="http://127.0.0.1:${PORT}"
REQUEST='{"symbols":["AAPL"],"timeframe":"1h","epochs":400,"seed":7}'
PID=""
cleanup() {
  [[ -n "${PID}" ]] && { kill -9 "${PID}" 2>/dev/null || true; wait "${PID}" 2>/dev/null || true; }
  rm -rf "${WORK}"
}
trap cleanup EXIT

now() { python3 -c 'import time; print(time.monotonic())'; }
start() {
  (cd "${WORK}" && exec java -Xmx512m -Dquarkus.http.port="${PORT}" -jar "${JAR}" >> "${WORK}/backend.log" 2>&1) &
  PID=$!
  until curl -fs -o /dev/null "${BASE}/q/health/ready"; do
    kill -0 "${PID}" 2>/dev/null || { tail -30 "${WORK}/backend.log" >&2; exit 1; }
    sleep 0.02
  done
  TOKEN="$(cat "${WORK}/data/admin-token")"
}
api() { curl -fs -H "Authorization: Bearer ${TOKEN}" "$@"; }
metrics_count() { api "${BASE}/api/v1/operations/$1" | jq -r '.metrics_count // 0'; }
# the highest epoch stored for an operation (0 with none)
last_epoch() {
  local count; count="$(metrics_count "$1")"
  [[ "${count}" -eq 0 ]] && { echo 0; return; }
  api "${BASE}/api/v1/operations/$1/metrics?cursor=$((count - 1))" | jq '[.metrics[].epoch] | max // 0'
}
until_epoch_after() { # operation epoch
  until [[ "$(last_epoch "$1")" -gt "$2" ]]; do sleep 0.02; done
}
elapsed() { python3 -c "print('%.2f' % ($(now) - $1))"; }

start   # it loads its sample data (AAPL among them) before it is ready
echo "round  fresh start->epoch 1  one epoch  restart->ready  restart->first new epoch  (s)"
for round in $(seq 1 "${ROUNDS}"); do
  t0="$(now)"
  id="$(api -H 'Content-Type: application/json' -d "${REQUEST}" "${BASE}/api/v1/trainings" | jq -r .operation_id)"
  until_epoch_after "${id}" 0
  fresh="$(elapsed "${t0}")"
  t1="$(now)"; until_epoch_after "${id}" 1; epoch="$(elapsed "${t1}")"
  until_epoch_after "${id}" 5
  kill -9 "${PID}"; wait "${PID}" 2>/dev/null || true; PID=""
  t2="$(now)"
  start
  ready="$(elapsed "${t2}")"
  stored="$(last_epoch "${id}")"
  until_epoch_after "${id}" "${stored}"
  resumed="$(elapsed "${t2}")"
  printf '%5s  %20s  %9s  %14s  %24s   (%s, attempt %s)\n' "${round}" "${fresh}" "${epoch}" "${ready}" "${resumed}" \
      "$(api "${BASE}/api/v1/operations/${id}" | jq -r '.progress.context.resumed // "not resumed"')" \
      "$(api "${BASE}/api/v1/operations/${id}" | jq -r '.attempts.count')"
  api -X POST "${BASE}/api/v1/operations/${id}/cancel" > /dev/null
done
