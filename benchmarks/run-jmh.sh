#!/usr/bin/env bash
# JMH benchmarks of the hot paths (token pair, token verification, Argon2id hash and verify), each under
# C1 only (Lambda's default) and full tiered compilation. Arguments go to JMH, e.g.
#   benchmarks/run-jmh.sh                      # everything (about 3 minutes)
#   benchmarks/run-jmh.sh 'C1Only.argon2'      # a subset, by regular expression
#   benchmarks/run-jmh.sh -rf json -rff jmh.json
# SKIP_BUILD=1 reuses the jar already built.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  (cd "$repo" && mvn -q ${MVN_OFFLINE--o} -pl benchmarks/jmh -am package -DskipTests) >&2
fi
exec "$JAVA_HOME/bin/java" -jar "$here/jmh/target/jmh-benchmarks.jar" "$@"
