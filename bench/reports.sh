#!/usr/bin/env bash
# Reports benchmark (issue: 1,000,000 reports; Open311 POST >= 500/s with 8 clients, p99 < 100 ms; GET requests
# with filters p95 < 50 ms; coordinator queue page p95 < 200 ms; ratio POST / bare INSERT through the same pool).
# Starts the jar on a throwaway data directory (demo profile: Musterstadt, its categories and the demo API key),
# adds the reports with psql (bench/sql/seed-reports.sql), restarts once with pg_stat_statements, then:
#   1. GET requests.json with filters, one at a time, per filter kind (bench/reports_load.py get)
#   2. the coordinator's queue page after login, per queue/filter (reports_load.py queue); 2b. each role's
#      start page (reports_load.py start)
#   3. EXPLAIN ANALYZE of the queries behind 1 and 2 (1-3 on exactly the seeded data)
#   4. Open311 POST load: 8 concurrent clients (reports_load.py post), warm-up, then a sustained period; with
#      the database time per statement (pg_stat_statements)
#   5. stops the jar and runs de.sipa.reports.ReportInsertBenchmark (test sources) on the same data directory:
#      in one JVM, POST load with 8 Java clients and then a bare INSERT of the same row with 8 threads through the
#      application's DataSource (Hikari), same duration; prints both rates and the ratio.
# Prints figures, asserts nothing.
#
# Usage: bench/reports.sh [--no-build] [--reports N] [--duration S] [--warmup S] [--clients N] [--requests N]
#                         [--no-baseline] [--plans] [--post-only | --no-post]
#   --no-build     use the existing target/sipa-*.jar, target/test-classes and target/bench.classpath
#   --reports N    reports to add (default 1000000)
#   --duration S   measured seconds of POST load and of the INSERT baseline (default 60); --warmup S (default 60: the JIT is still compiling the POST path after 30 s)
#   --clients N    concurrent POST clients / INSERT threads (default 8)
#   --requests N   measured GET and queue requests per kind (default 100; 10 warm-up each)
#   --no-baseline  skip step 5
#   --plans        complete EXPLAIN output instead of a summary
#   --post-only    only step 4 (and 5 unless --no-baseline): skips GET, queue and EXPLAIN
#   --no-post      only steps 1-3: the data stays as it was, so that two jars compare on the same reports (every
#                  POST run adds some 100,000 open reports of today, which slow the queue's duplicate search)
# Environment: SIPA_BENCH_REPORTS_PORT (HTTP, default 18082), SIPA_BENCH_DB_PORT (default: a free one),
#              JAVA_OPTS (extra JVM options of the jar), SIPA_BENCH_DATA (keep the seeded data directory there
#              and reuse it on the next run instead of seeding again), SIPA_BENCH_JFR=FILE (a flight recording of
#              the app during step 4, profile settings, written to FILE).

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

REPORTS=1000000
DURATION=60
WARMUP=60
CLIENTS=8
REQUESTS=100
BASELINE=1
PLANS=0
POST_ONLY=0
NO_POST=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        --no-build) SKIP_BUILD=1 ;;
        --reports) REPORTS="$2"; shift ;;
        --duration) DURATION="$2"; shift ;;
        --warmup) WARMUP="$2"; shift ;;
        --clients) CLIENTS="$2"; shift ;;
        --requests) REQUESTS="$2"; shift ;;
        --no-baseline) BASELINE=0 ;;
        --plans) PLANS=1 ;;
        --post-only) POST_ONLY=1 ;;
        --no-post) NO_POST=1 ;;
        -h|--help) sed -n '2,32p' "$0"; exit 0 ;;
        *) log "unknown option $1"; exit 2 ;;
    esac
    shift
done
if [[ "$POST_ONLY" == 1 && "$NO_POST" == 1 ]]; then
    log "--post-only and --no-post leave nothing to run"; exit 2
fi

PORT="${SIPA_BENCH_REPORTS_PORT:-18082}"
require_free_port "$PORT" SIPA_BENCH_REPORTS_PORT

bench_init
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    log "Building the jar, the test classes and the test class path (one Maven run) ..."
    (cd "$PROJECT_DIR" && ./mvnw -B -q -DskipTests package dependency:build-classpath \
        -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test)
fi
if [[ "$BASELINE" == 1 && "$NO_POST" == 0 && ! -f "$PROJECT_DIR/target/bench.classpath" ]]; then
    # step 5 runs a Java main from the test classes: --no-build after ./mvnw verify leaves no class path file
    log "Writing the test class path (target/bench.classpath) for step 5 ..."
    (cd "$PROJECT_DIR" && ./mvnw -B -q test-compile dependency:build-classpath \
        -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test)
fi
SKIP_BUILD=1 build_jar
cpu_monitor_start
DB_PORT="${SIPA_BENCH_DB_PORT:-$(free_port)}"
if [[ -n "${SIPA_BENCH_DATA:-}" ]]; then
    DATA="$SIPA_BENCH_DATA"
else
    DATA="$BENCH_TMP/reports/postgres"
fi

echo "== SiPa reports benchmark, $(date '+%Y-%m-%d %H:%M %Z') =="
echo "jar:     ${JAR#"$PROJECT_DIR"/}"
machine_info
echo

# The load comes from one address: lift the per-address Open311 intake limit (600 per 10 minutes), which
# protects production from floods but would otherwise turn the POST load into 429 answers.
UNTHROTTLED=(--sipa.reports.open311-intake-limit=1000000000)

# The heap before each collection, for the heap's peak under the POST load (#19: < 1 GiB per instance).
GC_LOG="$BENCH_TMP/gc.log"
JAVA_OPTS="${JAVA_OPTS:-} -Xlog:gc:file=$GC_LOG:uptime"

seeded=0
[[ -f "$DATA/PG_VERSION" ]] && seeded=1
start_demo_instance "$DATA" "$PORT" "${UNTHROTTLED[@]}"
# The categories, their demo reports and the API key are added by later runners: wait for them too.
wait_until "SELECT (SELECT count(*) FROM reports_api_client) > 0 AND (SELECT count(*) FROM reports_report) > 0"

if [[ "$seeded" == 0 ]]; then
    log "Adding $REPORTS reports (bench/sql/seed-reports.sql) ..."
    t0="$(now_ns)"
    sql -v reports="$REPORTS" -f "$BENCH_DIR/sql/seed-reports.sql" >/dev/null
    echo "seeded $REPORTS reports in $(seconds_since "$t0") s (incl. events and VACUUM ANALYZE)"
    restart_with_pg_stat_statements "$DATA" "$PORT" "${UNTHROTTLED[@]}"
else
    # migrations of a newer jar and the previous run's posts leave dead rows: vacuum so that runs compare
    t0="$(now_ns)"
    sql -c "VACUUM ANALYZE" >/dev/null
    echo "reusing the data directory $DATA (VACUUM ANALYZE: $(seconds_since "$t0") s)"
fi
sql -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements"
echo "data:    $(value "SELECT count(*) || ' reports (' || count(*) FILTER (WHERE closed_at IS NULL) || ' open, '
                       || count(*) FILTER (WHERE closed_at IS NULL AND assignee_id IS NULL) || ' in the coordinator''s queue, '
                       || count(*) FILTER (WHERE submitted_at > now() - interval '90 days') || ' of the last 90 days), '
                       || (SELECT count(*) FROM reports_event) || ' events; '
                       || pg_size_pretty(pg_total_relation_size('reports_report')) || ' reports table with indexes'
                       FROM reports_report")"


IDS="$(value "SELECT string_agg(public_id, ',') FROM (SELECT public_id FROM reports_report
              WHERE public_id IS NOT NULL AND submitted_by = 'bench' ORDER BY md5(public_id) LIMIT 20) x")"
read -r WEEK_START WEEK_END MONTH_START MONTH_END < <(value "SELECT to_char(now() - interval '200 days', 'YYYY-MM-DD'),
    to_char(now() - interval '194 days', 'YYYY-MM-DD'), to_char(now() - interval '400 days', 'YYYY-MM-DD'),
    to_char(now() - interval '371 days', 'YYYY-MM-DD')" | tr '|' ' ')
MUELL="$(value "SELECT c.id FROM reports_category c JOIN partners_partnership p ON p.id = c.partnership_id
                WHERE p.slug = 'musterstadt' AND c.code = 'muell'")"

if [[ "$POST_ONLY" == 0 ]]; then
echo
echo "-- 1. GET requests.json with filters (one at a time; the spec's default: 90 days, up to 1000 requests per"
echo "      answer); week: $WEEK_START..$WEEK_END, month: $MONTH_START..$MONTH_END; load before: $(load_now)"
reset_statements
python3 "$BENCH_DIR/reports_load.py" get --port "$PORT" --requests "$REQUESTS" --warmup 10 --ids "$IDS" \
    --week-start "$WEEK_START" --week-end "$WEEK_END" --month-start "$MONTH_START" --month-end "$MONTH_END"
echo "  load after: $(load_now)"
echo "  database statements (pg_stat_statements):"
top_statements 6 | sed 's/^/  /'

echo
echo "-- 2. Coordinator queue page (/reports as 'koordination', 25 per page); load before: $(load_now)"
reset_statements
python3 "$BENCH_DIR/reports_load.py" queue --port "$PORT" --requests "$REQUESTS" --warmup 10 --category "$MUELL"
echo "  load after: $(load_now)"
echo "  database statements (pg_stat_statements):"
top_statements 8 | sed 's/^/  /'

echo
echo "-- 2b. Each role's start page (GET / after login: coordinator, two partners, steering group, administrator, county); load before: $(load_now)"
reset_statements
python3 "$BENCH_DIR/reports_load.py" start --port "$PORT" --requests "$REQUESTS" --warmup 10
echo "  load after: $(load_now)"
echo "  database statements (pg_stat_statements):"
top_statements 8 | sed 's/^/  /'

echo
echo "-- 3. EXPLAIN ANALYZE (bench/sql/explain-reports.sql, copies of the SQL in ReportRepository)"
PARTNERSHIP="$(value "SELECT id FROM partners_partnership WHERE slug = 'musterstadt'")"
plans="$(sql -v partnership="$PARTNERSHIP" -v category="$MUELL" -f "$BENCH_DIR/sql/explain-reports.sql" 2>&1)"
if [[ "$PLANS" == 1 ]]; then echo "$plans"; else echo "$plans" | plan_summary; fi
fi

if [[ "$NO_POST" == 0 ]]; then
echo
echo "-- 4. Open311 POST load; load before: $(load_now)"
reset_statements
before_reports="$(value "SELECT count(*) FROM reports_report")"
on_measure="psql -X -q -h localhost -p $DB_PORT -U postgres -d postgres -c 'SELECT pg_stat_statements_reset()' >/dev/null"
if [[ -n "${SIPA_BENCH_JFR:-}" ]]; then   # the flight recording covers the measured period too
    on_measure+="; jcmd $APP_PID JFR.start name=post settings=profile filename=$SIPA_BENCH_JFR >/dev/null"
fi
# CPU per POST of the JVM and of PostgreSQL (postmaster and backends) and the statements per POST are taken over
# the measured period only (pg_stat_statements is reset when it starts): after the warm-up, without the JIT.
PGPASSWORD="$(db_password)" python3 "$BENCH_DIR/reports_load.py" post --port "$PORT" --clients "$CLIENTS" \
    --warmup "$WARMUP" --duration "$DURATION" --cpu "JVM=$APP_PID" --cpu-tree "PostgreSQL=$(postmaster_pid)" \
    --on-measure "$on_measure" \
    | tee "$BENCH_TMP/post.txt"
if [[ -n "${SIPA_BENCH_JFR:-}" ]]; then
    jcmd "$APP_PID" JFR.stop name=post >/dev/null
fi
# the largest heap before a collection since the last start (the GC log of the restarted JVM), and the heap's limit
heap_peak="$(grep -o '[0-9]*M->' "$GC_LOG" | sed 's/M->//' | sort -n | tail -1)"
heap_max="$(jcmd "$APP_PID" VM.flags 2>/dev/null | grep -o "MaxHeapSize=[0-9]*" | head -1 | cut -d= -f2)"
echo "  heap: peak ${heap_peak:-?} MiB used before a collection (since the start), limit $(( ${heap_max:-0} / 1048576 )) MiB"
[[ -n "$heap_peak" ]] && bench_record reports "heap peak under POST load" "$heap_peak" MiB
echo "  stored: $(( $(value "SELECT count(*) FROM reports_report") - before_reports )) new reports; load after: $(load_now)"
# Statements per POST: per stored report (the INSERT INTO reports_report runs once per POST), so that a late reset
# of pg_stat_statements does not skew the figure.
posts="(SELECT greatest(sum(calls), 1) FROM pg_stat_statements WHERE query ~ '^INSERT INTO reports_report ')"
echo "  per POST: $(value "SELECT round(sum(calls)::numeric / $posts, 1) FROM pg_stat_statements
                            WHERE query !~* 'pg_stat_statements|ALTER SYSTEM'") statements (measured period)"
echo "  database statements of the measured period (pg_stat_statements; calls per POST):"
sql -P footer=off -c "
    SELECT calls, round(calls::numeric / $posts, 2) AS per_post,
           round(mean_exec_time::numeric, 3) AS mean_ms, round(total_exec_time::numeric) AS total_ms,
           left(regexp_replace(query, '\s+', ' ', 'g'), 90) AS statement
    FROM pg_stat_statements WHERE query !~* 'pg_stat_statements|ALTER SYSTEM'
    ORDER BY calls DESC, total_exec_time DESC LIMIT ${SIPA_BENCH_STATEMENTS:-20}" | sed 's/^/  /'


if [[ "$BASELINE" == 1 ]]; then
    echo
    echo "-- 5. POST vs. bare INSERT in one JVM (de.sipa.reports.ReportInsertBenchmark, same data directory);"
    echo "      load before: $(load_now)"
    app_stop
    (cd "$PROJECT_DIR" && java -Xms1g -Xmx2g -Djava.io.tmpdir="$BENCH_TMP" -Dot.epg.working-dir="$EPG_CACHE" \
        -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" de.sipa.reports.ReportInsertBenchmark \
        --data "$DATA" --db-port "$DB_PORT" --threads "$CLIENTS" --warmup "$WARMUP" --duration "$DURATION") \
        2> >(grep -v -e '^SLF4J' -e 'WARN' >&2) &
    APP_PID=$!   # so that the trap stops it and its PostgreSQL
    wait "$APP_PID" || log "ReportInsertBenchmark failed"
    APP_PID=""
    echo "  load after: $(load_now)"
fi
fi

echo
echo "goals: POST >= 500/s with 8 clients, p99 < 100 ms (#19: >= 1,500/s, p99 < 50 ms); GET with filters p95 < 50 ms; queue page p95 < 200 ms (#19: < 100 ms); each role's start page p95 < 100 ms"
echo "load:    $(load_now) at the end"
cpu_report
