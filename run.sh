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

JAR=backend/target/quarkus-app/quarkus-run.jar
if [[ "${OPSBRIDGE_REBUILD:-0}" == "1" || ! -f "${JAR}" || ! -f cli/target/opsbridge-cli.jar ]] \
    || [[ -n "$(find . -path ./data -prune -o \( -name pom.xml -o -path '*/src/main/*' \) -newer "${JAR}" -print -quit)" ]]; then
  echo "==> building (first build downloads dependencies: a few minutes)"
  ./mvnw -B -q package -DskipTests
else
  echo "==> jars are newer than every source: not rebuilding (OPSBRIDGE_REBUILD=1 forces it)"
fi

# A class-data archive of the backend's classes in data/jvm-archive, made by the first start of each build (the JVM
# writes it when that backend exits) and used by the next ones: a warm start takes 10-25 % less CPU
# (docs/benchmarks.md "Start-up with a class-data archive"). OPSBRIDGE_JVM_ARCHIVE=0 starts without it.
mkdir -p data
ARCHIVE=()
while IFS= read -r OPT; do ARCHIVE+=("${OPT}"); done < <(backend/jvm-archive.sh "$(pwd)/${JAR}" data/jvm-archive || true)
APP=(java "${ARCHIVE[@]}" -Dai.djl.offline=true -Dquarkus.http.port="${PORT}" -jar "$(pwd)/${JAR}")
if [[ "${1:-}" == "--serve" ]]; then
  exec "${APP[@]}"
fi

"${APP[@]}" > data/backend.log 2>&1 &
BACKEND_PID=$!
# the backend stops with the demo only if the demo fails; after a good demo it keeps serving
trap 'kill ${BACKEND_PID} 2>/dev/null || true' EXIT

echo "==> starting the backend on ${BASE} (log: data/backend.log)"
for _ in $(seq 1 120); do
  if curl -fs "${BASE}/q/health/ready" >/dev/null 2>&1; then break; fi
  if ! kill -0 "${BACKEND_PID}" 2>/dev/null; then echo "backend exited; see data/backend.log"; exit 1; fi
  sleep 0.5
done

echo "==> demo: load the SYNTHETIC sample data set, then a real training on it, each followed by pulling /api/v1/operations"
echo "    (web UI: ${BASE}/ ; the same jobs from another terminal: ./opsbridge ops list --url ${BASE})"
./opsbridge --url "${BASE}" data load --symbols AAPL,MSFT,GOOG --timeframe 1h --source sample --watch
./opsbridge --url "${BASE}" train --symbols AAPL,MSFT,GOOG --timeframe 1h --epochs 40 --batch-size 8 --seed 7 --watch
trap - EXIT
echo "$BACKEND_PID" > data/backend.pid
echo "==> the backend keeps serving on ${BASE} (pid ${BACKEND_PID}, log data/backend.log):"
echo "    web UI ${BASE}/ ; ./opsbridge --url ${BASE} ops list ; stop it: kill \$(cat data/backend.pid)"
