#!/usr/bin/env bash
# Start-up of the packaged backend: milliseconds from `java` to the first 200 of /q/health/ready, on the
# data directory DIR (default /tmp/opsbridge-startup; the first run fills it, later runs are warm starts),
# and the CPU the JVM used until then (user + system, all its threads: the JIT compilers take as much as main).
# Builds nothing (./mvnw -B -o package -DskipTests first). Prints one line: "ready_ms N cpu_ms M archive A".
# Usage: bench/startup.sh [DIR]      BENCH_BACKEND_JAR=... for another build; JAVA_OPTS for JVM flags;
#        BENCH_CDS=1 starts as ./run.sh does, with the class-data archive of backend/jvm-archive.sh kept in
#        DIR/data/jvm-archive: the first such run records it ("archive record"), the next ones check it once
#        and use it ("archive use"). The check (one `java -version`) runs before the clock starts.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR="${BENCH_BACKEND_JAR:-$(pwd)/backend/target/quarkus-app/quarkus-run.jar}"
DIR="${1:-/tmp/opsbridge-startup}"
[[ -f "${JAR}" ]] || { echo "missing ${JAR}: build first" >&2; exit 2; }
JAR="$(cd "$(dirname "${JAR}")" && pwd)/$(basename "${JAR}")"
ARCHIVE_OPTS=()
if [[ "${BENCH_CDS:-0}" == "1" ]]; then
  while IFS= read -r OPT; do ARCHIVE_OPTS+=("${OPT}"); done < <(backend/jvm-archive.sh "${JAR}" "${DIR}/data/jvm-archive")
fi
case "${ARCHIVE_OPTS[*]-}" in
  *Output=*|*AtExit=*) ARCHIVE=record ;;
  *AOTCache=*|*SharedArchiveFile=*) ARCHIVE=use ;;
  *) ARCHIVE=none ;;
esac
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
mkdir -p "${DIR}"
cd "${DIR}"
START="$(date +%s%N)"
# shellcheck disable=SC2086
java ${JAVA_OPTS:-} "${ARCHIVE_OPTS[@]}" -Dai.djl.offline=true -Dquarkus.http.port="${PORT}" -jar "${JAR}" \
  > "${DIR}/backend.log" 2>&1 &
PID=$!
# the wait also lets the JVM write an archive it records at exit
trap 'kill ${PID} 2>/dev/null || true; wait ${PID} 2>/dev/null || true' EXIT
until curl -fs -o /dev/null "http://127.0.0.1:${PORT}/q/health/ready"; do
  kill -0 "${PID}" 2>/dev/null || { echo "backend exited; see ${DIR}/backend.log" >&2; exit 1; }
  sleep 0.02
done
READY_MS=$(( ($(date +%s%N) - START) / 1000000 ))
read -r -a STAT < "/proc/${PID}/stat"   # fields 14 and 15: user and system clock ticks
echo "ready_ms ${READY_MS} cpu_ms $(( (STAT[13] + STAT[14]) * 1000 / $(getconf CLK_TCK) )) archive ${ARCHIVE}"
