#!/usr/bin/env bash
# The matrix grid page for 500 topics × 60 organisations, over HTTP against the running application.
exec "$(dirname "$0")/java-main.sh" de.sipa.responsibilities.MatrixGridBenchmark
