#!/usr/bin/env bash
# Runs a benchmark main class from the test sources: bench/java-main.sh de.sipa.responsibilities.WhoLeadsBenchmark
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java -Xms1g -Xmx4g -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" "$@"
