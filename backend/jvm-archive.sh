#!/usr/bin/env bash
# Prints the JVM options that make a start of JAR (a quarkus-run.jar, by its ABSOLUTE path) use a class-data
# archive kept in DIR, one option per line (docs/benchmarks.md "Start-up with a class-data archive"). No archive yet: the options
# make this run record one, which the JVM writes when it exits; the next start checks it once and then uses it.
#   JDK 25+:   -XX:AOTCacheOutput=FILE (record), then -XX:AOTCache=FILE (JEP 483/514/515);
#   JDK 17-24: dynamic CDS, -XX:ArchiveClassesAtExit=FILE (record), then -XX:SharedArchiveFile=FILE.
# FILE's name carries a hash of the java binary, its version, the jar's path and the size and time of every file of
# the application, so a rebuilt jar or another JDK records a new archive (the old ones are deleted).
# Never stops a start: a recorded archive is used only once a one-off `java -version` has mapped it with the
# checksums verified (JDK 17 aborts on a truncated dynamic archive instead of running without it, and a JVM
# killed while writing one leaves it truncated); the JVM itself rejects a stale one (-Xshare:auto, -XX:AOTMode=auto)
# and runs without it. OPSBRIDGE_JVM_ARCHIVE=0, a relative JAR or a JDK older than 17: prints nothing.
# Usage (run.sh): while IFS= read -r O; do OPTS+=("$O"); done < <(backend/jvm-archive.sh "$PWD/backend/target/quarkus-app/quarkus-run.jar" data/jvm-archive)
set -euo pipefail
JAR="$1"
DIR="$2"
[[ "${OPSBRIDGE_JVM_ARCHIVE:-1}" != "0" && "${JAR}" == /* && -f "${JAR}" ]] || exit 0

JAVA="$(readlink -f "$(command -v java)")" || exit 0
RELEASE="$(dirname "$(dirname "${JAVA}")")/release"
if [[ -f "${RELEASE}" ]]; then
  VERSION="$(sed -n 's/^JAVA_VERSION="\(.*\)"/\1/p' "${RELEASE}")"
else
  VERSION="$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.version = //p')"
fi
MAJOR="${VERSION%%[.+-]*}"
[[ "${MAJOR}" =~ ^[0-9]+$ && "${MAJOR}" -ge 17 ]] || exit 0

mkdir -p "${DIR}" 2>/dev/null && [[ -w "${DIR}" ]] || exit 0
DIR="$(cd "${DIR}" && pwd)"
KEY="$( { echo "${JAVA} ${VERSION} ${JAR}"; find "$(dirname "${JAR}")" -type f -printf '%P %s %T@\n' | sort; } \
  | sha1sum | cut -c1-16)"
if [[ "${MAJOR}" -ge 25 ]]; then
  FILE="${DIR}/backend-${KEY}.aot"
  USE=(-XX:AOTCache="${FILE}")
  # recording logs a WARN line per class it leaves out (over a thousand)
  RECORD=(-XX:AOTCacheOutput="${FILE}.new" -Xlog:cds*=error,aot*=error)
  CHECK=(-XX:AOTMode=on -XX:+VerifySharedSpaces -XX:AOTCache="${FILE}.new")
else
  FILE="${DIR}/backend-${KEY}.jsa"
  # -Xshare:auto is the default, said explicitly (JDK 25's AOT options refuse any -Xshare and default to auto)
  USE=(-Xshare:auto -XX:SharedArchiveFile="${FILE}")
  RECORD=(-Xshare:auto -XX:ArchiveClassesAtExit="${FILE}.new" -Xlog:cds*=error)   # no aot log tag before JDK 24
  CHECK=(-Xshare:on -XX:+VerifySharedSpaces -XX:SharedArchiveFile="${FILE}.new")
fi

if [[ ! -s "${FILE}" && -s "${FILE}.new" ]]; then
  # a crash here is the point of the check: no hs_err file, no core, no "Aborted" from bash
  if ( java "${CHECK[@]}" -XX:ErrorFile=/dev/null -XX:-CreateCoredumpOnCrash -cp "${JAR}" -version ) > /dev/null 2>&1; then
    mv -f "${FILE}.new" "${FILE}"
  else
    rm -f "${FILE}.new"
  fi
fi
if [[ -s "${FILE}" ]]; then
  printf '%s\n' "${USE[@]}"
else
  find "${DIR}" -maxdepth 1 -name 'backend-*' ! -name "backend-${KEY}.*" -delete 2>/dev/null || true
  # the recording options, tried once on `java -version` (into a scratch file): options this JDK refuses give no options
  if ( java "${RECORD[@]//${FILE}.new/${DIR}/probe.new}" -version ) > /dev/null 2>&1; then
    printf '%s\n' "${RECORD[@]}"
  fi
  rm -f "${DIR}"/probe.new*
fi
