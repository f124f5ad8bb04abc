#!/usr/bin/env bash
# Fault (#18): SiPa is killed (SIGKILL) during a burst of Open311 POSTs and started again; every report that was
# answered with a service_request_id must be in the database, none twice.
#   1. starts the jar on a throwaway data directory (demo profile, durable embedded PostgreSQL), intake limit lifted
#   2. CLIENTS clients post reports (bench/faults.py burst; each description has a marker of its own) for BEFORE s
#   3. SIGKILL to the JVM while they post, then an immediate stop of its PostgreSQL (SIGQUIT: no checkpoint, crash
#      recovery on the next start, as after a power loss), the clients go on trying for 2 s more
#   4. starts the jar again on the same data directory, waits for /login
#   5. per acknowledged report: its id and its marker must be in reports_report exactly once; the requests whose
#      connection broke before an answer ("in doubt") may be stored or not, but never twice
# Prints "acknowledged N, found N, lost 0, duplicated 0" per round and exits 1 if a report was lost or duplicated.
#
# Usage: bench/fault-crash.sh [--no-build] [--rounds N] [--clients N] [--before S]
# Environment: SIPA_BENCH_FAULT_PORT (HTTP, default 18090), SIPA_BENCH_DB_PORT (default: a free one), JAVA_OPTS.

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ROUNDS=3
CLIENTS=8
BEFORE=8
while [[ $# -gt 0 ]]; do
    case "$1" in
        --no-build) SKIP_BUILD=1 ;;
        --rounds) ROUNDS="$2"; shift ;;
        --clients) CLIENTS="$2"; shift ;;
        --before) BEFORE="$2"; shift ;;
        -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
        *) log "unknown option $1"; exit 2 ;;
    esac
    shift
done

PORT="${SIPA_BENCH_FAULT_PORT:-18090}"
require_free_port "$PORT" SIPA_BENCH_FAULT_PORT
bench_init
build_jar
DB_PORT="${SIPA_BENCH_DB_PORT:-$(free_port)}"
DATA="$BENCH_TMP/postgres"
ARGS=(--sipa.reports.open311-intake-limit=1000000000)

echo "== SiPa fault: SIGKILL during Open311 POSTs, $(date '+%Y-%m-%d %H:%M %Z') =="
machine_info
start_demo_instance "$DATA" "$PORT" "${ARGS[@]}"
echo "durable: fsync=$(value 'SHOW fsync'), synchronous_commit=$(value 'SHOW synchronous_commit')"

FAILED=0
for round in $(seq 1 "$ROUNDS"); do
    ACKS="$BENCH_TMP/acks-$round.tsv"
    STOP="$BENCH_TMP/stop-$round"
    : >"$ACKS"
    : >"$ACKS.doubt"
    python3 "$BENCH_DIR/faults.py" burst --port "$PORT" --clients "$CLIENTS" --duration 600 --out "$ACKS" \
        --stop "$STOP" --run "r$round" --seed "$round" >"$BENCH_TMP/burst-$round.txt" 2>&1 &
    BURST=$!
    sleep "$BEFORE"
    pg="$(postmaster_pid)"
    before_kill="$(wc -l <"$ACKS")"
    kill -KILL "$APP_PID"
    wait "$APP_PID" 2>/dev/null || true
    kill -QUIT "$pg" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pg" 2>/dev/null || break; sleep 0.1; done
    sleep 2
    touch "$STOP"
    wait "$BURST" || true
    app_start "$DATA" "$PORT" --sipa.database.port="$DB_PORT" "${ARGS[@]}"
    up="$(wait_for_login_page "$PORT" "${SIPA_BENCH_START_SECONDS:-180}")"
    # Acknowledged ids and the markers in doubt, into a temp table; counted against reports_report.
    sql -c "SET client_min_messages = warning; CREATE SCHEMA IF NOT EXISTS fault; CREATE TABLE IF NOT EXISTS fault.ack (public_id TEXT, marker TEXT,
            acknowledged BOOLEAN); TRUNCATE fault.ack" >/dev/null
    { awk -F'\t' '{ print $1 "\t" $2 "\tt" }' "$ACKS"; awk '{ print "\\N\t" $1 "\tf" }' "$ACKS.doubt"; } \
        | sql -c "\\copy fault.ack FROM pstdin"
    read -r acknowledged found lost duplicated doubt doubt_stored doubt_twice < <(value "
        WITH counted AS (
            SELECT a.public_id, a.acknowledged,
                   (SELECT count(*) FROM reports_report r WHERE r.public_id = a.public_id) AS by_id,
                   (SELECT count(*) FROM reports_report r WHERE position(a.marker || ' ' IN r.description) > 0) AS by_marker
            FROM fault.ack a)
        SELECT count(*) FILTER (WHERE acknowledged),
               count(*) FILTER (WHERE acknowledged AND by_id = 1 AND by_marker = 1),
               count(*) FILTER (WHERE acknowledged AND (by_id = 0 OR by_marker = 0)),
               count(*) FILTER (WHERE acknowledged AND (by_id > 1 OR by_marker > 1)),
               count(*) FILTER (WHERE NOT acknowledged),
               count(*) FILTER (WHERE NOT acknowledged AND by_marker = 1),
               count(*) FILTER (WHERE NOT acknowledged AND by_marker > 1)
        FROM counted" | tr '|' ' ')
    echo "round $round: $(cat "$BENCH_TMP/burst-$round.txt" | grep '^burst:' | sed 's/^burst: //')"
    echo "  killed after ${BEFORE} s with $before_kill acknowledged; up again after $(ms_between "$APP_T0" "$up") ms"
    echo "  acknowledged $acknowledged, found $found, lost $lost, duplicated $duplicated" \
         "(requests in doubt or refused: $doubt, of them stored $doubt_stored, twice $doubt_twice)"
    if [[ "$lost" != 0 || "$duplicated" != 0 || "$doubt_twice" != 0 || "$acknowledged" == 0 ]]; then
        FAILED=1
    fi
done
echo "reports in the database: $(value 'SELECT count(*) FROM reports_report')"
app_stop
exit "$FAILED"
