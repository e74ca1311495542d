#!/usr/bin/env bash
# Builds OpsBridge, starts the backend on the embedded default and runs a demo training you can watch
# with the opsbridge CLI (the web UI is at the same address while it runs).
# Usage: ./run.sh          (demo; the backend keeps serving afterwards: web UI, ./opsbridge ops list)
#        ./run.sh --serve  (run the backend in the foreground)
# Either builds first only when a source is newer than the backend's jar (OPSBRIDGE_REBUILD=1 forces it).
set -euo pipefail
cd "$(dirname "$0")"
PORT="${OPSBRIDGE_PORT:-8080}"
BASE="http://localhost:${PORT}"
PID_FILE=data/backend.pid

# The backend started from this directory, if it still runs: the pid in data/backend.pid, if that process is one.
backend_pid() {
  local pid
  pid="$(cat "${PID_FILE}" 2>/dev/null)" || return 0
  if [[ "${pid}" =~ ^[0-9]+$ ]] && ps -p "${pid}" -o args= 2>/dev/null | grep -q 'quarkus-run\.jar'; then
    echo "${pid}"
  fi
}
# The process listening on PORT, where lsof or ss can tell.
listener_pid() {
  { lsof -t -iTCP:"${PORT}" -sTCP:LISTEN 2>/dev/null || ss -Hltnp "sport = :${PORT}" 2>/dev/null | grep -o 'pid=[0-9]*' | cut -d= -f2; } | head -n1 || true
}

# Before building anything: one backend per port, and one per directory (it holds the H2 file data/opsbridge.mv.db).
RUNNING="$(backend_pid)"
if (exec 3<>"/dev/tcp/127.0.0.1/${PORT}") 2>/dev/null; then
  if curl -s -m 5 -D - -o /dev/null "${BASE}/q/health/live" 2>/dev/null | grep -qi '^x-opsbridge'; then
    PID="$(listener_pid)"
    echo "==> an OpsBridge backend already serves on ${BASE}${PID:+ (pid ${PID})}; not starting a second one."
    echo "    use it:   ./opsbridge --url ${BASE} ops list   (web UI: ${BASE}/)"
    STOP="kill ${PID}"
    [[ -n "${PID}" ]] || STOP="stop the process that listens on port ${PORT}"
    echo "    stop it:  ${STOP}, then ./run.sh again"
    [[ -n "${RUNNING}" ]] || echo "    or run a new one on another port: OPSBRIDGE_PORT=8090 ./run.sh"
  else
    echo "==> port ${PORT} is in use by another program${RUNNING:+ (the backend from this directory runs as pid ${RUNNING})}."
    echo "    pick another port: OPSBRIDGE_PORT=8090 ./run.sh"
  fi
  exit 1
fi
if [[ -n "${RUNNING}" ]]; then
  THERE="$(ps -p "${RUNNING}" -o args= | sed -n 's/.*-Dquarkus\.http\.port=\([0-9]*\).*/http:\/\/localhost:\1/p')"
  echo "==> the backend started from this directory still runs (pid ${RUNNING}${THERE:+, on ${THERE}}) and holds its"
  echo "    database data/opsbridge.mv.db, so a second one here would not start."
  echo "    use it:   ./opsbridge --url ${THERE:-<its address>} ops list"
  echo "    stop it:  kill ${RUNNING}, then ./run.sh again"
  exit 1
fi
rm -f "${PID_FILE}"   # names no running backend

JAR=backend/target/quarkus-app/quarkus-run.jar
if [[ "${OPSBRIDGE_REBUILD:-0}" == "1" || ! -f "${JAR}" || ! -f cli/target/opsbridge-cli.jar ]] \
    || [[ -n "$(find . -path ./data -prune -o \( -name pom.xml -o -path '*/src/main/*' \) -newer "${JAR}" -print -quit)" ]]; then
  echo "==> building (first build downloads dependencies: a few minutes)"
  ./mvnw -B -q package -DskipTests
else
  echo "==> jars are newer than every source: not rebuilding (OPSBRIDGE_REBUILD=1 forces it)"
fi

# A class-data archive of the backend's classes in data/jvm-archive, made by the first start of each build (the JVM
# writes it when that backend exits) and used by the next ones: a warm start takes 5-25 % less CPU
# (docs/benchmarks.md "Start-up with a class-data archive"). OPSBRIDGE_JVM_ARCHIVE=0 starts without it.
mkdir -p data
ARCHIVE=()
while IFS= read -r OPT; do ARCHIVE+=("${OPT}"); done < <(backend/jvm-archive.sh "$(pwd)/${JAR}" data/jvm-archive || true)
APP=(java "${ARCHIVE[@]}" -Dai.djl.offline=true -Dquarkus.http.port="${PORT}" -jar "$(pwd)/${JAR}")
if [[ "${1:-}" == "--serve" ]]; then
  echo "$$" > "${PID_FILE}"   # exec keeps this pid: it is the backend's
  exec "${APP[@]}"
fi

"${APP[@]}" > data/backend.log 2>&1 &
BACKEND_PID=$!
echo "${BACKEND_PID}" > "${PID_FILE}"
# the backend stops with the demo only if the demo fails; after a good demo it keeps serving
trap 'kill ${BACKEND_PID} 2>/dev/null || true; rm -f "${PID_FILE}"' EXIT

echo "==> starting the backend on ${BASE} (log: data/backend.log)"
for TRY in $(seq 1 360); do
  if curl -fs "${BASE}/q/health/ready" >/dev/null 2>&1; then break; fi
  if ! kill -0 "${BACKEND_PID}" 2>/dev/null || [[ "${TRY}" == 360 ]]; then
    echo "==> the backend did not get ready; the end of data/backend.log:"
    tail -n 20 data/backend.log
    exit 1
  fi
  sleep 0.5
done

# later ./opsbridge calls use this login (a context in ~/.config/opsbridge, readable by you only)
if [[ -f data/admin-token ]]; then ./opsbridge login --url "${BASE}" --token-file data/admin-token >/dev/null; fi

echo "==> demo: load the SYNTHETIC sample data set, then a real training on it, each followed by pulling /api/v1/operations"
echo "    (web UI: ${BASE}/ ; the same jobs from another terminal: ./opsbridge ops list --url ${BASE})"
./opsbridge --url "${BASE}" data load --symbols AAPL,MSFT,GOOG --timeframe 1h --source sample --watch
./opsbridge --url "${BASE}" train --symbols AAPL,MSFT,GOOG --timeframe 1h --epochs 40 --batch-size 8 --seed 7 --watch
trap - EXIT
echo "==> the backend keeps serving on ${BASE} (pid ${BACKEND_PID}, log data/backend.log):"
echo "    web UI ${BASE}/ ; ./opsbridge --url ${BASE} ops list ; stop it: kill \$(cat data/backend.pid)"
