#!/usr/bin/env bash
# Start-up of the packaged backend: milliseconds from `java` to the first 200 of /q/health/ready, on the
# data directory DIR (default /tmp/opsbridge-startup; the first run fills it, later runs are warm starts).
# Builds nothing (./mvnw -B -o package -DskipTests first). Prints one line: "ready_ms N".
# Usage: bench/startup.sh [DIR]      BENCH_BACKEND_JAR=... for another build; JAVA_OPTS for JVM flags,
#        e.g. JAVA_OPTS=-XX:SharedArchiveFile=/tmp/opsbridge.jsa (docs/benchmarks.md "Start-up")
set -euo pipefail
cd "$(dirname "$0")/.."
JAR="${BENCH_BACKEND_JAR:-$(pwd)/backend/target/quarkus-app/quarkus-run.jar}"
DIR="${1:-/tmp/opsbridge-startup}"
[[ -f "${JAR}" ]] || { echo "missing ${JAR}: build first" >&2; exit 2; }
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
mkdir -p "${DIR}"
cd "${DIR}"
START="$(date +%s%N)"
# shellcheck disable=SC2086
java ${JAVA_OPTS:-} -Dai.djl.offline=true -Dquarkus.http.port="${PORT}" -jar "${JAR}" > "${DIR}/backend.log" 2>&1 &
PID=$!
trap 'kill ${PID} 2>/dev/null || true; wait ${PID} 2>/dev/null || true' EXIT
until curl -fs -o /dev/null "http://127.0.0.1:${PORT}/q/health/ready"; do
  kill -0 "${PID}" 2>/dev/null || { echo "backend exited; see ${DIR}/backend.log" >&2; exit 1; }
  sleep 0.02
done
echo "ready_ms $(( ($(date +%s%N) - START) / 1000000 ))"
