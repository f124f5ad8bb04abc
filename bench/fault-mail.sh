#!/usr/bin/env bash
# Fault (#18): the mail server is down; mails wait in the outbox and go out once it is up: none lost, none twice.
#   1. starts the jar on a throwaway data directory with the demo (which loads Musterstadt), stops it, and starts it
#      again on the same data without the demo profile (the demo keeps mail on the machine), with SMTP pointed at a
#      port where nothing listens and a delivery run every 2 s (instead of 10 s)
#   2. posts REPORTS Open311 reports: routing them queues mails to the organisations' accounts
#   3. DOWN s with the mail server away: every delivery run fails; the outbox is counted (waiting, attempts used)
#   4. starts a minimal SMTP sink on that port (bench/faults.py smtp, standard library), waits until the outbox is
#      empty or WAIT s have passed, and compares what the sink received with the mails SiPa queued
# Prints "queued N, received N, lost 0, twice 0" and exits 1 if a mail was lost or sent twice.
#
# Usage: bench/fault-mail.sh [--no-build] [--reports N] [--down S] [--wait S]
# Environment: SIPA_BENCH_FAULT_PORT (HTTP, default 18092), SIPA_BENCH_DB_PORT (default: a free one), JAVA_OPTS.

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

REPORTS=40
DOWN=40
WAIT=90
while [[ $# -gt 0 ]]; do
    case "$1" in
        --no-build) SKIP_BUILD=1 ;;
        --reports) REPORTS="$2"; shift ;;
        --down) DOWN="$2"; shift ;;
        --wait) WAIT="$2"; shift ;;
        -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
        *) log "unknown option $1"; exit 2 ;;
    esac
    shift
done

PORT="${SIPA_BENCH_FAULT_PORT:-18092}"
require_free_port "$PORT" SIPA_BENCH_FAULT_PORT
bench_init
build_jar
DB_PORT="${SIPA_BENCH_DB_PORT:-$(free_port)}"
SMTP_PORT="$(free_port)"
COUNTED="id NOT IN (SELECT id FROM fault.sent_before)"
DATA="$BENCH_TMP/postgres"
SINK_PID=""
stop_sink() { [[ -z "$SINK_PID" ]] || { kill -TERM "$SINK_PID" 2>/dev/null || true; wait "$SINK_PID" 2>/dev/null || true; }; }

echo "== SiPa fault: mail server down, $(date '+%Y-%m-%d %H:%M %Z') =="
machine_info
start_demo_instance "$DATA" "$PORT"
# What the demo's own sink sent is not counted; everything else (also what the demo left waiting) must arrive.
sql -c "CREATE SCHEMA fault; CREATE TABLE fault.sent_before AS SELECT id FROM notifications_mail WHERE sent_at IS NOT NULL"
app_stop
app_start "$DATA" "$PORT" --sipa.database.port="$DB_PORT" --spring.profiles.active=faults \
    --spring.mail.host=127.0.0.1 --spring.mail.port="$SMTP_PORT" --sipa.mail.delivery-interval=PT2S \
    --sipa.reports.open311-intake-limit=1000000000
wait_for_login_page "$PORT" "${SIPA_BENCH_START_SECONDS:-180}" >/dev/null
echo "SMTP:    127.0.0.1:$SMTP_PORT, nothing listening"

python3 "$BENCH_DIR/faults.py" burst --port "$PORT" --clients 1 --duration 600 --out "$BENCH_TMP/acks.tsv" \
    --stop "$BENCH_TMP/enough" --run mail >"$BENCH_TMP/burst.txt" 2>&1 &
BURST=$!
for _ in $(seq 1 600); do
    [[ -f "$BENCH_TMP/acks.tsv" && "$(wc -l <"$BENCH_TMP/acks.tsv")" -ge "$REPORTS" ]] && break
    sleep 0.1
done
touch "$BENCH_TMP/enough"
wait "$BURST" || true
echo "reports: $(grep '^burst:' "$BENCH_TMP/burst.txt" | sed 's/^burst: //')"
sleep "$DOWN"
QUEUED="$(value "SELECT count(*) FROM notifications_mail WHERE $COUNTED")"
echo "after ${DOWN} s without a mail server: queued $QUEUED, sent $(value "SELECT count(*) FROM notifications_mail
      WHERE $COUNTED AND sent_at IS NOT NULL"), attempts used (max) $(value "SELECT max(attempts) FROM
      notifications_mail WHERE $COUNTED"), delivery runs that failed in the log $(grep -c 'Mail server unreachable\|not delivered' "$APP_LOG")"

: >"$BENCH_TMP/received.tsv"
python3 "$BENCH_DIR/faults.py" smtp --port "$SMTP_PORT" --out "$BENCH_TMP/received.tsv" >"$BENCH_TMP/sink.txt" 2>&1 &
SINK_PID=$!
T_UP="$(now_ns)"
for _ in $(seq 1 $((WAIT * 10))); do
    [[ "$(value "SELECT count(*) FROM notifications_mail WHERE $COUNTED AND sent_at IS NULL")" == 0 ]] && break
    sleep 0.1
done
EMPTY_AFTER="$(seconds_since "$T_UP")"
sleep 3   # a run that would send something twice gets its chance
stop_sink
sql -c "CREATE TABLE IF NOT EXISTS fault.received (recipients TEXT, subject TEXT);
        TRUNCATE fault.received" >/dev/null
sql -c "\\copy fault.received FROM '$BENCH_TMP/received.tsv'"
read -r queued received lost twice unexpected < <(value "
    WITH queued AS (SELECT recipient, subject, count(*) AS n FROM notifications_mail WHERE $COUNTED
                    GROUP BY 1, 2),
         got AS (SELECT recipients AS recipient, subject, count(*) AS n FROM fault.received GROUP BY 1, 2)
    SELECT (SELECT sum(n) FROM queued), (SELECT count(*) FROM fault.received),
           (SELECT coalesce(sum(q.n - coalesce(g.n, 0)) FILTER (WHERE coalesce(g.n, 0) < q.n), 0)
            FROM queued q LEFT JOIN got g USING (recipient, subject)),
           (SELECT coalesce(sum(g.n - q.n) FILTER (WHERE g.n > q.n), 0) FROM queued q JOIN got g USING (recipient, subject)),
           (SELECT count(*) FROM got g WHERE NOT EXISTS (SELECT 1 FROM queued q WHERE q.recipient = g.recipient
                                                         AND q.subject = g.subject))" | tr '|' ' ')
echo "mail server up: outbox empty after ${EMPTY_AFTER} s (delivery runs every 2 s)"
echo "queued $queued, received $received, lost $lost, twice $twice (received but never queued: $unexpected)"
echo "load:    $(load_now) (1/5/15 min, at the end)"
app_stop
if [[ "$queued" == 0 || "$lost" != 0 || "$twice" != 0 || "$unexpected" != 0 ]]; then
    exit 1
fi
