#!/usr/bin/env bash
# Runs the SiPa benchmarks one after the other (the jar is built once), prints one table of their figures next to
# the last recorded run, appends them to bench/results.csv and lists every figure that got more than 20 % worse
# (exit code 1 then, so a regression is seen when it lands). Asserts no timing on its own. All of them take about
# 40 minutes on 2 cores; --only picks some.
#
# Usage: bench/run-all.sh [--no-build] [--only startup,directory-search,...] [--history FILE]
#   e.g. bench/run-all.sh --only startup,reports | tee /tmp/sipa-bench.txt
set -euo pipefail
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROJECT_DIR="$(cd "$BENCH_DIR/.." && pwd)"

# Shell benchmarks against the jar take --no-build; the Java mains compile the test sources themselves. A scenario
# whose script is not there (yet) is skipped with a note.
JAR_SCENARIOS=(startup directory-search reports calendar-feed oparl-papers patrol-roster operations-log hotspot-layer
               places-map survey-submit annual-report public-website open311-ratios signed-in-crowd)
MAIN_SCENARIOS=(who-leads matrix-grid category-suggestion hotspots place-effect survey-results)

BUILD=1
ONLY=""
HISTORY="$BENCH_DIR/results.csv"
while [[ $# -gt 0 ]]; do
    case "$1" in
        --no-build) BUILD=0 ;;
        --only) ONLY="$2"; shift ;;
        --history) HISTORY="$2"; shift ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
    shift
done
selected() { [[ -z "$ONLY" || ",$ONLY," == *",$1,"* ]]; }

if [[ "$BUILD" == 1 ]]; then
    echo "Building the jar (./mvnw -B -q -DskipTests package) ..." >&2
    (cd "$PROJECT_DIR" && ./mvnw -B -q -DskipTests package)
fi

SIPA_BENCH_RECORD="$(mktemp "${TMPDIR:-/tmp}/sipa-bench-figures.XXXXXX")"
export SIPA_BENCH_RECORD
trap 'rm -f "$SIPA_BENCH_RECORD"' EXIT
LOAD_BEFORE="$(cut -d' ' -f1 /proc/loadavg)"
FAILED=()
SKIPPED=()
for scenario in "${JAR_SCENARIOS[@]}" "${MAIN_SCENARIOS[@]}"; do
    selected "$scenario" || continue
    echo "===== $scenario ====="
    if [[ ! -x "$BENCH_DIR/$scenario.sh" ]]; then
        echo "bench/$scenario.sh is not there (yet): skipped"
        SKIPPED+=("$scenario")
        echo
        continue
    fi
    args=()
    if [[ " ${JAR_SCENARIOS[*]} " == *" $scenario "* ]] && grep -q -- '--no-build' "$BENCH_DIR/$scenario.sh"; then
        args=(--no-build)
    fi
    if ! "$BENCH_DIR/$scenario.sh" "${args[@]}"; then
        FAILED+=("$scenario")
    fi
    echo
done
LOAD_AFTER="$(cut -d' ' -f1 /proc/loadavg)"

echo "===== figures of this run (load $LOAD_BEFORE at the start, $LOAD_AFTER at the end) ====="
status=0
python3 "$BENCH_DIR/compare.py" --figures "$SIPA_BENCH_RECORD" --history "$HISTORY" \
    --run "$(date -u +%Y-%m-%dT%H:%MZ)" --commit "$(git -C "$PROJECT_DIR" rev-parse --short HEAD)" \
    --load "$LOAD_BEFORE/$LOAD_AFTER" || status=$?
if [[ ${#SKIPPED[@]} -gt 0 ]]; then
    echo "skipped (no script): ${SKIPPED[*]}"
fi
if [[ ${#FAILED[@]} -gt 0 ]]; then
    echo "failed (no figures): ${FAILED[*]}"
    status=1
fi
exit "$status"
