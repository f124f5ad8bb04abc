# Shared helpers for the SiPa benchmarks; sourced by the benchmark scripts.
# Everything a benchmark starts is recorded here and stopped again by bench_cleanup (EXIT/INT/TERM trap).

set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROJECT_DIR="$(cd "$BENCH_DIR/.." && pwd)"

# PostgreSQL binaries are unpacked once per machine into this cache (the same place the app uses by default).
EPG_CACHE="${SIPA_BENCH_EPG_CACHE:-/tmp/embedded-pg}"

BENCH_TMP=""          # temp directory of this benchmark run, removed on exit
APP_PID=""            # java process of the running instance
APP_DATA=""           # its PostgreSQL data directory
APP_LOG=""            # its log file
MONITOR_PID=""        # cpu_monitor.py
STOPS=0               # instances stopped by app_stop ...
STOPS_KILLED=0        # ... of which the JVM was still running 2 s after PostgreSQL had stopped

now_ns() { date +%s%N; }

# Milliseconds between two now_ns values, with one decimal.
ms_between() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (b - a) / 1e6 }'; }

log() { printf '%s\n' "$*" >&2; }

# Adds one figure (scenario, metric, value, unit) to $SIPA_BENCH_RECORD when bench/run-all.sh set it.
bench_record() {
    [[ -n "${SIPA_BENCH_RECORD:-}" ]] || return 0
    printf '"%s",%s,%s,%s\n' "$1" "$2" "$3" "$4" >> "$SIPA_BENCH_RECORD"
}

bench_init() {
    BENCH_TMP="$(mktemp -d "${TMPDIR:-/tmp}/sipa-bench.XXXXXX")"
    trap bench_cleanup EXIT
    trap 'log "interrupted"; exit 130' INT TERM
}

# Starts recording the CPU used by the benchmark and by everything else (see cpu_monitor.py).
cpu_monitor_start() {
    python3 "$BENCH_DIR/cpu_monitor.py" --root $$ --marker "$BENCH_TMP" --out "$BENCH_TMP/cpu.txt" &
    MONITOR_PID=$!
}

# Prints the CPU the benchmark and everything else used since cpu_monitor_start.
cpu_report() {
    [[ -n "$MONITOR_PID" ]] || return 0
    kill -TERM "$MONITOR_PID" 2>/dev/null || true
    wait "$MONITOR_PID" 2>/dev/null || true
    MONITOR_PID=""
    echo "cpu:     $(cat "$BENCH_TMP/cpu.txt" 2>/dev/null || echo 'not recorded')"
}

bench_cleanup() {
    local status=$?
    trap - EXIT INT TERM
    if [[ "$status" != 0 && -n "$APP_LOG" && -f "$APP_LOG" ]]; then
        log "--- last lines of the application log ($APP_LOG, removed now):"
        tail -n 40 "$APP_LOG" | cut -c1-300 >&2
    fi
    app_stop || true
    if [[ -n "$MONITOR_PID" ]]; then
        kill -TERM "$MONITOR_PID" 2>/dev/null || true
        wait "$MONITOR_PID" 2>/dev/null || true
    fi
    if [[ -n "$BENCH_TMP" && -d "$BENCH_TMP" ]]; then
        rm -rf "$BENCH_TMP"
    fi
    exit "$status"
}

# Builds the jar unless SKIP_BUILD=1 (or --no-build was given); sets JAR.
build_jar() {
    if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
        log "Building the jar (./mvnw -B -q -DskipTests package) ..."
        (cd "$PROJECT_DIR" && ./mvnw -B -q -DskipTests package)
    fi
    JAR="${SIPA_BENCH_JAR:-$(ls -t "$PROJECT_DIR"/target/sipa-*.jar 2>/dev/null | grep -v -- '-plain\.jar$' | head -n 1 || true)}"
    if [[ -z "$JAR" ]]; then
        log "No target/sipa-*.jar found; run without --no-build"
        exit 1
    fi
}

# The machine and what else is running on it, for the record.
machine_info() {
    local cpus load mem
    cpus="$(nproc)"
    load="$(cut -d' ' -f1-3 /proc/loadavg)"
    mem="$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
    echo "machine: $cpus cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), $mem RAM"
    echo "java:    $(java -version 2>&1 | head -n 1)"
    echo "load:    $load (1/5/15 min)"
    echo "busiest other processes (%CPU since start, command):"
    ps -eo pid=,pcpu=,args= --sort=-pcpu | grep -v -e "ps -eo" -e "$BENCH_DIR" \
        | awk 'NR <= 4 { pid = $1; cpu = $2; $1 = ""; $2 = ""; printf "  %6s %5s%%  %.110s\n", pid, cpu, substr($0, 3) }'
}

load_now() { cut -d' ' -f1-3 /proc/loadavg; }

# app_start DATA_DIR HTTP_PORT [extra app args...]: launches the jar in the background, sets APP_PID, APP_LOG,
# APP_DATA and APP_T0 (launch time in ns). The JVM gets its own java.io.tmpdir inside BENCH_TMP so that Tomcat's
# work directories are removed with it; the PostgreSQL binaries stay in the shared cache EPG_CACHE.
# SIPA_BENCH_APP_ARGS adds application arguments, e.g. "--spring.web.resources.chain.enabled=false".
app_start() {
    local data="$1" port="$2"
    shift 2
    APP_DATA="$data"
    APP_LOG="$BENCH_TMP/app-$(date +%s%N).log"
    local jtmp="$BENCH_TMP/java-tmp"
    mkdir -p "$jtmp"
    APP_T0="$(now_ns)"
    # shellcheck disable=SC2086  # JAVA_OPTS and SIPA_BENCH_APP_ARGS are word lists
    java ${JAVA_OPTS:-} -Djava.io.tmpdir="$jtmp" -Dot.epg.working-dir="${APP_EPG_CACHE:-$EPG_CACHE}" \
        -jar "$JAR" --server.port="$port" --sipa.database.directory="$data" "$@" ${SIPA_BENCH_APP_ARGS:-} \
        >"$APP_LOG" 2>&1 &
    APP_PID=$!
}

# Waits until GET /login on PORT answers 200; prints the ns timestamp of that answer. Fails after TIMEOUT s.
wait_for_login_page() {
    local port="$1" timeout="${2:-120}" deadline code
    deadline=$(( $(date +%s) + timeout ))
    while :; do
        code="$(curl -s -o /dev/null -m 2 -w '%{http_code}' "http://localhost:$port/login" || true)"
        if [[ "$code" == 200 ]]; then
            now_ns
            return 0
        fi
        if ! kill -0 "$APP_PID" 2>/dev/null; then
            log "The application exited before serving /login; last log lines:"
            tail -n 30 "$APP_LOG" >&2
            return 1
        fi
        if (( $(date +%s) > deadline )); then
            log "No 200 from /login within ${timeout}s; last log lines:"
            tail -n 30 "$APP_LOG" >&2
            return 1
        fi
        sleep 0.05
    done
}

# Waits until the log contains PATTERN (fixed string); prints the ns timestamp of that log line.
wait_for_log_line() {
    local pattern="$1" timeout="${2:-120}" deadline line stamp
    deadline=$(( $(date +%s) + timeout ))
    while ! line="$(grep -m1 -F -- "$pattern" "$APP_LOG")"; do
        if ! kill -0 "$APP_PID" 2>/dev/null || (( $(date +%s) > deadline )); then
            log "Log line '$pattern' did not appear"
            return 1
        fi
        sleep 0.05
    done
    stamp="${line%% *}"   # ISO timestamp at the start of Spring Boot's log line
    date -d "$stamp" +%s%N
}

# PID of the PostgreSQL postmaster of APP_DATA, if it runs: from postmaster.pid, else the process that was
# started with "-D APP_DATA" (a directory inside this run's BENCH_TMP, so it can only be ours).
postmaster_pid() {
    local pid
    [[ -n "$APP_DATA" ]] || return 1
    if [[ -f "$APP_DATA/postmaster.pid" ]]; then
        pid="$(head -n 1 "$APP_DATA/postmaster.pid")"
    else
        pid="$(ps -eo pid=,args= | awk -v dir="$APP_DATA" '$2 ~ /\/bin\/postgres$/ && index($0, " -D " dir " ") { print $1; exit }')"
    fi
    [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

# Stops the running instance: SIGTERM to java (its shutdown hook stops PostgreSQL with pg_ctl), then waits for
# PostgreSQL to exit. SiPa's JVM itself may hang for ~30 s after that (see README), so it gets a short grace
# period and is then killed. Whatever PostgreSQL is left is stopped by its PID (fast shutdown, then immediate).
app_stop() {
    local pg i
    pg="$(postmaster_pid || true)"
    if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
        kill -TERM "$APP_PID" 2>/dev/null || true
        for i in $(seq 1 100); do   # up to 10 s for PostgreSQL to stop
            [[ -n "$pg" ]] && kill -0 "$pg" 2>/dev/null || break
            sleep 0.1
        done
        for i in $(seq 1 20); do    # 2 s grace for the JVM
            kill -0 "$APP_PID" 2>/dev/null || break
            sleep 0.1
        done
        STOPS=$((STOPS + 1))
        if kill -KILL "$APP_PID" 2>/dev/null; then
            STOPS_KILLED=$((STOPS_KILLED + 1))
        fi
        wait "$APP_PID" 2>/dev/null || true
    fi
    # PostgreSQL may have come up after we looked (instance stopped while starting).
    [[ -n "$pg" ]] || pg="$(postmaster_pid || true)"
    if [[ -n "$pg" ]] && kill -0 "$pg" 2>/dev/null; then
        kill -INT "$pg" 2>/dev/null || true
        for i in $(seq 1 50); do
            kill -0 "$pg" 2>/dev/null || break
            sleep 0.1
        done
        kill -QUIT "$pg" 2>/dev/null || true
    fi
    APP_PID=""
}

# Median of the numbers given as arguments (one decimal).
median() {
    printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) exit; m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.1f", m }'
}

# Milliseconds from APP_T0 to the first log line containing PATTERN (fixed string), or "-".
log_ms() {
    local line stamp
    if line="$(grep -m1 -F -- "$1" "$APP_LOG")"; then
        stamp="${line%% *}"
        ms_between "$APP_T0" "$(date -d "$stamp" +%s%N)"
    else
        echo "-"
    fi
}

# A free TCP port on loopback.
free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# The password SiPa gave its embedded PostgreSQL on the first start (in the data directory, see EmbeddedDatabases).
db_password() { cat "$APP_DATA/sipa-password" 2>/dev/null || true; }

# psql against the benchmark's PostgreSQL (DB_PORT); value prints one result without decoration.
sql() {
    PGPASSWORD="$(db_password)" PGCONNECT_TIMEOUT=5 psql -X -q -v ON_ERROR_STOP=1 -h localhost -p "$DB_PORT" \
        -U postgres -d postgres "$@"
}
value() { sql -At -c "$1"; }
seconds_since() { awk -v ms="$(ms_between "$1" "$(now_ns)")" 'BEGIN { printf "%.1f", ms / 1000 }'; }

# Filters EXPLAIN ANALYZE output down to the lines with timings, row counts and index use.
plan_summary() {
    awk '/^--- / { print; next }
         /\(actual|never executed|Rows Removed by|Execution Time|Planning Time|Index Cond|Sort Method/ { print }'
    echo "(summary; --plans prints the complete plans)"
}

# pg_stat_statements (loaded with ALTER SYSTEM and a restart): reset, and the top statements by total time.
reset_statements() { sql -c "SELECT pg_stat_statements_reset()" >/dev/null; }
top_statements() {
    sql -P footer=off -c "
        SELECT calls, round(mean_exec_time::numeric, 2) AS mean_ms, round(total_exec_time::numeric) AS total_ms,
               left(regexp_replace(query, '\\s+', ' ', 'g'), 100) AS statement
        FROM pg_stat_statements WHERE query !~* 'pg_stat_statements|ALTER SYSTEM'
        ORDER BY total_exec_time DESC LIMIT ${1:-8}"
}

# timed_requests_options "$@": the options of a benchmark that times requests: --no-build, --requests N,
# --warmup N, -h (prints the script's header comment up to its first blank comment line). Sets SKIP_BUILD, REQUESTS
# and WARMUP (set their defaults before).
timed_requests_options() {
    while [[ $# -gt 0 ]]; do
        case "$1" in
            --no-build) SKIP_BUILD=1 ;;
            --requests) REQUESTS="$2"; shift ;;
            --warmup) WARMUP="$2"; shift ;;
            -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
            *) log "unknown option $1"; exit 2 ;;
        esac
        shift
    done
}

# Exits unless nothing answers HTTP on PORT; VAR names the environment variable that picks another port.
require_free_port() {
    if curl -s -o /dev/null -m 1 "http://localhost:$1/"; then
        log "Port $1 is in use; set $2"
        exit 1
    fi
}

# start_demo_instance DATA_DIR HTTP_PORT [app args...]: app_start with the demo profile's data on DB_PORT, then
# waits for /login and for the Musterstadt demo partnership: 180 and 120 s, or SIPA_BENCH_START_SECONDS each (on a
# loaded machine the first start, with all migrations and the demo, takes longer).
start_demo_instance() {
    local data="$1" port="$2"
    shift 2
    log "Starting SiPa (HTTP $port, PostgreSQL $DB_PORT) ..."
    app_start "$data" "$port" --sipa.database.port="$DB_PORT" "$@"
    wait_for_login_page "$port" "${SIPA_BENCH_START_SECONDS:-180}" >/dev/null
    wait_for_log_line "Musterstadt demo ready" "${SIPA_BENCH_START_SECONDS:-120}" >/dev/null
}

# wait_until SQL: waits up to 60 s until the query answers t, e.g. for demo data a later runner adds.
wait_until() {
    for _ in $(seq 1 600); do
        [[ "$(value "$1" 2>/dev/null)" == t ]] && return 0
        sleep 0.1
    done
    log "gave up waiting for: $1"
}

# restart_with_pg_stat_statements DATA_DIR HTTP_PORT [app args...]: the throwaway database preloads
# pg_stat_statements from now on (ALTER SYSTEM), so the instance is restarted once.
restart_with_pg_stat_statements() {
    local data="$1" port="$2"
    shift 2
    sql -c "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'"
    log "Restarting with pg_stat_statements ..."
    app_stop
    app_start "$data" "$port" --sipa.database.port="$DB_PORT" "$@"
    wait_for_login_page "$port" 180 >/dev/null
}
