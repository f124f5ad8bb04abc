#!/usr/bin/env bash
# Calendar feed benchmark (issue: "Calendar feed for a user with 5 years of meetings renders < 100 ms").
# Starts the jar on a throwaway data directory (demo profile: Musterstadt), adds five years of meetings with
# agenda and action items with psql (bench/sql/seed-meetings.sql), restarts once with pg_stat_statements, then:
#   1. GET /kalender/{token}.ics one at a time for 'polizei' (the bodies the police sit in) and 'koordination'
#      (the coordinator sees all bodies) (bench/calendar_feed.py); size and VEVENTs of the answer
#   2. the database statements per feed (pg_stat_statements, measured requests only)
#   3. EXPLAIN ANALYZE of the feed's big queries (bench/sql/explain-calendar-feed.sql)
# Prints figures, asserts nothing.
#
# Usage: bench/calendar-feed.sh [--no-build] [--years N] [--requests N] [--warmup N] [--plans]
#   --no-build     use the existing target/sipa-*.jar
#   --years N      years of meetings (default 5: four back, one ahead)
#   --requests N   measured requests per account (default 50), --warmup N (default 10)
#   --plans        complete EXPLAIN output instead of a summary
# Environment: SIPA_BENCH_CALENDAR_PORT (HTTP, default 18083), SIPA_BENCH_DB_PORT (default: a free one),
#              JAVA_OPTS (extra JVM options of the jar).

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

YEARS=5
REQUESTS=50
WARMUP=10
PLANS=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        --no-build) SKIP_BUILD=1 ;;
        --years) YEARS="$2"; shift ;;
        --requests) REQUESTS="$2"; shift ;;
        --warmup) WARMUP="$2"; shift ;;
        --plans) PLANS=1 ;;
        -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
        *) log "unknown option $1"; exit 2 ;;
    esac
    shift
done

PORT="${SIPA_BENCH_CALENDAR_PORT:-18083}"
require_free_port "$PORT" SIPA_BENCH_CALENDAR_PORT

bench_init
build_jar
cpu_monitor_start
DB_PORT="${SIPA_BENCH_DB_PORT:-$(free_port)}"
DATA="$BENCH_TMP/calendar/postgres"

echo "== SiPa calendar feed benchmark, $(date '+%Y-%m-%d %H:%M %Z') =="
echo "jar:     ${JAR#"$PROJECT_DIR"/}"
machine_info
echo

start_demo_instance "$DATA" "$PORT"
# The demo meetings are added by a later runner: wait for them.
wait_until "SELECT count(*) > 0 FROM meetings_meeting"

log "Adding $YEARS years of meetings (bench/sql/seed-meetings.sql) ..."
t0="$(now_ns)"
sql -v years="$YEARS" -f "$BENCH_DIR/sql/seed-meetings.sql" >/dev/null
echo "seeded in $(seconds_since "$t0") s (incl. VACUUM ANALYZE)"
restart_with_pg_stat_statements "$DATA" "$PORT"
sql -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements"

PARTNERSHIP="$(value "SELECT id FROM partners_partnership WHERE slug = 'musterstadt'")"
echo "data:    $(value "SELECT count(*) || ' meetings (' || count(*) FILTER (WHERE partnership_id = '$PARTNERSHIP')
                       || ' in Musterstadt, ' || count(*) FILTER (WHERE partnership_id = '$PARTNERSHIP'
                       AND body_id IN (SELECT m.body_id FROM partners_membership m JOIN partners_person p ON p.id = m.person_id
                       JOIN identity_account a ON a.organisation_id = p.organisation_id WHERE a.username = 'polizei'
                       AND (m.ends_on IS NULL OR m.ends_on >= current_date))) || ' of bodies the police sit in), '
                       || (SELECT count(*) FROM meetings_agenda_item) || ' agenda items, '
                       || (SELECT count(*) FROM meetings_action_item) || ' action items ('
                       || (SELECT count(*) FROM meetings_action_item WHERE status IN ('OPEN', 'IN_PROGRESS')
                           AND partnership_id = '$PARTNERSHIP') || ' open in Musterstadt, '
                       || (SELECT count(*) FROM meetings_action_item a JOIN identity_account i ON i.organisation_id = a.owner_id
                           WHERE i.username = 'polizei' AND a.status IN ('OPEN', 'IN_PROGRESS')) || ' of them the police''s)'
                       FROM meetings_meeting")"

token() { value "SELECT token FROM meetings_calendar_feed f JOIN identity_account a ON a.id = f.account_id WHERE a.username = '$1'"; }

echo
echo "-- 1. GET /kalender/{token}.ics, one at a time ($WARMUP warm-up + $REQUESTS measured per account; 'due' ="
echo "      action items' due dates, VEVENTs too); load before: $(load_now)"
# the first request of each feed is not one of the figures (run-all.sh would record it next to the measured ones)
SIPA_BENCH_RECORD="" python3 "$BENCH_DIR/calendar_feed.py" --port "$PORT" --requests 1 --warmup 0 \
    --token "polizei=$(token polizei)" --token "koordination=$(token koordination)" >/dev/null
reset_statements
python3 "$BENCH_DIR/calendar_feed.py" --port "$PORT" --requests "$REQUESTS" --warmup "$WARMUP" \
    --token "polizei=$(token polizei)" --token "koordination=$(token koordination)"
echo "  load after: $(load_now)"

echo
echo "-- 2. database statements of the $(( 2 * (WARMUP + REQUESTS) )) feeds above (pg_stat_statements)"
echo "  statements in all: $(value "SELECT sum(calls) || ' calls, ' || round(sum(total_exec_time)::numeric) || ' ms'
                                    FROM pg_stat_statements WHERE query !~* 'pg_stat_statements'")"
top_statements 8 | sed 's/^/  /'

echo
echo "-- 3. EXPLAIN ANALYZE (bench/sql/explain-calendar-feed.sql, copies of the SQL in MeetingRepository)"
plans="$(sql -v partnership="$PARTNERSHIP" -f "$BENCH_DIR/sql/explain-calendar-feed.sql" 2>&1)"
if [[ "$PLANS" == 1 ]]; then echo "$plans"; else echo "$plans" | plan_summary; fi

echo
echo "goal:    feed for a user with 5 years of meetings < 100 ms"
echo "load:    $(load_now) at the end"
cpu_report
