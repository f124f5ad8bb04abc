#!/usr/bin/env bash
# Start-up benchmark: time from launching `java -jar target/sipa-*.jar` until GET /login answers 200.
#   cold:       fresh, empty data directory (initdb, Flyway migrations, Musterstadt demo data)
#   warm:       the same data directory again (PostgreSQL start only, nothing to migrate or load)
#   first-ever: like cold, but also unpacking the PostgreSQL binaries into an empty cache (a new machine)
# Prints every run and the medians; asserts nothing.
#
# Usage: bench/startup.sh [--no-build] [--runs N] [--no-first-ever]
#   --no-build       use the existing target/sipa-*.jar (also: SKIP_BUILD=1)
#   --runs N         cold and warm runs each (default 3)
#   --no-first-ever  skip the run with an empty PostgreSQL binary cache
# Environment: SIPA_BENCH_PORT (HTTP port, default 18080), JAVA_OPTS (extra JVM options).

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

RUNS=3
FIRST_EVER=1
while [[ $# -gt 0 ]]; do
    case "$1" in
        --no-build) SKIP_BUILD=1 ;;
        --runs) RUNS="$2"; shift ;;
        --no-first-ever) FIRST_EVER=0 ;;
        -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
        *) log "unknown option $1"; exit 2 ;;
    esac
    shift
done

PORT="${SIPA_BENCH_PORT:-18080}"
require_free_port "$PORT" SIPA_BENCH_PORT

bench_init
build_jar
cpu_monitor_start

echo "== SiPa start-up benchmark, $(date '+%Y-%m-%d %H:%M %Z') =="
echo "jar:     ${JAR#"$PROJECT_DIR"/} ($(du -m "$JAR" | cut -f1) MB)"
machine_info
echo
echo "Times in seconds after launching java -jar:"
echo "  spring = JVM up, Spring Boot starting, pg = embedded PostgreSQL up (incl. initdb when cold), flyway = migrations done,"
echo "  started = Spring's 'Started SipaApplication', login = GET /login answered 200,"
echo "  demo = all of the Musterstadt demo (two years of reports, meetings, patrols) committed (cold only; it loads after the server already answers)"
printf '%-12s %7s %7s %7s %8s %7s %7s   %s\n' run spring pg flyway started login demo load
declare -a COLD_LOGIN=() COLD_DEMO=() WARM_LOGIN=()

secs() { [[ "$1" == - ]] && echo - || awk -v ms="$1" 'BEGIN { printf "%.2f", ms / 1000 }'; }

# run_once LABEL DATA_DIR COLD(0/1): one start; prints a line and sets LOGIN_MS and DEMO_MS.
run_once() {
    local label="$1" data="$2" cold="$3" t_login t_demo spring pg flyway started
    app_start "$data" "$PORT"
    t_login="$(wait_for_login_page "$PORT" 180)"
    LOGIN_MS="$(ms_between "$APP_T0" "$t_login")"
    DEMO_MS="-"
    if [[ "$cold" == 1 ]]; then
        t_demo="$(wait_for_log_line "Musterstadt demo ready" 120)"
        DEMO_MS="$(ms_between "$APP_T0" "$t_demo")"
    else
        sleep 1   # let the runners finish before stopping
    fi
    spring="$(log_ms "Starting SipaApplication")"
    pg="$(log_ms "sipa-embedded - Start completed")"
    if [[ "$cold" == 1 ]]; then
        flyway="$(log_ms "Successfully applied")"
    else
        flyway="$(log_ms "is up to date. No migration necessary")"
    fi
    started="$(log_ms "Started SipaApplication")"
    printf '%-12s %7s %7s %7s %8s %7s %7s   %s\n' "$label" "$(secs "$spring")" "$(secs "$pg")" "$(secs "$flyway")" "$(secs "$started")" \
        "$(secs "$LOGIN_MS")" "$(secs "$DEMO_MS")" "$(load_now)"
    app_stop
}

if [[ "$FIRST_EVER" == 1 ]]; then
    APP_EPG_CACHE="$BENCH_TMP/epg-empty-cache" run_once "first-ever" "$BENCH_TMP/first/postgres" 1
    rm -rf "$BENCH_TMP/first" "$BENCH_TMP/epg-empty-cache"
    FIRST_LOGIN_MS="$LOGIN_MS"
fi

for i in $(seq 1 "$RUNS"); do
    [[ $i -gt 1 ]] && rm -rf "$BENCH_TMP/cold-$((i - 1))"   # keep only the last one, for the warm runs
    run_once "cold #$i" "$BENCH_TMP/cold-$i/postgres" 1
    COLD_LOGIN+=("$LOGIN_MS")
    COLD_DEMO+=("$DEMO_MS")
done

for i in $(seq 1 "$RUNS"); do
    run_once "warm #$i" "$BENCH_TMP/cold-$RUNS/postgres" 0
    WARM_LOGIN+=("$LOGIN_MS")
done

echo
echo "Summary (median of $RUNS runs; launch until GET /login = 200):"
[[ "$FIRST_EVER" == 1 ]] && printf '  first-ever start (binaries unpacked): %6.2f s (1 run)\n' "$(secs "$FIRST_LOGIN_MS")"
printf '  cold start (empty data directory):   %6.2f s   demo data ready: %.2f s\n' \
    "$(secs "$(median "${COLD_LOGIN[@]}")")" "$(secs "$(median "${COLD_DEMO[@]}")")"
printf '  warm start (existing data):          %6.2f s\n' "$(secs "$(median "${WARM_LOGIN[@]}")")"
bench_record "start-up cold (until GET /login)" median "$(secs "$(median "${COLD_LOGIN[@]}")")" s
bench_record "start-up cold (demo data ready)" median "$(secs "$(median "${COLD_DEMO[@]}")")" s
bench_record "start-up warm (until GET /login)" median "$(secs "$(median "${WARM_LOGIN[@]}")")" s
echo "  goal: start < 15 s"
echo "stop:    the JVM was still running 2 s after SIGTERM had stopped PostgreSQL (and was killed)" \
    "in $STOPS_KILLED of $STOPS stops"
echo "load:    $(load_now) at the end"
cpu_report
