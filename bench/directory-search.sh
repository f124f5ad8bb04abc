#!/usr/bin/env bash
# Directory search benchmark: GET /directory over HTTP with 10,000 additional people in the database.
# Starts the jar on a throwaway data directory (demo profile), adds the people with psql, restarts once so that
# PostgreSQL loads pg_stat_statements, logs in as 'koordination' and times a mix of searches one at a time
# (bench/directory_search.py). Then shows how much of that time the database spent (pg_stat_statements) and
# EXPLAIN ANALYZE of the text search. Prints figures, asserts nothing.
#
# Usage: bench/directory-search.sh [--no-build] [--people N] [--requests N] [--warmup N] [--plans] [--trgm]
#   --no-build    use the existing target/sipa-*.jar (also: SKIP_BUILD=1)
#   --people N    people to add (default 10000; Musterstadt itself has 60)
#   --requests N  measured requests per query kind (default 200), --warmup N unmeasured ones first (default 20)
#   --plans       print the complete EXPLAIN ANALYZE plans instead of a summary
#   --trgm        also run the pg_trgm experiment (bench/sql/experiment-trgm.sql; rolled back, changes nothing)
# Environment: SIPA_BENCH_SEARCH_PORT (HTTP, default 18081), SIPA_BENCH_DB_PORT (default: a free one),
#              JAVA_OPTS (extra JVM options).

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PEOPLE=10000
REQUESTS=200
WARMUP=20
PLANS=0
TRGM=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        --no-build) SKIP_BUILD=1 ;;
        --people) PEOPLE="$2"; shift ;;
        --requests) REQUESTS="$2"; shift ;;
        --warmup) WARMUP="$2"; shift ;;
        --plans) PLANS=1 ;;
        --trgm) TRGM=1 ;;
        -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
        *) log "unknown option $1"; exit 2 ;;
    esac
    shift
done

PORT="${SIPA_BENCH_SEARCH_PORT:-18081}"
require_free_port "$PORT" SIPA_BENCH_SEARCH_PORT

bench_init
build_jar
cpu_monitor_start
DB_PORT="${SIPA_BENCH_DB_PORT:-$(free_port)}"
DATA="$BENCH_TMP/search/postgres"


# Condenses EXPLAIN ANALYZE output: section titles, plan nodes with their timings, rows removed by filters and
# execution times; leaves out conditions, buffers and the per-row subplans (bodies and districts of a person).
plan_summary() {
    awk 'BEGIN { skip = -1 }
        { match($0, /^ */); indent = RLENGTH }
        skip >= 0 && indent > skip { next }
        { skip = -1 }
        /^--- / { print; next }
        /^ *SubPlan/ { skip = indent; next }
        /^ *InitPlan|\(actual|never executed|Rows Removed by|Execution Time/ { print }'
    echo "(summary; --plans prints the complete plans)"
}

echo "== SiPa directory search benchmark, $(date '+%Y-%m-%d %H:%M %Z') =="
echo "jar:     ${JAR#"$PROJECT_DIR"/}"
machine_info
echo

log "Starting SiPa (HTTP $PORT, PostgreSQL $DB_PORT) on an empty data directory ..."
app_start "$DATA" "$PORT" --sipa.database.port="$DB_PORT"
wait_for_login_page "$PORT" 180 >/dev/null
wait_for_log_line "Musterstadt demo ready" 120 >/dev/null

log "Adding $PEOPLE people ..."
t0="$(now_ns)"
sql -v people="$PEOPLE" -f "$BENCH_DIR/sql/seed-directory-people.sql" >/dev/null
echo "seeded $PEOPLE people in $(awk -v ms="$(ms_between "$t0" "$(now_ns)")" 'BEGIN { printf "%.1f", ms / 1000 }') s:" \
    "$(value "SELECT count(*) || ' people, ' || (SELECT count(*) FROM partners_person_district) || ' district links, '
              || (SELECT count(*) FROM partners_membership) || ' memberships' FROM partners_person")"

log "Restarting with pg_stat_statements ..."
sql -c "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'"
app_stop
app_start "$DATA" "$PORT" --sipa.database.port="$DB_PORT"
wait_for_login_page "$PORT" 180 >/dev/null
sql -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements"

PARTNERSHIP="$(value "SELECT id FROM partners_partnership WHERE slug = 'musterstadt'")"
ORGANISATION="$(value "SELECT id FROM partners_organisation WHERE name = 'Polizeipräsidium Musterstadt'")"
BODY="$(value "SELECT id FROM partners_body WHERE short_name = 'KK' AND partnership_id = '$PARTNERSHIP'")"
DISTRICT="$(value "SELECT id FROM partners_district WHERE name = 'Mitte' AND partnership_id = '$PARTNERSHIP'")"

echo
echo "-- HTTP: GET /directory as 'koordination' (organisation: Polizeipräsidium, body: Koordinierungskreis," \
    "district: Mitte; 25 per page); load before: $(load_now)"
python3 "$BENCH_DIR/directory_search.py" --port "$PORT" --organisation "$ORGANISATION" --body "$BODY" \
    --district "$DISTRICT" --requests "$REQUESTS" --warmup "$WARMUP" \
    --before-measuring "PGPASSWORD=$(db_password) psql -X -q -h localhost -p $DB_PORT -U postgres -d postgres -c 'SELECT pg_stat_statements_reset()'"
echo "load after: $(load_now)"

echo
echo "-- Database time of the measured requests (pg_stat_statements; statements with different parameter types"
echo "   - e.g. text search given or not - are counted separately):"
sql -P footer=off -c "
    SELECT calls, round(mean_exec_time::numeric, 2) AS mean_ms, round(total_exec_time::numeric) AS total_ms,
           left(regexp_replace(query, '\s+', ' ', 'g'), 90) AS statement
    FROM pg_stat_statements
    WHERE query !~* 'pg_stat_statements'
    ORDER BY total_exec_time DESC LIMIT 10"
total_requests=$(( REQUESTS * 8 ))
echo "SQL execution time per measured request (mean over all $total_requests):" \
    "$(value "SELECT round((sum(total_exec_time) / $total_requests)::numeric, 1) || ' ms'
              FROM pg_stat_statements WHERE query !~* 'pg_stat_statements'")"

echo
echo "-- EXPLAIN ANALYZE of the directory search for text 'schm' (bench/sql/explain-directory-search.sql)"
plans="$(sql -v partnership="$PARTNERSHIP" -v pattern='%schm%' -f "$BENCH_DIR/sql/explain-directory-search.sql" 2>&1)"
if [[ "$PLANS" == 1 ]]; then
    echo "$plans"
else
    echo "$plans" | plan_summary
fi

if [[ "$TRGM" == 1 ]]; then
    echo
    echo "-- Experiment: pg_trgm (bench/sql/experiment-trgm.sql, rolled back)"
    experiment="$(sql -v partnership="$PARTNERSHIP" -f "$BENCH_DIR/sql/experiment-trgm.sql" 2>&1)"
    if [[ "$PLANS" == 1 ]]; then
        echo "$experiment"
    else
        echo "$experiment" | plan_summary
    fi
fi
echo
echo "goal: search p95 < 50 ms"
echo "load:    $(load_now) at the end"
cpu_report
