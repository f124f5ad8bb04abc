#!/usr/bin/env bash
# whoLeads lookups per second on 500 topics × 50 districts × 3 time windows, and index rebuild time.
exec "$(dirname "$0")/java-main.sh" de.sipa.responsibilities.WhoLeadsBenchmark
