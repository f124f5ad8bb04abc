#!/usr/bin/env bash
# OParl paging benchmark (issue #5: "OParl paging over 100,000 papers p95 < 100 ms per page").
# Starts the jar on a throwaway data directory (demo profile: Musterstadt), adds 111,112 decisions of which
# 100,000 are public OParl papers (bench/sql/seed-papers.sql), restarts once with pg_stat_statements, then walks
# lists from their first page along links.next as a harvesting client does (bench/oparl_papers.py), one page at a
# time, and prints the time per page and the database statements behind it. Prints figures, asserts nothing.
#
# Usage: bench/oparl-papers.sh [--no-build] [--papers N]
#   --no-build     use the existing target/sipa-*.jar
#   --papers N     public papers to add (default 100000)
# Environment: SIPA_BENCH_OPARL_PORT (HTTP, default 18085), SIPA_BENCH_DB_PORT (default: a free one),
#              JAVA_OPTS (extra JVM options of the jar).

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PAPERS=100000
while [[ $# -gt 0 ]]; do
    case "$1" in
        --no-build) SKIP_BUILD=1 ;;
        --papers) PAPERS="$2"; shift ;;
        -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
        *) log "unknown option $1"; exit 2 ;;
    esac
    shift
done

PORT="${SIPA_BENCH_OPARL_PORT:-18085}"
require_free_port "$PORT" SIPA_BENCH_OPARL_PORT

bench_init
build_jar
cpu_monitor_start
DB_PORT="${SIPA_BENCH_DB_PORT:-$(free_port)}"
DATA="$BENCH_TMP/oparl/postgres"

echo "== SiPa OParl paging benchmark, $(date '+%Y-%m-%d %H:%M %Z') =="
echo "jar:     ${JAR#"$PROJECT_DIR"/}"
machine_info
echo

start_demo_instance "$DATA" "$PORT"
wait_until "SELECT count(*) > 0 FROM meetings_decision"

log "Adding decisions (bench/sql/seed-papers.sql) ..."
t0="$(now_ns)"
sql -v papers="$PAPERS" -f "$BENCH_DIR/sql/seed-papers.sql" >/dev/null
echo "seeded in $(seconds_since "$t0") s (incl. VACUUM ANALYZE)"
restart_with_pg_stat_statements "$DATA" "$PORT"
sql -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements"
echo "data:    $(value "SELECT count(*) || ' decisions (' || count(*) FILTER (WHERE NOT coalesce(a.confidential, false))
                       || ' public), ' || (SELECT count(*) FROM meetings_meeting) || ' meetings, '
                       || (SELECT count(*) FROM meetings_agenda_item) || ' agenda items'
                       FROM meetings_decision d LEFT JOIN meetings_agenda_item a ON a.id = d.agenda_item_id")"

BODY=/oparl/v1.1/bodies/musterstadt
python3 "$BENCH_DIR/oparl_papers.py" --port "$PORT" --list "warm-up=$BODY/papers?elementsPerPage=500" >/dev/null
reset_statements
echo
echo "-- 1. walking lists page by page along links.next (load before: $(load_now))"
python3 "$BENCH_DIR/oparl_papers.py" --port "$PORT" \
    --list "papers=$BODY/papers" \
    --list "papers, 500 per page=$BODY/papers?elementsPerPage=500" \
    --list "papers modified since 2019=$BODY/papers?modified_since=2019-01-01T00%3A00%3A00%2B01%3A00" \
    --list "consultations=$BODY/consultations" \
    --list "agenda items=$BODY/agenda-items" \
    --list "meetings, 10 per page=$BODY/meetings?elementsPerPage=10"
echo "  load after: $(load_now)"

echo
echo "-- 2. database statements of the walks above (pg_stat_statements)"
top_statements 6 | sed 's/^/  /'

echo
echo "goal:    OParl paging over 100,000 papers p95 < 100 ms per page"
echo "load:    $(load_now) at the end"
cpu_report
