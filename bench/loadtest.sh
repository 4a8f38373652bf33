#!/usr/bin/env bash
# `make loadtest`: serve the demo hub as production would and put it under load with Locust.
#
# A throwaway PostgreSQL 15 cluster, migrations, the demo content, collected static files, and gunicorn
# (production settings, WhiteNoise) on a free port on 127.0.0.1; then Locust, headless, for a bounded
# number of users and time; then bench/loadtest_db.py checks every comment and reply it posted is stored
# exactly once and writes bench/results/loadtest.md. The server and the cluster are stopped whatever
# happens. Exits non-zero on any failed request, error, or lost or duplicated post.
#
# Settings (make variables of the same name): LOADTEST_USERS (20), LOADTEST_SPAWN_RATE (users started
# per second, 5), LOADTEST_TIME (60s), LOADTEST_WORKERS (gunicorn workers, 4).
set -euo pipefail

cd "$(dirname "$0")/.."
users=${LOADTEST_USERS:-20}
spawn_rate=${LOADTEST_SPAWN_RATE:-5}
run_time=${LOADTEST_TIME:-60s}
workers=${LOADTEST_WORKERS:-4}
venv=.venv/bin
run_dir=$PWD/var/loadtest
report=bench/results/loadtest.md

server_pid=""
stop() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid"
    wait "$server_pid" 2>/dev/null || true
  fi
  .ci/postgres stop "$run_dir/postgres" || true
  rm -rf "$run_dir/postgres" "$run_dir/static"
}
trap stop EXIT

rm -rf "$run_dir"
mkdir -p "$run_dir"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
port=$(free_port)

DATABASE_URL=$(.ci/postgres start "$run_dir/postgres")
SECRET_KEY=$(python3 -c 'import secrets; print(secrets.token_urlsafe(50))')
export DATABASE_URL SECRET_KEY
export DJANGO_SETTINGS_MODULE=hub.settings.production
export ALLOWED_HOSTS=127.0.0.1
export BASE_URL="https://127.0.0.1:$port"
export STATIC_ROOT="$run_dir/static" MEDIA_ROOT="$run_dir/media"
# Locust is the proxy in front of the hub: it names each simulated user's address in X-Forwarded-For.
export TRUSTED_PROXY_COUNT=1
# Any email a request sends goes to the server log rather than to an SMTP server that is not there.
export EMAIL_URL=consolemail://
export LOG_LEVEL=WARNING

echo "Preparing the demo hub on PostgreSQL ($DATABASE_URL)..."
$venv/python manage.py migrate --noinput >"$run_dir/migrate.log"
$venv/python manage.py load_demo >"$run_dir/load_demo.log"
$venv/python manage.py collectstatic --noinput >"$run_dir/collectstatic.log"
$venv/python bench/loadtest_db.py plan "$run_dir/plan.json"

echo "Starting gunicorn with $workers workers at http://127.0.0.1:$port/ ..."
$venv/gunicorn hub.wsgi --workers "$workers" --bind "127.0.0.1:$port" --access-logfile "$run_dir/access.log" \
  >"$run_dir/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 60); do
  if curl -fsS -o /dev/null -H "X-Forwarded-Proto: https" "http://127.0.0.1:$port/healthz"; then
    break
  fi
  kill -0 "$server_pid" 2>/dev/null || { cat "$run_dir/server.log"; exit 1; }
  sleep 1
done
curl -fsS -o /dev/null -H "X-Forwarded-Proto: https" "http://127.0.0.1:$port/healthz"
echo "Warming up the workers..."
python3 -c 'import json, sys; print("\n".join(json.load(open(sys.argv[1]))["warm_up"]))' "$run_dir/plan.json" |
  xargs -P "$workers" -I{} curl -fsS -o /dev/null -H "X-Forwarded-Proto: https" "http://127.0.0.1:$port{}"

started=$(date -u +"%Y-%m-%d %H:%M UTC")
load_before=$(cut -d' ' -f1 /proc/loadavg)
echo "Load: $users users (started at $spawn_rate a second) for $run_time"
LOADTEST_RUN_DIR=$run_dir $venv/locust -f bench/locustfile.py --headless --only-summary \
  --users "$users" --spawn-rate "$spawn_rate" --run-time "$run_time" --stop-timeout 30 \
  --host "http://127.0.0.1:$port" --loglevel WARNING || true

printf '{"started": "%s", "users": %d, "spawn_rate": "%s", "run_time": "%s", "workers": %d, "load": "%s"}\n' \
  "$started" "$users" "$spawn_rate" "$run_time" "$workers" "$load_before" >"$run_dir/run.json"
$venv/python bench/loadtest_db.py check "$run_dir" "$report"
