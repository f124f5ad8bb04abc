#!/usr/bin/env bash
# Signed-in crowd benchmark (#19: other paths at high concurrency). The operations log lost every pooled
# connection under 120 clients (bench/README.md, 2026-12-05) because each request's first access held a connection
# while finding its user took a second one; this looks for the like on every page a role's menu leads to.
# Starts the jar on a throwaway data directory (demo profile: Musterstadt with its year of history, the county and
# the Land programme), then runs bench/signed_in_crowd.py: explores each demo account's pages (its start page's
# links and theirs), logs in CLIENTS sessions of all roles, sends their first requests at the same moment, lets each
# click through its pages without pause for DURATION seconds and finally asks every session's start page once
# more. Prints latencies, answers by status, the database pool's waiting threads, the slowest pages, the database
# statements behind them and the CPU used. Asserts nothing; exits 1 when a session got a 5xx or no answer.
#
# Usage: bench/signed-in-crowd.sh [--no-build] [--clients N] [--duration S] [--paths N]
#   --clients N   signed-in sessions at once (default 120, as the operations log's 20 writers and 100 viewers)
#   --paths N     pages per account at most (default 40)
# Environment: SIPA_BENCH_CROWD_PORT (HTTP, default 18087), SIPA_BENCH_DB_PORT (default: a free one), JAVA_OPTS.

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

CLIENTS=120
DURATION=60
PATHS=40
while [[ $# -gt 0 ]]; do
    case "$1" in
        --no-build) SKIP_BUILD=1 ;;
        --clients) CLIENTS="$2"; shift ;;
        --duration) DURATION="$2"; shift ;;
        --paths) PATHS="$2"; shift ;;
        -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
        *) log "unknown option $1"; exit 2 ;;
    esac
    shift
done

PORT="${SIPA_BENCH_CROWD_PORT:-18087}"
require_free_port "$PORT" SIPA_BENCH_CROWD_PORT

bench_init
build_jar
cpu_monitor_start
DB_PORT="${SIPA_BENCH_DB_PORT:-$(free_port)}"
DATA="$BENCH_TMP/signed-in-crowd/postgres"
# the pool's figures come from the Prometheus endpoint, which answers a scraper that sends this token
export SIPA_METRICS_TOKEN="bench-$RANDOM$RANDOM"

echo "== SiPa signed-in crowd benchmark, $(date '+%Y-%m-%d %H:%M %Z') =="
echo "jar:     ${JAR#"$PROJECT_DIR"/}"
machine_info
echo

start_demo_instance "$DATA" "$PORT"
restart_with_pg_stat_statements "$DATA" "$PORT"
sql -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements"

echo "-- 1. $CLIENTS signed-in sessions, first requests at once, then $DURATION s of clicking; load before: $(load_now)"
reset_statements
status=0
python3 "$BENCH_DIR/signed_in_crowd.py" --port "$PORT" --clients "$CLIENTS" --duration "$DURATION" \
    --paths "$PATHS" --metrics-token "$SIPA_METRICS_TOKEN" || status=$?
echo "  load after: $(load_now)"

echo
echo "-- 2. database statements during the run (pg_stat_statements)"
top_statements 8 | sed 's/^/  /'
echo
cpu_report
exit "$status"
