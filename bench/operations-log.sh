#!/usr/bin/env bash
# Operations log benchmark (issue #6: with 20 concurrent writers and 100 viewers a new entry reaches the viewers in
# < 1 s). Starts the jar on a throwaway data directory (demo profile), takes the demo's flood event (its plan
# involves the police and the Ordnungsamt, whose demo accounts write together with the coordination), then runs
# bench/operations_log.py: writers POST entries, viewers poll the entries after the last one they have, as the page
# does with htmx; prints the delay from sending an entry to reading it at each viewer (p50/p95/max), the
# latencies of writing and polling, the database statements behind them and the CPU used. Asserts nothing.
#
# Usage: bench/operations-log.sh [--no-build] [--writers N] [--viewers N] [--interval S] [--write-every S]
#                                [--duration S] [--warmup S]
#   --interval S     viewers' polling interval (default 0.5, as the page; sipa.operations.log-poll-interval)
#   --write-every S  seconds between two entries of one writer, on average (default 2: 10 entries/s in all)
# Environment: SIPA_BENCH_LOG_PORT (HTTP, default 18084), SIPA_BENCH_DB_PORT (default: a free one), JAVA_OPTS.

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

WRITERS=20
VIEWERS=100
INTERVAL=0.5
WRITE_EVERY=2
DURATION=60
WARMUP=10
while [[ $# -gt 0 ]]; do
    case "$1" in
        --no-build) SKIP_BUILD=1 ;;
        --writers) WRITERS="$2"; shift ;;
        --viewers) VIEWERS="$2"; shift ;;
        --interval) INTERVAL="$2"; shift ;;
        --write-every) WRITE_EVERY="$2"; shift ;;
        --duration) DURATION="$2"; shift ;;
        --warmup) WARMUP="$2"; shift ;;
        -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
        *) log "unknown option $1"; exit 2 ;;
    esac
    shift
done

PORT="${SIPA_BENCH_LOG_PORT:-18084}"
require_free_port "$PORT" SIPA_BENCH_LOG_PORT

bench_init
build_jar
cpu_monitor_start
DB_PORT="${SIPA_BENCH_DB_PORT:-$(free_port)}"
DATA="$BENCH_TMP/operations-log/postgres"

echo "== SiPa operations log benchmark, $(date '+%Y-%m-%d %H:%M %Z') =="
echo "jar:     ${JAR#"$PROJECT_DIR"/}"
machine_info
echo

POLL="--sipa.operations.log-poll-interval=$(awk -v s="$INTERVAL" 'BEGIN { printf "%dms", s * 1000 }')"
start_demo_instance "$DATA" "$PORT" "$POLL"
for _ in $(seq 1 600); do
    [[ "$(value "SELECT count(*) > 0 FROM operations_event WHERE type = 'FLOOD'" 2>/dev/null)" == t ]] && break
    sleep 0.1
done
restart_with_pg_stat_statements "$DATA" "$PORT" "$POLL"
sql -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements"
EVENT="$(value "SELECT id FROM operations_event WHERE type = 'FLOOD' LIMIT 1")"
echo "event:   $(value "SELECT name || ' (' || (SELECT count(*) FROM operations_log_entry WHERE event_id = '$EVENT')
                        || ' log entries before)' FROM operations_event WHERE id = '$EVENT'")"

echo
echo "-- 1. $WRITERS writers and $VIEWERS viewers on one event's log; load before: $(load_now)"
reset_statements
python3 "$BENCH_DIR/operations_log.py" --port "$PORT" --event "$EVENT" --writers "$WRITERS" --viewers "$VIEWERS" \
    --interval "$INTERVAL" --write-every "$WRITE_EVERY" --duration "$DURATION" --warmup "$WARMUP"
echo "  load after: $(load_now)"

echo
echo "-- 2. database statements during the run (pg_stat_statements)"
top_statements 6 | sed 's/^/  /'
echo
cpu_report
