#!/usr/bin/env bash
# The evaluation of a place (counts in place, 200 m buffer and comparison area before/after, DiD, WDQ) over
# 1,000,000 reports (goal < 300 ms), on SiPa's own embedded PostgreSQL; prints the machine's load before and after.
source "$(dirname "$0")/lib.sh"
machine_info
cd "$PROJECT_DIR"
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
java -Xms512m -Xmx2g -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
    de.sipa.places.PlaceEffectBenchmark
echo "load:    $(load_now) (1/5/15 min, after)"
