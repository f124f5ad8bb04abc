#!/usr/bin/env bash
# The full annual report of a year (every chapter for the year and the year before, the years compared, hotspots,
# PDF and HTML) over 1,000,000 reports, 5,000 patrols and 200 projects (goal < 30 s and < 1 GiB heap), on SiPa's own
# embedded PostgreSQL; the JVM gets 1 GiB of heap at most. Prints the machine's load before and after.
source "$(dirname "$0")/lib.sh"
machine_info
cd "$PROJECT_DIR"
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
java -Xms256m -Xmx1g -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
    de.sipa.annualreport.AnnualReportBenchmark
echo "load:    $(load_now) (1/5/15 min, after)"
