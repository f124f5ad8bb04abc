#!/usr/bin/env bash
# Public website benchmark (issue #16: "public pages p95 < 100 ms").
# Starts the jar on a throwaway data directory (demo profile: Musterstadt with its news, places, prevention projects
# and published annual report), then times the public pages without login, one request at a time: the home page,
# the news, the news feed (Atom), the prevention projects, the places, the annual reports, the open reports as a list
# and a published report (bench/public_website.py). Prints figures, asserts nothing.
#
# Usage: bench/public-website.sh [--no-build] [--requests N] [--warmup N]
#   --no-build     use the existing target/sipa-*.jar
#   --requests N   measured requests per page (default 100), --warmup N (default 20)
# Environment: SIPA_BENCH_WEBSITE_PORT (HTTP, default 18087), SIPA_BENCH_DB_PORT (default: a free one),
#              JAVA_OPTS (extra JVM options of the jar), SIPA_BENCH_START_SECONDS (how long to wait for the start;
#              default 180 s for the login page, 120 s for the demo).

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

REQUESTS=100
WARMUP=20
timed_requests_options "$@"

PORT="${SIPA_BENCH_WEBSITE_PORT:-18087}"
require_free_port "$PORT" SIPA_BENCH_WEBSITE_PORT

bench_init
build_jar
cpu_monitor_start
DB_PORT="${SIPA_BENCH_DB_PORT:-$(free_port)}"
DATA="$BENCH_TMP/website/postgres"

echo "== SiPa public website benchmark, $(date '+%Y-%m-%d %H:%M %Z') =="
echo "jar:     ${JAR#"$PROJECT_DIR"/}"
machine_info
echo

start_demo_instance "$DATA" "$PORT"
# The annual reports are generated in the background after the demo loads: wait for the published one.
wait_until "SELECT EXISTS (SELECT 1 FROM annualreport_generation WHERE published)"
echo "data:    $(value "SELECT (SELECT count(*) FROM website_post WHERE status = 'PUBLISHED') || ' published news, '
                     || (SELECT count(*) FROM places_place WHERE published) || ' published places, '
                     || (SELECT count(*) FROM prevention_project WHERE published) || ' published projects'" \
                 2>/dev/null || echo '(counts not available)')"

echo
echo "-- GET the public pages without login, one at a time ($WARMUP warm-up + $REQUESTS measured each); load before: $(load_now)"
(cd "$BENCH_DIR" && python3 public_website.py --port "$PORT" --requests "$REQUESTS" --warmup "$WARMUP")
echo
echo "goal:    public pages p95 < 100 ms"
echo "load:    $(load_now) at the end"
cpu_report
