#!/usr/bin/env bash
# Places map benchmark (issue #13: "the places map with 500 places p95 < 200 ms").
# Starts the jar on a throwaway data directory (demo profile: Musterstadt), adds 500 places over the city with psql
# (bench/sql/seed-places.sql), then times GET /orte.geojson?bbox=… for the whole city (every place) and a 1 km²
# viewport, and the export of every place, as the coordinator (bench/places_map.py). Prints figures, asserts nothing.
#
# Usage: bench/places-map.sh [--no-build] [--places N] [--requests N] [--warmup N]
#   --no-build     use the existing target/sipa-*.jar
#   --places N     places to add (default 500)
#   --requests N   measured requests per viewport (default 50), --warmup N (default 10)
# Environment: SIPA_BENCH_PLACES_PORT (HTTP, default 18086), SIPA_BENCH_DB_PORT (default: a free one),
#              JAVA_OPTS (extra JVM options of the jar), SIPA_BENCH_START_SECONDS (how long to wait for the start;
#              default 180 s for the login page, 120 s for the demo).

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PLACES=500
REQUESTS=50
WARMUP=10
while [[ $# -gt 0 ]]; do
    case "$1" in
        --no-build) SKIP_BUILD=1 ;;
        --places) PLACES="$2"; shift ;;
        --requests) REQUESTS="$2"; shift ;;
        --warmup) WARMUP="$2"; shift ;;
        -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
        *) log "unknown option $1"; exit 2 ;;
    esac
    shift
done

PORT="${SIPA_BENCH_PLACES_PORT:-18086}"
require_free_port "$PORT" SIPA_BENCH_PLACES_PORT

bench_init
build_jar
cpu_monitor_start
DB_PORT="${SIPA_BENCH_DB_PORT:-$(free_port)}"
DATA="$BENCH_TMP/places/postgres"

echo "== SiPa places map benchmark, $(date '+%Y-%m-%d %H:%M %Z') =="
echo "jar:     ${JAR#"$PROJECT_DIR"/}"
machine_info
echo

start_demo_instance "$DATA" "$PORT"
wait_until "SELECT count(*) > 0 FROM reports_report"

log "Adding $PLACES places (bench/sql/seed-places.sql) ..."
t0="$(now_ns)"
sql -v places="$PLACES" -f "$BENCH_DIR/sql/seed-places.sql" >/dev/null
echo "seeded in $(seconds_since "$t0") s (incl. VACUUM ANALYZE)"
echo "data:    $(value "SELECT count(*) || ' places' FROM places_place")"

echo
echo "-- GET /orte.geojson as 'koordination', one at a time ($WARMUP warm-up + $REQUESTS measured each); load before: $(load_now)"
(cd "$BENCH_DIR" && python3 places_map.py --port "$PORT" --requests "$REQUESTS" --warmup "$WARMUP")
echo
echo "goal:    the places map with 500 places p95 < 200 ms"
echo "load:    $(load_now) at the end"
cpu_report
