#!/usr/bin/env bash
# Fault (#18): PostgreSQL stops under load and comes back; SiPa answers 503 with Retry-After meanwhile (never
# another 5xx) and serves again by itself, without a restart.
#   1. starts the jar on a throwaway data directory (demo profile), intake limit lifted
#   2. CLIENTS clients alternate an Open311 POST and a GET of requests.json for the whole run (bench/faults.py
#      statuses), answers counted per BUCKET s by status (000: no HTTP answer at all)
#   3. after UP s: a fast shutdown of PostgreSQL (SIGINT to the postmaster: open connections are ended);
#      DOWN s later it is started again with the same command line
#   4. prints the status counts over time, when the answers were all 200 again, and whether the JVM is the same one
# Exits 1 if another 5xx than 503 was seen, a 503 lacked Retry-After, the JVM is gone, or no bucket after the
# restart of PostgreSQL answered only 200.
#
# Usage: bench/fault-database.sh [--no-build] [--clients N] [--up S] [--down S] [--after S] [--bucket S]
# Environment: SIPA_BENCH_FAULT_PORT (HTTP, default 18091), SIPA_BENCH_DB_PORT (default: a free one), JAVA_OPTS,
# SIPA_BENCH_KEEP_LOG (a file to copy the application's log to).

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

CLIENTS=4
UP=10
DOWN=20
AFTER=30
BUCKET=2
while [[ $# -gt 0 ]]; do
    case "$1" in
        --no-build) SKIP_BUILD=1 ;;
        --clients) CLIENTS="$2"; shift ;;
        --up) UP="$2"; shift ;;
        --down) DOWN="$2"; shift ;;
        --after) AFTER="$2"; shift ;;
        --bucket) BUCKET="$2"; shift ;;
        -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
        *) log "unknown option $1"; exit 2 ;;
    esac
    shift
done

PORT="${SIPA_BENCH_FAULT_PORT:-18091}"
require_free_port "$PORT" SIPA_BENCH_FAULT_PORT
bench_init
build_jar
DB_PORT="${SIPA_BENCH_DB_PORT:-$(free_port)}"
DATA="$BENCH_TMP/postgres"

echo "== SiPa fault: PostgreSQL stopped under load, $(date '+%Y-%m-%d %H:%M %Z') =="
machine_info
start_demo_instance "$DATA" "$PORT" --sipa.reports.open311-intake-limit=1000000000
JVM="$APP_PID"
EVENTS="$BENCH_TMP/events.txt"
: >"$EVENTS"
T0="$(now_ns)"
python3 "$BENCH_DIR/faults.py" statuses --port "$PORT" --clients "$CLIENTS" --bucket "$BUCKET" \
    --duration "$((UP + DOWN + AFTER))" --events "$EVENTS" >"$BENCH_TMP/statuses.txt" 2>&1 &
LOAD=$!
sleep "$UP"
pg="$(postmaster_pid)"
mapfile -d '' COMMAND <"/proc/$pg/cmdline"
echo "$(seconds_since "$T0") PostgreSQL stopped" >>"$EVENTS"
kill -INT "$pg"
for _ in $(seq 1 100); do kill -0 "$pg" 2>/dev/null || break; sleep 0.1; done
sleep "$DOWN"
echo "$(seconds_since "$T0") PostgreSQL started" >>"$EVENTS"
# PostgreSQL refuses to start as root; run as root (as on this machine), the same command goes through a user
# namespace of its own, as the app's embedded server does (EmbeddedDatabases: unshare -U).
if [[ "$(id -u)" == 0 ]]; then
    setsid unshare -U "${COMMAND[@]}" >"$BENCH_TMP/postgres-restart.log" 2>&1 < /dev/null &
else
    setsid "${COMMAND[@]}" >"$BENCH_TMP/postgres-restart.log" 2>&1 < /dev/null &
fi
wait "$LOAD" || true
cat "$BENCH_TMP/statuses.txt"
echo "events:  $(tr '\n' ';' <"$EVENTS") (seconds since the load began)"
[[ ! -s "$BENCH_TMP/postgres-restart.log" ]] || { echo "PostgreSQL after its restart:"; tail -n 5 "$BENCH_TMP/postgres-restart.log"; }
SAME=no
kill -0 "$JVM" 2>/dev/null && [[ "$APP_PID" == "$JVM" ]] && SAME=yes
echo "the same JVM served throughout: $SAME; database unavailable in the log: $(grep -c 'Database unavailable' "$APP_LOG") times"
echo "errors in the log (first 5 kinds):"
grep -E '^[0-9T:.-]+Z +ERROR' "$APP_LOG" | sed -E 's/^[^ ]+ +ERROR [0-9]+ --- \[[^]]*\] \[[^]]*\] //' | cut -c1-160 | sort | uniq -c \
    | sort -rn | head -n 5 || true
echo "exceptions and their causes behind those errors (count, first 200 characters):"
awk '/^[0-9T:.-]+Z +ERROR/ { inside = 1; next } /^[0-9T:.-]+Z / { inside = 0 }
     inside && /^(Caused by: |[a-z]+\.[a-zA-Z0-9.$]+(Exception|Error)(:|$))/' "$APP_LOG" | cut -c1-200 \
    | sort | uniq -c | sort -rn | head -n 12 || true
echo "load:    $(load_now) (1/5/15 min, at the end)"
RESULT="$(grep '^RESULT' "$BENCH_TMP/statuses.txt")"
[[ -z "${SIPA_BENCH_KEEP_LOG:-}" ]] || { cp "$APP_LOG" "$SIPA_BENCH_KEEP_LOG"; echo "log kept: $SIPA_BENCH_KEEP_LOG"; }
app_stop
if [[ "$SAME" != yes || "$RESULT" != *"other_5xx=0 "* || "$RESULT" != *"no_retry_after=0"* ]] \
        || ! grep -q "after 'PostgreSQL started': [0-9]" "$BENCH_TMP/statuses.txt"; then
    exit 1
fi
