#!/usr/bin/env bash
# Patrol roster benchmark (issue #6: "Roster of a year with 2,000 patrols renders < 200 ms").
# Starts the jar on a throwaway data directory (demo profile: Musterstadt with its patrol plan), adds a year of
# 2,000 patrols with their crews with psql (bench/sql/seed-patrols.sql), then times GET /patrols?year=… (the whole
# year, all organisations and the police only) and one week as the coordinator (bench/patrol_roster.py).
# Prints figures, asserts nothing.
#
# Usage: bench/patrol-roster.sh [--no-build] [--patrols N] [--year YYYY] [--requests N] [--warmup N]
#   --no-build     use the existing target/sipa-*.jar
#   --patrols N    patrols in the year (default 2000), --year YYYY (default: next year)
#   --requests N   measured requests per page (default 50), --warmup N (default 10)
# Environment: SIPA_BENCH_ROSTER_PORT (HTTP, default 18084), SIPA_BENCH_DB_PORT (default: a free one),
#              JAVA_OPTS (extra JVM options of the jar).

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PATROLS=2000
YEAR=$(( $(date +%Y) + 1 ))
REQUESTS=50
WARMUP=10
while [[ $# -gt 0 ]]; do
    case "$1" in
        --no-build) SKIP_BUILD=1 ;;
        --patrols) PATROLS="$2"; shift ;;
        --year) YEAR="$2"; shift ;;
        --requests) REQUESTS="$2"; shift ;;
        --warmup) WARMUP="$2"; shift ;;
        -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
        *) log "unknown option $1"; exit 2 ;;
    esac
    shift
done

PORT="${SIPA_BENCH_ROSTER_PORT:-18084}"
require_free_port "$PORT" SIPA_BENCH_ROSTER_PORT

bench_init
build_jar
cpu_monitor_start
DB_PORT="${SIPA_BENCH_DB_PORT:-$(free_port)}"
DATA="$BENCH_TMP/roster/postgres"

echo "== SiPa patrol roster benchmark, $(date '+%Y-%m-%d %H:%M %Z') =="
echo "jar:     ${JAR#"$PROJECT_DIR"/}"
machine_info
echo

start_demo_instance "$DATA" "$PORT"
wait_until "SELECT count(*) > 0 FROM operations_patrol"

log "Adding $PATROLS patrols in $YEAR (bench/sql/seed-patrols.sql) ..."
t0="$(now_ns)"
sql -v year="$YEAR" -v patrols="$PATROLS" -f "$BENCH_DIR/sql/seed-patrols.sql" >/dev/null
echo "seeded in $(seconds_since "$t0") s (incl. VACUUM ANALYZE)"
echo "data:    $(value "SELECT count(*) || ' patrols in $YEAR (' || count(*) FILTER (WHERE cancelled) || ' cancelled), '
                       || (SELECT count(*) FROM operations_patrol_duty d JOIN operations_patrol p ON p.id = d.patrol_id
                           WHERE extract(year FROM p.day) = $YEAR) || ' people on duty'
                       FROM operations_patrol WHERE extract(year FROM day) = $YEAR")"
POLICE="$(value "SELECT o.id FROM partners_organisation o JOIN partners_partnership p ON p.id = o.partnership_id
                 WHERE p.slug = 'musterstadt' AND o.name = 'Polizeipräsidium Musterstadt'")"

echo
echo "-- GET /patrols as 'koordination', one at a time ($WARMUP warm-up + $REQUESTS measured per page); load before: $(load_now)"
(cd "$BENCH_DIR" && python3 patrol_roster.py --port "$PORT" --year "$YEAR" --organisation "$POLICE" \
    --requests "$REQUESTS" --warmup "$WARMUP")
echo
echo "goal:    roster of a year with 2,000 patrols < 200 ms"
echo "load:    $(load_now) at the end"
cpu_report
