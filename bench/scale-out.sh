#!/usr/bin/env bash
# Two SiPa instances behind nginx on loopback, sharing one PostgreSQL (issue "Proven at scale"). Instance A runs
# the embedded PostgreSQL with the Musterstadt demo; instance B joins it through SPRING_DATASOURCE_URL, as a second
# instance in production would; nginx (Debian package, installed when missing and run as root) balances round robin
# and names the instance that answered in X-Sipa-Upstream. Shows:
#   1. a logged-in session survives switching instance (sessions live in PostgreSQL)
#   2. a scheduled job runs once: 50 reports are made overdue while both instances run the escalation every 2 s;
#      each must get exactly one ESCALATED event and one mail per coordinator (ShedLock's lock in PostgreSQL and the
#      job's own guard)
#   3. Open311 POST throughput on A alone, then through nginx on A and B, with the CPU split (A, B, PostgreSQL,
#      nginx); afterwards every new report was routed once and no event publication is left incomplete
# Prints figures, asserts nothing but the checks of 1-3 (exit code 1 if one fails).
#
# Usage: bench/scale-out.sh [--no-build] [--duration S] [--warmup S] [--clients N]
#   --duration S   measured seconds of each POST load (default 30); --warmup S (default 10)
#   --clients N    concurrent POST clients (default 8)
# Environment: SIPA_BENCH_SCALE_PORTS "A,B,LB" (HTTP ports, default 18091,18092,18090), SIPA_BENCH_DB_PORT.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DURATION=30
WARMUP=10
CLIENTS=8
while [[ $# -gt 0 ]]; do
    case "$1" in
        --no-build) SKIP_BUILD=1 ;;
        --duration) DURATION="$2"; shift ;;
        --warmup) WARMUP="$2"; shift ;;
        --clients) CLIENTS="$2"; shift ;;
        -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
        *) log "unknown option $1"; exit 2 ;;
    esac
    shift
done
IFS=, read -r PORT_A PORT_B PORT_LB <<< "${SIPA_BENCH_SCALE_PORTS:-18091,18092,18090}"
for port in "$PORT_A" "$PORT_B" "$PORT_LB"; do require_free_port "$port" SIPA_BENCH_SCALE_PORTS; done

if ! command -v nginx >/dev/null && [[ -x /usr/sbin/nginx ]]; then PATH="$PATH:/usr/sbin"; fi
if ! command -v nginx >/dev/null; then
    if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
        log "Installing nginx (apt-get) ..."
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends nginx >/dev/null \
            || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends nginx >/dev/null; }
        PATH="$PATH:/usr/sbin"
    else
        log "nginx is missing: install the Debian package nginx (as root: apt-get install nginx)"
        exit 1
    fi
fi

B_PID=""
NGINX_PID=""
scale_cleanup() {
    local status=$?
    [[ -n "$NGINX_PID" ]] && kill -TERM "$NGINX_PID" 2>/dev/null && wait "$NGINX_PID" 2>/dev/null
    if [[ -n "$B_PID" ]] && kill -0 "$B_PID" 2>/dev/null; then
        kill -TERM "$B_PID" 2>/dev/null || true
        for _ in $(seq 1 50); do kill -0 "$B_PID" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$B_PID" 2>/dev/null || true
    fi
    (exit "$status")
    bench_cleanup
}
bench_init
trap scale_cleanup EXIT
build_jar
cpu_monitor_start
DB_PORT="${SIPA_BENCH_DB_PORT:-$(free_port)}"
DATA="$BENCH_TMP/scale-out/postgres"

echo "== SiPa scale-out benchmark (two instances behind nginx), $(date '+%Y-%m-%d %H:%M %Z') =="
echo "jar:     ${JAR#"$PROJECT_DIR"/}"
echo "nginx:   $(nginx -v 2>&1)"
machine_info
echo

# The same settings on both instances: the POST load comes from one address (lift the intake limit), and the
# escalation job ticks every 2 s so that both instances compete for it during the check.
SHARED=(--sipa.reports.open311-intake-limit=1000000000 --sipa.reports.escalation-interval=PT2S)
start_demo_instance "$DATA" "$PORT_A" "${SHARED[@]}"
wait_until "SELECT (SELECT count(*) FROM reports_api_client) > 0 AND (SELECT count(*) FROM reports_report) > 0"
A_PID="$APP_PID"

log "Starting instance B on the same PostgreSQL (HTTP $PORT_B) ..."
B_LOG="$BENCH_TMP/app-b.log"
mkdir -p "$BENCH_TMP/b-tmp"
# shellcheck disable=SC2086  # JAVA_OPTS is a word list
SPRING_DATASOURCE_URL="jdbc:postgresql://localhost:$DB_PORT/postgres" SPRING_DATASOURCE_USERNAME=postgres \
SPRING_DATASOURCE_PASSWORD="$(db_password)" \
    java ${JAVA_OPTS:-} -Djava.io.tmpdir="$BENCH_TMP/b-tmp" -jar "$JAR" --server.port="$PORT_B" \
    --sipa.database.directory="$BENCH_TMP/b-unused" "${SHARED[@]}" >"$B_LOG" 2>&1 &
B_PID=$!
# Readiness, as a load balancer asks it (docs/operations.md): 200 once B has started and reaches the database.
for _ in $(seq 1 1800); do
    [[ "$(curl -s -o /dev/null -m 2 -w '%{http_code}' "http://localhost:$PORT_B/actuator/health/readiness" || true)" == 200 ]] && break
    kill -0 "$B_PID" 2>/dev/null || { log "Instance B exited:"; tail -n 30 "$B_LOG" >&2; exit 1; }
    sleep 0.1
done

mkdir -p "$BENCH_TMP/nginx"
cat > "$BENCH_TMP/nginx/nginx.conf" <<CONF
worker_processes 1;
pid $BENCH_TMP/nginx/nginx.pid;
error_log $BENCH_TMP/nginx/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $BENCH_TMP/nginx/body;
    proxy_temp_path $BENCH_TMP/nginx/proxy;
    fastcgi_temp_path $BENCH_TMP/nginx/fastcgi;
    uwsgi_temp_path $BENCH_TMP/nginx/uwsgi;
    scgi_temp_path $BENCH_TMP/nginx/scgi;
    # nginx without Plus has no active health checks: an instance that fails (refused, 502/503/504) is left out for
    # 10 s; GET and HEAD go to the other one instead, a POST is never sent twice.
    upstream sipa {
        server 127.0.0.1:$PORT_A max_fails=1 fail_timeout=10s;
        server 127.0.0.1:$PORT_B max_fails=1 fail_timeout=10s;
        keepalive 32;
    }
    server {
        listen 127.0.0.1:$PORT_LB;
        location / {
            proxy_pass http://sipa;
            proxy_next_upstream error timeout http_502 http_503 http_504;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host \$http_host;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto \$scheme;
            add_header X-Sipa-Upstream \$upstream_addr always;
        }
    }
}
CONF
nginx -c "$BENCH_TMP/nginx/nginx.conf" -p "$BENCH_TMP/nginx" -g 'daemon off;' &
NGINX_PID=$!
for _ in $(seq 1 100); do
    [[ "$(curl -s -o /dev/null -m 2 -w '%{http_code}' "http://localhost:$PORT_LB/login" || true)" == 200 ]] && break
    sleep 0.1
done
echo "instances: A http://localhost:$PORT_A (embedded PostgreSQL on $DB_PORT), B http://localhost:$PORT_B," \
     "nginx http://localhost:$PORT_LB"
failed=()

echo
echo "-- 1. one session, requests handed to both instances in turn"
python3 "$BENCH_DIR/scale_out.py" session --port "$PORT_LB" --requests 20 || failed+=("session")

echo
echo "-- 2. the escalation job on two instances (each ticks every 2 s)"
sql -q -c "DROP TABLE IF EXISTS bench_overdue" -c "
    CREATE TABLE bench_overdue AS SELECT id FROM reports_report
    WHERE closed_at IS NULL AND escalated_at IS NULL AND assignee_id IS NOT NULL ORDER BY id LIMIT 50" \
    -c "UPDATE reports_report SET deadline = now() - interval '1 hour' WHERE id IN (SELECT id FROM bench_overdue)"
OVERDUE="$(value "SELECT count(*) FROM bench_overdue")"
t0="$(now_ns)"
for _ in $(seq 1 900); do
    [[ "$(value "SELECT count(*) = 0 FROM reports_report WHERE id IN (SELECT id FROM bench_overdue)
                 AND escalated_at IS NULL")" == t ]] && break
    sleep 0.1
done
sleep 6   # three more ticks of each instance: a second run would escalate again now
COORDINATORS="$(value "SELECT count(*) FROM identity_account a JOIN partners_partnership p ON p.id = a.partnership_id
                       WHERE p.slug = 'musterstadt' AND a.role = 'COORDINATOR' AND a.enabled AND coalesce(a.email, '') <> ''")"
read -r ESCALATED EVENTS TWICE MAILS < <(value "SELECT
    (SELECT count(*) FROM reports_report WHERE id IN (SELECT id FROM bench_overdue) AND escalated_at IS NOT NULL),
    (SELECT count(*) FROM reports_event WHERE kind = 'ESCALATED' AND report_id IN (SELECT id FROM bench_overdue)),
    (SELECT count(*) FROM (SELECT report_id FROM reports_event WHERE kind = 'ESCALATED'
        AND report_id IN (SELECT id FROM bench_overdue) GROUP BY report_id HAVING count(*) > 1) x),
    (SELECT count(*) FROM notifications_mail m JOIN bench_overdue b ON m.dedup_key LIKE 'escalation:' || b.id || ':%')" \
    | tr '|' ' ')
echo "  $OVERDUE reports made overdue; escalated within $(seconds_since "$t0") s (incl. 6 s of further ticks):" \
     "$ESCALATED reports, $EVENTS ESCALATED events, $TWICE escalated twice, $MAILS mails" \
     "($COORDINATORS coordinator(s) with e-mail: $((OVERDUE * COORDINATORS)) expected)"
echo "  lock: $(value "SELECT name || ' last taken ' || to_char(locked_at, 'HH24:MI:SS') || ' UTC until ' || to_char(lock_until, 'HH24:MI:SS') || ' by ' || locked_by
                     FROM database_shedlock WHERE name = 'reports.escalation'")"
[[ "$ESCALATED" == "$OVERDUE" && "$EVENTS" == "$OVERDUE" && "$TWICE" == 0 \
    && "$MAILS" == "$((OVERDUE * COORDINATORS))" ]] || failed+=("job once")

# CPU seconds of a process (utime + stime), and of all PostgreSQL processes together.
cpu_of() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$1/stat" 2>/dev/null || echo 0; }
cpu_postgres() {   # the postmaster and its live backends, plus what its exited backends used (cutime, cstime)
    local pm total pid
    pm="$(postmaster_pid)"
    total="$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15 + $16 + $17) / hz }' "/proc/$pm/stat")"
    for pid in $(pgrep -P "$pm"); do total="$(awk -v a="$total" -v b="$(cpu_of "$pid")" 'BEGIN { printf "%.2f", a + b }')"; done
    echo "$total"
}
post_load() {   # post_load LABEL PORT
    local a0 b0 p0 n0 before
    before="$(value "SELECT count(*) FROM reports_report")"
    a0="$(cpu_of "$A_PID")"; b0="$(cpu_of "$B_PID")"; p0="$(cpu_postgres)"; n0=0
    for pid in $(pgrep -x nginx); do n0="$(awk -v a="$n0" -v b="$(cpu_of "$pid")" 'BEGIN { printf "%.2f", a + b }')"; done
    echo "  load before: $(load_now)"
    python3 "$BENCH_DIR/reports_load.py" post --port "$2" --clients "$CLIENTS" --warmup "$WARMUP" \
        --duration "$DURATION" | sed 's/^/  /'
    local n1=0
    for pid in $(pgrep -x nginx); do n1="$(awk -v a="$n1" -v b="$(cpu_of "$pid")" 'BEGIN { printf "%.2f", a + b }')"; done
    local stored=$(( $(value "SELECT count(*) FROM reports_report") - before ))
    echo "  $1: $stored reports stored; CPU seconds during warm-up and load: A $(awk -v x="$(cpu_of "$A_PID")" -v y="$a0" 'BEGIN { printf "%.1f", x - y }')," \
         "B $(awk -v x="$(cpu_of "$B_PID")" -v y="$b0" 'BEGIN { printf "%.1f", x - y }')," \
         "PostgreSQL $(awk -v x="$(cpu_postgres)" -v y="$p0" 'BEGIN { printf "%.1f", x - y }')," \
         "nginx $(awk -v x="$n1" -v y="$n0" 'BEGIN { printf "%.1f", x - y }'); load after: $(load_now)"
}

echo
echo "-- 3a. Open311 POST, $CLIENTS clients, on instance A alone (B idle)"
post_load "one instance" "$PORT_A"
echo
echo "-- 3b. Open311 POST, $CLIENTS clients, through nginx on A and B"
LOAD_START="$(value "SELECT to_char(now(), 'YYYY-MM-DD HH24:MI:SS.US TZH')")"
post_load "two instances" "$PORT_LB"
sleep 3   # asynchronous listeners finish
read -r NEW ROUTED ROUTED_TWICE INCOMPLETE < <(value "SELECT
    (SELECT count(*) FROM reports_report WHERE submitted_at >= '$LOAD_START'),
    (SELECT count(DISTINCT e.report_id) FROM reports_event e JOIN reports_report r ON r.id = e.report_id
        WHERE r.submitted_at >= '$LOAD_START' AND e.kind = 'ROUTED'),
    (SELECT count(*) FROM (SELECT e.report_id FROM reports_event e JOIN reports_report r ON r.id = e.report_id
        WHERE r.submitted_at >= '$LOAD_START' AND e.kind = 'ROUTED' GROUP BY e.report_id HAVING count(*) > 1) x),
    (SELECT count(*) FROM event_publication WHERE completion_date IS NULL)" | tr '|' ' ')
echo "  events: of $NEW reports posted through nginx $ROUTED were routed by the matrix (the rest wait for the" \
     "coordinator), $ROUTED_TWICE twice; $INCOMPLETE event publications incomplete"
[[ "$ROUTED_TWICE" == 0 && "$INCOMPLETE" == 0 ]] || failed+=("events once")

echo
cpu_report
echo "load:    $(load_now) at the end"
if [[ ${#failed[@]} -gt 0 ]]; then
    echo "FAILED: ${failed[*]}"
    exit 1
fi
echo "all checks passed"
