#!/usr/bin/env bash
# The results of one survey wave with 100,000 responses (about 2.6 million answers): counts and shares per question,
# unweighted and raked, a cross table and the sense-of-security trend (goal: results < 1 s), on SiPa's own embedded
# PostgreSQL; prints the machine's load before and after. A smaller run: bench/survey-results.sh 2000
source "$(dirname "$0")/lib.sh"
machine_info
cd "$PROJECT_DIR"
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
java -Xms512m -Xmx2g -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
    de.sipa.surveys.SurveyResultsBenchmark "${1:-100000}"
echo "load:    $(load_now) (1/5/15 min, after)"
