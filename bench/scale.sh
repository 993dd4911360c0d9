#!/usr/bin/env bash
# Durable submissions on SQLite and PostgreSQL, one instance and two behind nginx, side by side.
#
#   bench/scale.sh     publish Release to $KT_BENCH_ARTIFACTS/publish (or KT_BENCH_SKIP_PUBLISH=1 to
#                      reuse the last publish, e.g. bench/run.sh's), start a throw-away PostgreSQL
#                      cluster (pg_virtualenv -t) and, for each row of the table, fresh databases, the app instances and (where the row says) nginx
#                      in front; drive POST /api/assessments with wrk; print one table; stop all.
#
# Knobs: those of bench/common.sh (KT_BENCH_ARTIFACTS, KT_BENCH_SKIP_PUBLISH, KT_BENCH_DURATION, ...).
# Needs: dotnet, curl, wrk, nginx, postgresql (pg_virtualenv). Loopback only.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BENCH_LOG_NAME=scale
# shellcheck source=common.sh
source "$BENCH_DIR/common.sh"
BODIES="$BENCH_DIR/wrk/answer-sets.jsonl"

# Re-run inside a throw-away PostgreSQL cluster (it exports PGHOST, PGPORT, PGUSER, PGPASSWORD).
if [[ -z "${KT_SCALE_IN_CLUSTER:-}" ]]; then
  command -v pg_virtualenv >/dev/null || die "pg_virtualenv missing: apt-get install -y postgresql"
  for tool in wrk curl dotnet; do command -v "$tool" >/dev/null || die "$tool is needed"; done
  [[ -x /usr/sbin/nginx ]] || die "nginx is needed: apt-get install -y nginx"
  publish_app "$(mktemp --suffix=.log /tmp/kt-scale-publish.XXXXXX)"
  exec env KT_SCALE_IN_CLUSTER=1 pg_virtualenv -t -- bash "${BASH_SOURCE[0]}" "$@"
fi

WORK_DIR="$(mktemp -d /tmp/kt-scale.XXXXXX)"
chmod 755 "$WORK_DIR"
PIDS=()
URL=""
stop_all() {
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
  PIDS=()
}
cleanup() { local code=$?; stop_all; if ((code == 0)); then rm -rf "$WORK_DIR"; else log "kept $WORK_DIR"; fi; exit $code; }
trap cleanup EXIT
trap 'exit 130' INT TERM

# start_app PROVIDER CONNECTION_STRING LOGNAME: sets URL once /healthz/ready answers 200.
# (Not in $(...): the process must be a child of this shell, so stop_all can stop it.)
start_app() {
  local port url
  port="$(free_port)"
  url="http://127.0.0.1:$port"
  (
    cd "$PUBLISH_DIR"
    exec env Storage__Provider="$1" ConnectionStrings__KneeTriage="$2" RateLimiting__Enabled=false \
      ASPNETCORE_URLS="$url" ./KneeTriage.Web --contentRoot "$PUBLISH_DIR"
  ) >"$WORK_DIR/$3.log" 2>&1 &
  PIDS+=($!)
  local tries=0
  until [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url/healthz/ready")" == 200 ]]; do
    ((tries++ < 600)) || { cat "$WORK_DIR/$3.log" >&2; die "$3 did not become ready"; }
    sleep 0.05
  done
  URL="$url"
}

# start_nginx URL...: sets URL to nginx's (plain HTTP on loopback; TLS would measure nginx's crypto).
start_nginx() {
  local port dir="$WORK_DIR/nginx-$RANDOM" servers="" url
  port="$(free_port)"
  mkdir -p "$dir/tmp"
  chmod 777 "$dir/tmp"
  for url in "$@"; do servers+="    server ${url#http://};"$'\n'; done
  cat >"$dir/nginx.conf" <<CONF
daemon off;
worker_processes auto;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $dir/tmp/body;
  proxy_temp_path $dir/tmp/proxy;
  fastcgi_temp_path $dir/tmp/fastcgi;
  uwsgi_temp_path $dir/tmp/uwsgi;
  scgi_temp_path $dir/tmp/scgi;
  upstream kneetriage {
$servers    keepalive 128;
  }
  server {
    listen 127.0.0.1:$port;
    location / {
      proxy_pass http://kneetriage;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$remote_addr;
      proxy_set_header X-Forwarded-Proto \$scheme;
    }
  }
}
CONF
  /usr/sbin/nginx -p "$dir" -c "$dir/nginx.conf" -e "$dir/error.log" &
  PIDS+=($!)
  local tries=0
  until curl -sf -o /dev/null "http://127.0.0.1:$port/healthz"; do
    ((tries++ < 200)) || { cat "$dir/error.log" >&2; die "nginx did not start"; }
    sleep 0.02
  done
  URL="http://127.0.0.1:$port"
}

ROWS="$WORK_DIR/rows.txt"
: >"$ROWS"
# measure LABEL URL: warm-up, then the measured submissions run; one row.
measure() {
  log "$1: warm-up ${WARMUP}s, then ${DURATION}s of POST /api/assessments at $CONNECTIONS connections"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -s "$BENCH_DIR/wrk/submit.lua" "$2" -- "$BODIES" >/dev/null
  local out line
  out="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 5s -s "$BENCH_DIR/wrk/submit.lua" "$2" -- "$BODIES")"
  line="$(grep '^KTBENCH ' <<<"$out")" || die "$1: wrk printed no summary: $out"
  echo "$1|$line" >>"$ROWS"
}

PG_SERVER="Host=${PGHOST:-localhost};Port=${PGPORT:-5432};Username=${PGUSER:-postgres};Password=${PGPASSWORD:-}"
fresh_pg() { local name="kt_scale_$RANDOM$RANDOM"; psql -qc "CREATE DATABASE $name" >/dev/null; echo "$PG_SERVER;Database=$name"; }

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"

# SQLite: one instance on a file, direct and behind nginx; two instances behind nginx on one shared file.
start_app Sqlite "Data Source=$WORK_DIR/one.db" sqlite-1
measure "SQLite, 1 instance, direct" "$URL"
stop_all
start_app Sqlite "Data Source=$WORK_DIR/one-nginx.db" sqlite-1n
start_nginx "$URL"
measure "SQLite, 1 instance, nginx" "$URL"
stop_all
start_app Sqlite "Data Source=$WORK_DIR/shared.db" sqlite-a; a="$URL"
start_app Sqlite "Data Source=$WORK_DIR/shared.db" sqlite-b; b="$URL"
start_nginx "$a" "$b"
measure "SQLite, 2 instances, nginx" "$URL"
stop_all

# PostgreSQL: one instance direct, one behind nginx, two behind nginx (each on a fresh database).
start_app PostgreSQL "$(fresh_pg)" pg-1
measure "PostgreSQL, 1 instance, direct" "$URL"
stop_all
start_app PostgreSQL "$(fresh_pg)" pg-1n
start_nginx "$URL"
measure "PostgreSQL, 1 instance, nginx" "$URL"
stop_all
cs="$(fresh_pg)"
start_app PostgreSQL "$cs" pg-a; a="$URL"
start_app PostgreSQL "$cs" pg-b; b="$URL"
start_nginx "$a" "$b"
measure "PostgreSQL, 2 instances, nginx" "$URL"
stop_all

echo
echo "KneeTriage scale bench  $(date -u +'%Y-%m-%d %H:%M UTC')  $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(psql -tAc 'show server_version' | cut -d' ' -f1) PostgreSQL, $(/usr/sbin/nginx -v 2>&1 | sed 's/.*\///') nginx"
echo "POST /api/assessments, durable (201 only after the group's commit), wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s after ${WARMUP}s warm-up, loopback, everything on the same cores; load average before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg)"
awk -F'|' '{
    split($2, f, " "); delete v
    for (i = 2; i in f; i++) { split(f[i], kv, "="); v[kv[1]] = kv[2] }
    rows[++n] = sprintf("%-32s %10.0f %9.2f %9.2f %8d", $1, v["requests"] / (v["duration_us"] / 1e6), v["p50_us"] / 1000, v["p99_us"] / 1000, v["status_errors"] + v["socket_errors"])
  }
  END {
    printf "%-32s %10s %9s %9s %8s\n", "setup", "req/s", "p50 ms", "p99 ms", "errors"
    for (k = 1; k <= n; k++) print rows[k]
  }' "$ROWS"
