#!/usr/bin/env bash
# Runs all SiPa benchmarks one after the other: builds the jar once, then startup.sh and directory-search.sh
# (with the pg_trgm experiment). Prints figures, asserts nothing. Takes about three minutes on 2 cores.
#
# Usage: bench/run-all.sh [--no-build]      e.g.  bench/run-all.sh | tee /tmp/sipa-bench.txt
set -euo pipefail
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

if [[ "${1:-}" != --no-build ]]; then
    echo "Building the jar (./mvnw -B -q -DskipTests package) ..." >&2
    (cd "$BENCH_DIR/.." && ./mvnw -B -q -DskipTests package)
fi
"$BENCH_DIR/startup.sh" --no-build
echo
"$BENCH_DIR/directory-search.sh" --no-build --trgm
