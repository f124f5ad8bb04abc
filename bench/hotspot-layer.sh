#!/usr/bin/env bash
# The hotspot map layer over HTTP (issue #12: "the hotspot map layer for a viewport p95 < 200 ms"): starts the jar on
# a throwaway data directory (demo profile: Musterstadt with its district boundaries), adds reports with places as
# bench/reports.sh does (bench/sql/seed-reports.sql: spread over 48.745–48.795, 9.145–9.245, the last two years), then
# bench/hotspot_layer.py times GET /lagebild/hotspots.geojson of the last twelve months at 100 m cells as the
# coordinator, for 1 and 2 km² viewports (bbox) and the whole city. Prints figures and the machine's load; asserts
# nothing.
#
# Usage: bench/hotspot-layer.sh [--no-build] [--reports N] [--requests N] [--warmup N]
#   --no-build    use the existing target/sipa-*.jar
#   --reports N   reports to add (default 200000)
#   --requests N  measured requests per kind (default 50), after --warmup N (default 5)
# Environment: SIPA_BENCH_LAYER_PORT (HTTP, default 18086), SIPA_BENCH_DB_PORT, SIPA_BENCH_DATA (keep the seeded
#              data directory there and reuse it).

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

REPORTS=200000
REQUESTS=50
WARMUP=5
while [[ $# -gt 0 ]]; do
    case "$1" in
        --no-build) SKIP_BUILD=1 ;;
        --reports) REPORTS="$2"; shift ;;
        --requests) REQUESTS="$2"; shift ;;
        --warmup) WARMUP="$2"; shift ;;
        -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
        *) log "unknown option $1"; exit 2 ;;
    esac
    shift
done

PORT="${SIPA_BENCH_LAYER_PORT:-18086}"
require_free_port "$PORT" SIPA_BENCH_LAYER_PORT

bench_init
build_jar
cpu_monitor_start
DB_PORT="${SIPA_BENCH_DB_PORT:-$(free_port)}"
DATA="${SIPA_BENCH_DATA:-$BENCH_TMP/hotspot-layer/postgres}"

echo "== SiPa hotspot layer benchmark, $(date '+%Y-%m-%d %H:%M %Z') =="
echo "jar:     ${JAR#"$PROJECT_DIR"/}"
machine_info
echo

seeded=0
[[ -f "$DATA/PG_VERSION" ]] && seeded=1
start_demo_instance "$DATA" "$PORT"
wait_until "SELECT (SELECT count(*) FROM reports_report) > 0"
if [[ "$seeded" == 0 ]]; then
    log "Adding $REPORTS reports (bench/sql/seed-reports.sql) ..."
    t0="$(now_ns)"
    sql -v reports="$REPORTS" -f "$BENCH_DIR/sql/seed-reports.sql" >/dev/null
    echo "seeded $REPORTS reports in $(seconds_since "$t0") s (incl. events and VACUUM ANALYZE)"
else
    echo "reusing the data directory $DATA"
fi
read -r FROM TO < <(value "SELECT to_char(current_date - 364, 'YYYY-MM-DD'), to_char(current_date, 'YYYY-MM-DD')" | tr '|' ' ')
echo "data:    $(value "SELECT count(*) || ' reports, ' || count(*) FILTER (WHERE latitude IS NOT NULL
                       AND submitted_at >= current_date - 364) || ' with a place in the last twelve months'
                       FROM reports_report")"
echo "area:    $(value "SELECT count(*) || ' districts with a boundary' FROM partners_district d
                       JOIN partners_partnership p ON p.id = d.partnership_id
                       WHERE p.slug = 'musterstadt' AND d.boundary IS NOT NULL")"
echo
echo "-- GET /lagebild/hotspots.geojson; load before: $(load_now)"
python3 "$BENCH_DIR/hotspot_layer.py" --port "$PORT" --from-date "$FROM" --to-date "$TO" \
    --requests "$REQUESTS" --warmup "$WARMUP"
echo "  load after: $(load_now)"
echo
echo "goal: the hotspot map layer for a viewport p95 < 200 ms"
echo "load:    $(load_now) at the end"
cpu_report
