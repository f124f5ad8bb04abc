#!/usr/bin/env bash
# Open311 throughput ratios (issue #19): in one wrk run each on the demo data, POST requests.json and
# GET requests.json?page_size=50 against GET discovery.json (the cheapest answer of the API: no database). A ratio
# says how much of the request's cost is SiPa's own work rather than HTTP and the framework, and it holds up better
# than an absolute rate on a machine that is busy with other work (both sides of the ratio see the same load).
# Goals: POST >= 0.25 x discovery, GET list >= 0.15 x discovery.
# Starts the jar on a throwaway data directory (demo profile: Musterstadt, the demo API key) with the Open311
# intake limit lifted (all requests come from 127.0.0.1). Needs wrk (Debian package wrk).
# Prints figures, asserts nothing.
#
# Usage: bench/open311-ratios.sh [--no-build] [--connections N] [--duration S] [--warmup S] [--rounds N]
#   --no-build       use the existing target/sipa-*.jar
#   --connections N  wrk connections (default 8; two wrk threads)
#   --duration S     measured seconds per run (default 20); --warmup S unmeasured seconds of each kind first (10)
#   --rounds N       the three runs taken in turn N times (default 2), so drifting load affects all alike
# Environment: SIPA_BENCH_OPEN311_PORT (HTTP, default 18088), SIPA_BENCH_DB_PORT (default: a free one),
#              JAVA_OPTS (extra JVM options of the jar).

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

CONNECTIONS=8
DURATION=20
WARMUP=10
ROUNDS=2
while [[ $# -gt 0 ]]; do
    case "$1" in
        --no-build) SKIP_BUILD=1 ;;
        --connections) CONNECTIONS="$2"; shift ;;
        --duration) DURATION="$2"; shift ;;
        --warmup) WARMUP="$2"; shift ;;
        --rounds) ROUNDS="$2"; shift ;;
        -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
        *) log "unknown option $1"; exit 2 ;;
    esac
    shift
done
command -v wrk >/dev/null || { log "wrk is missing: apt-get install wrk"; exit 2; }

PORT="${SIPA_BENCH_OPEN311_PORT:-18088}"
require_free_port "$PORT" SIPA_BENCH_OPEN311_PORT

bench_init
build_jar
cpu_monitor_start
DB_PORT="${SIPA_BENCH_DB_PORT:-$(free_port)}"
DATA="$BENCH_TMP/open311/postgres"
BASE="http://127.0.0.1:$PORT/open311/v2"

echo "== SiPa Open311 ratios, $(date '+%Y-%m-%d %H:%M %Z') =="
echo "jar:     ${JAR#"$PROJECT_DIR"/}"
machine_info
echo

start_demo_instance "$DATA" "$PORT" --sipa.reports.open311-intake-limit=1000000000

# run KIND SECONDS: one wrk run of that kind; prints "rate p99_ms refused".
run() {
    local kind="$1" seconds="$2" out
    case "$kind" in
        discovery) out="$(wrk -t2 -c"$CONNECTIONS" -d"${seconds}s" --latency "$BASE/discovery.json")" ;;
        list) out="$(wrk -t2 -c"$CONNECTIONS" -d"${seconds}s" --latency \
                "$BASE/requests.json?jurisdiction_id=musterstadt&page_size=50")" ;;
        post) out="$(wrk -t2 -c"$CONNECTIONS" -d"${seconds}s" --latency -s "$BENCH_DIR/wrk/open311-post.lua" "$BASE")" ;;
    esac
    local rate p99 refused
    rate="$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")"
    p99="$(awk '$1 == "99%" { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } print v }' <<<"$out")"
    refused="$(awk '/Non-2xx or 3xx responses:/ { print $NF }' <<<"$out")"
    echo "$rate ${p99:-?} ${refused:-0}"
}

for kind in discovery list post; do
    run "$kind" "$WARMUP" >/dev/null
done
declare -A SUM
for round in $(seq 1 "$ROUNDS"); do
    for kind in discovery list post; do
        read -r rate p99 refused < <(run "$kind" "$DURATION")
        printf '  round %d  %-9s %9.1f requests/s  p99 %7s ms  not 200: %s  (load %s)\n' \
            "$round" "$kind" "$rate" "$p99" "$refused" "$(load_now)"
        SUM[$kind]="$(awk -v a="${SUM[$kind]:-0}" -v b="$rate" 'BEGIN { print a + b }')"
    done
done
echo
awk -v d="${SUM[discovery]}" -v l="${SUM[list]}" -v p="${SUM[post]}" -v n="$ROUNDS" 'BEGIN {
    printf "mean:    discovery %.1f/s, list %.1f/s, POST %.1f/s\n", d / n, l / n, p / n
    printf "ratios:  POST / discovery %.3f (goal >= 0.25), list / discovery %.3f (goal >= 0.15)\n", p / d, l / d
    printf "RESULT post_ratio=%.3f list_ratio=%.3f post_rate=%.1f list_rate=%.1f discovery_rate=%.1f\n", p / d, l / d, p / n, l / n, d / n
}'
bench_record "open311 POST (wrk)" mean "$(awk -v p="${SUM[post]}" -v n="$ROUNDS" 'BEGIN { printf "%.1f", p / n }')" 1/s
bench_record "open311 POST / discovery" ratio "$(awk -v p="${SUM[post]}" -v d="${SUM[discovery]}" 'BEGIN { printf "%.1f", 100 * p / d }')" %
bench_record "open311 GET list / discovery" ratio "$(awk -v l="${SUM[list]}" -v d="${SUM[discovery]}" 'BEGIN { printf "%.1f", 100 * l / d }')" %
echo "stored:  $(value "SELECT count(*) FROM reports_report WHERE description LIKE 'Last-Test wrk%'") reports posted by wrk"
echo "load:    $(load_now) at the end"
cpu_report
