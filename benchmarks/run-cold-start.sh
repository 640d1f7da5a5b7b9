#!/usr/bin/env bash
# Issues 5 and 16's cold-start benchmark: builds every function's deployment jar, the three baselines, the SDK
# probe and the harness, then starts each one as Lambda does (see docs/PERFORMANCE.md). Options go to the
# harness, e.g.
#   benchmarks/run-cold-start.sh               # the full run: 5 cold starts each, 9 primed and 9 restored JVMs
#   benchmarks/run-cold-start.sh --quick       # 2 cold starts each, 2 primed and 2 restored JVMs, for CI
#   benchmarks/run-cold-start.sh --help        # all options
# SKIP_BUILD=1 reuses the jars already built; MVN_OFFLINE=-o builds without the network (Maven resolves what it
# lacks otherwise, so a clean clone with an empty repository works). The report goes to stdout, progress to
# stderr.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  modules=benchmarks/baseline-noop,benchmarks/baseline-sdk,benchmarks/baseline-lean,benchmarks/sdk-probe,benchmarks/cold-start
  for pom in "$repo"/functions/*/pom.xml; do
    modules="$modules,functions/$(basename "$(dirname "$pom")")"
  done
  (cd "$repo" && mvn -q -B ${MVN_OFFLINE:-} -pl "$modules" -am package -DskipTests) >&2
fi
exec "$JAVA_HOME/bin/java" -jar "$here/cold-start/target/cold-start.jar" --repo "$repo" "$@"
