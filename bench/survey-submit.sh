#!/usr/bin/env bash
# Survey submission benchmark (issue #14: "the public survey accepts 200 submissions/s on this machine").
# Starts the jar on a throwaway data directory (demo profile: Musterstadt) with the per-address limit of survey
# responses lifted (all clients come from 127.0.0.1), adds an open wave of one page with nine questions
# (bench/sql/seed-survey.sql), then N concurrent clients post complete responses, each as a new device
# (bench/survey_submit.py), and the stored responses and answers are counted.
# Prints figures, asserts nothing (fails only if a response is refused or not stored).
#
# Usage: bench/survey-submit.sh [--no-build] [--clients N] [--warmup S] [--duration S]
#   --no-build     use the existing target/sipa-*.jar
#   --clients N    concurrent clients (default 8)
#   --warmup S     seconds of unmeasured load first (default 5), --duration S measured seconds (default 20)
# Environment: SIPA_BENCH_SURVEY_PORT (HTTP, default 18087), SIPA_BENCH_DB_PORT (default: a free one),
#              JAVA_OPTS (extra JVM options of the jar).

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

CLIENTS=8
WARMUP=5
DURATION=20
while [[ $# -gt 0 ]]; do
    case "$1" in
        --no-build) SKIP_BUILD=1 ;;
        --clients) CLIENTS="$2"; shift ;;
        --warmup) WARMUP="$2"; shift ;;
        --duration) DURATION="$2"; shift ;;
        -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
        *) log "unknown option $1"; exit 2 ;;
    esac
    shift
done

PORT="${SIPA_BENCH_SURVEY_PORT:-18087}"
require_free_port "$PORT" SIPA_BENCH_SURVEY_PORT

bench_init
build_jar
cpu_monitor_start
DB_PORT="${SIPA_BENCH_DB_PORT:-$(free_port)}"
DATA="$BENCH_TMP/survey/postgres"

echo "== SiPa survey submission benchmark, $(date '+%Y-%m-%d %H:%M %Z') =="
echo "jar:     ${JAR#"$PROJECT_DIR"/}"
machine_info
echo

start_demo_instance "$DATA" "$PORT" --sipa.surveys.submission-limit=1000000000

WAVE="$(sql -At -f "$BENCH_DIR/sql/seed-survey.sql" | tail -n 1)"
QUESTIONS="$(value "SELECT string_agg(q.id || ':' || q.kind || ':' || CASE WHEN q.kind = 'DISTRICT' THEN
                        (SELECT string_agg(d.id::text, '|') FROM partners_district d WHERE d.partnership_id = w.partnership_id)
                    WHEN q.kind = 'LIKERT' THEN (SELECT string_agg(g::text, '|') FROM generate_series(q.min_value, q.max_value) g)
                    ELSE coalesce((SELECT string_agg(o.code, '|') FROM surveys_option o WHERE o.question_id = q.id), '') END,
                    ',' ORDER BY q.position)
                    FROM surveys_question q JOIN surveys_wave w ON w.questionnaire_id = q.questionnaire_id
                    WHERE w.id = '$WAVE'")"
echo "wave:    $WAVE, $(value "SELECT count(*) FROM surveys_question q JOIN surveys_wave w ON w.questionnaire_id = q.questionnaire_id WHERE w.id = '$WAVE'") questions on one page"
echo

echo "-- POST of a complete response ($CLIENTS clients, $WARMUP s warm-up, $DURATION s measured, load $(load_now))"
python3 "$BENCH_DIR/survey_submit.py" --port "$PORT" --path "/buerger/musterstadt/umfragen/$WAVE" \
    --questions "$QUESTIONS" --clients "$CLIENTS" --warmup "$WARMUP" --duration "$DURATION"
echo "stored:  $(value "SELECT count(*) || ' responses, ' || (SELECT count(*) FROM surveys_answer a JOIN surveys_response r
                      ON r.id = a.response_id WHERE r.wave_id = '$WAVE') || ' answers, '
                      || (SELECT count(*) FROM surveys_device WHERE wave_id = '$WAVE') || ' devices'
                      FROM surveys_response WHERE wave_id = '$WAVE'")"
echo "load:    $(load_now) at the end"
cpu_report
