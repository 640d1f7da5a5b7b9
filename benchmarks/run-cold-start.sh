#!/usr/bin/env bash
# Issue 5's cold-start benchmark: builds every function's deployment jar, the two baselines and the harness,
# then starts each one as Lambda does (see docs/PERFORMANCE.md). Options go to the harness, e.g.
#   benchmarks/run-cold-start.sh               # 5 cold starts each, SnapStart stand-in 3 × (1 + 10 calls)
#   benchmarks/run-cold-start.sh --quick       # 2 cold starts each, for CI
#   benchmarks/run-cold-start.sh --help        # all options
# SKIP_BUILD=1 reuses the jars already built. The report goes to stdout, progress to stderr.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  modules=benchmarks/baseline-noop,benchmarks/baseline-sdk,benchmarks/cold-start
  for pom in "$repo"/functions/*/pom.xml; do
    modules="$modules,functions/$(basename "$(dirname "$pom")")"
  done
  (cd "$repo" && mvn -q ${MVN_OFFLINE--o} -pl "$modules" -am package -DskipTests) >&2
fi
exec "$JAVA_HOME/bin/java" -jar "$here/cold-start/target/cold-start.jar" --repo "$repo" "$@"
