#!/usr/bin/env bash
# Gi* and the kernel density over 1,000,000 places on 100 km² at 100 m cells (goal < 3 s, < 1 GiB heap): the
# engine in a JVM limited to a 1 GiB heap, without the database; prints the machine's load before and after.
source "$(dirname "$0")/lib.sh"
machine_info
cd "$PROJECT_DIR"
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
java -Xms1g -Xmx1g -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
    de.sipa.situation.HotspotBenchmark
echo "load:    $(load_now) (1/5/15 min, after)"
