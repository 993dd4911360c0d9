#!/usr/bin/env bash
# KneeTriage load benchmark, side by side with nginx serving the same article bytes.
#
#   bench/run.sh            publish Release, start the app and nginx on loopback, drive both with wrk,
#                           print one table, stop everything it started.
#
# Environment knobs (defaults in brackets): those of bench/common.sh (KT_BENCH_ARTIFACTS, KT_BENCH_SKIP_PUBLISH,
# KT_BENCH_DURATION, KT_BENCH_WARMUP, KT_BENCH_CONNECTIONS, KT_BENCH_THREADS), and:
#   KT_BENCH_ARTICLE    the article page compared with nginx [/article/causes, the largest]
#   KT_BENCH_ACCEPT_ENCODING  sent on every request, as a browser does ["gzip, deflate, br, zstd"];
#                       nginx serves a gzip -9 copy of the page (gzip_static), the app whatever it chooses
#   KT_BENCH_TOKENS     results created up front for the result-page run [200]
#   KT_BENCH_ROUNDS     rounds of nginx / article / result runs, interleaved [3]
#
# Needs: dotnet (SDK 10), curl, and wrk + nginx (installed from Debian's packages when missing, as root).
# Loopback only: every listener binds 127.0.0.1 on a free port.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BENCH_LOG_NAME=bench
# shellcheck source=common.sh
source "$BENCH_DIR/common.sh"
ARTICLE_PATH="${KT_BENCH_ARTICLE:-/article/causes}"
ACCEPT_ENCODING="${KT_BENCH_ACCEPT_ENCODING-gzip, deflate, br, zstd}"
TOKEN_COUNT="${KT_BENCH_TOKENS:-200}"
ROUNDS="${KT_BENCH_ROUNDS:-3}"


# --- tools -----------------------------------------------------------------------------------
ensure_tools() {
  local missing=()
  command -v wrk >/dev/null || missing+=(wrk)
  command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || missing+=(nginx)
  if ((${#missing[@]})); then
    [[ $(id -u) -eq 0 ]] || die "install ${missing[*]} (apt-get install -y ${missing[*]}) or run as root"
    log "installing ${missing[*]} from Debian"
    apt-get update -qq
    # Debian's nginx package starts the system nginx (port 80, all interfaces) when it can; a
    # temporary policy-rc.d forbids that: this script only ever runs its own nginx, on loopback.
    local policy=/usr/sbin/policy-rc.d made_policy=0
    if [[ ! -e "$policy" ]]; then
      printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && made_policy=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    if ((made_policy)); then rm -f "$policy"; fi
  fi
  command -v curl >/dev/null || die "curl is needed"
  command -v dotnet >/dev/null || die "the .NET SDK is needed"
}



# --- everything we start is stopped on exit ------------------------------------------------
WORK_DIR=""
APP_PID=""
NGINX_PID=""
cleanup() {
  local code=$?
  [[ -n "$APP_PID" ]] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null
  [[ -n "$NGINX_PID" ]] && kill "$NGINX_PID" 2>/dev/null && wait "$NGINX_PID" 2>/dev/null
  if [[ -n "$WORK_DIR" && -d "$WORK_DIR" ]]; then
    if [[ $code -ne 0 ]]; then
      log "kept $WORK_DIR for a look (app.log, nginx/error.log)"
    else
      rm -rf "$WORK_DIR"
    fi
  fi
  exit $code
}
trap cleanup EXIT
trap 'exit 130' INT TERM

now_ns() { date +%s%N; }

# --- wrk ---------------------------------------------------------------------------------------
# run_wrk NAME URL [script args...]: warm-up, then the measured run; appends one row to $RESULTS.
RESULTS=""
run_wrk() {
  local name="$1" url="$2" script="$3"
  shift 3
  local extra=()
  (($#)) && extra=(-- "$@")
  local headers=()
  [[ -n "$ACCEPT_ENCODING" ]] && headers=(-H "Accept-Encoding: $ACCEPT_ENCODING")
  log "$name: warm-up ${WARMUP}s, then ${DURATION}s at $CONNECTIONS connections"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" "${headers[@]}" -s "$script" "$url" "${extra[@]}" >/dev/null
  local out cpu_before cpu_after
  cpu_before="$(server_cpu_ms "$name")"
  out="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 5s "${headers[@]}" -s "$script" "$url" "${extra[@]}")"
  cpu_after="$(server_cpu_ms "$name")"
  local line
  line="$(grep '^KTBENCH ' <<<"$out")" || die "$name: wrk printed no summary: $out"
  echo "$name $line server_cpu_ms=$((cpu_after - cpu_before)) app_hwm_kb=$(awk '/^VmHWM:/ {print $2}' "/proc/$APP_PID/status")" >>"$RESULTS"
  log "$name: $(awk -v cpu=$((cpu_after - cpu_before)) '{ for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] } }
    END { printf "%.0f req/s, %.1f us of server CPU per request", v["requests"] / (v["duration_us"] / 1e6), cpu * 1000 / v["requests"] }' <<<"$line")"
}

# CPU time (user + system, ms) used so far by the server under test: the app, or nginx's master and
# workers. CPU per request stays comparable when other work on the machine skews requests per second.
server_cpu_ms() {
  local pids
  if [[ "$1" == nginx ]]; then
    pids="$NGINX_PID $(pgrep -P "$NGINX_PID" | tr '\n' ' ')"
  else
    pids="$APP_PID"
  fi
  local total=0 pid stat
  for pid in $pids; do
    stat="$(cat "/proc/$pid/stat" 2>/dev/null)" || continue
    stat="${stat##*) }"
    # Fields after the command: utime and stime are the 12th and 13th.
    total=$((total + $(awk '{print $12 + $13}' <<<"$stat")))
  done
  echo $((total * 1000 / $(getconf CLK_TCK)))
}

# wire_size URL: the body's size as sent with the browser's Accept-Encoding, and its Content-Encoding.
wire_size() {
  curl -s -o /dev/null -D "$WORK_DIR/wire-headers" -w '%{size_download}' ${ACCEPT_ENCODING:+-H "Accept-Encoding: $ACCEPT_ENCODING"} "$1"
  printf ' %s\n' "$(tr -d '\r' <"$WORK_DIR/wire-headers" | awk -F': ' 'tolower($1) == "content-encoding" { print $2 }' | grep . || echo identity)"
}

# expect_2xx URL [curl args...]: a benchmark of 404s or redirects would be meaningless.
expect_2xx() {
  local url="$1"
  shift
  local code
  code="$(curl -s -o /dev/null -w '%{http_code}' "$@" "$url")"
  [[ "$code" == 2* ]] || die "$url answered $code"
}

main() {
  ensure_tools
  NGINX_BIN="$(command -v nginx || echo /usr/sbin/nginx)"
  WORK_DIR="$(mktemp -d /tmp/kt-bench.XXXXXX)"
  # nginx's workers drop root; they must be able to read the static copy.
  chmod 755 "$WORK_DIR"
  RESULTS="$WORK_DIR/results.txt"
  : >"$RESULTS"

  publish_app "$WORK_DIR/publish.log"

  local load_before
  load_before="$(cut -d' ' -f1-3 /proc/loadavg)"

  # --- the app, on a fresh SQLite database, rate limits off -----------------------------------
  local app_port app
  app_port="$(free_port)"
  app="http://127.0.0.1:$app_port"
  log "starting the app on $app (database $WORK_DIR/kneetriage.db)"
  local started_ns first_ns
  started_ns="$(now_ns)"
  (
    cd "$PUBLISH_DIR"
    exec env ConnectionStrings__KneeTriage="Data Source=$WORK_DIR/kneetriage.db" \
      RateLimiting__Enabled=false \
      ./KneeTriage.Web --urls "$app" --contentRoot "$PUBLISH_DIR"
  ) >"$WORK_DIR/app.log" 2>&1 &
  APP_PID=$!
  # Start-up: from process start to the first 200 of the home page.
  until [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$app/" 2>/dev/null)" == 200 ]]; do
    kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK_DIR/app.log" >&2; die "the app exited"; }
    (($(now_ns) - started_ns < 30000000000)) || die "no 200 within 30 s"
    sleep 0.005
  done
  first_ns="$(now_ns)"
  local startup_ms=$(((first_ns - started_ns) / 1000000))
  log "first 200 after ${startup_ms} ms"

  expect_2xx "$app$ARTICLE_PATH"

  # --- nginx from its own temporary configuration, serving the same article bytes --------------
  local nginx_port nginx_url
  nginx_port="$(free_port)"
  nginx_url="http://127.0.0.1:$nginx_port"
  mkdir -p "$WORK_DIR/nginx/www$(dirname "$ARTICLE_PATH")" "$WORK_DIR/nginx/tmp"
  curl -sf "$app$ARTICLE_PATH" -o "$WORK_DIR/nginx/www$ARTICLE_PATH"
  # The pre-compressed copy gzip_static serves to a client that accepts gzip, as a static site would ship it.
  gzip -9 -k -n "$WORK_DIR/nginx/www$ARTICLE_PATH"
  chmod -R a+rX "$WORK_DIR/nginx/www"
  cat >"$WORK_DIR/nginx/nginx.conf" <<EOF
# Written by bench/run.sh; a plain static-file nginx, one worker per core.
daemon off;
worker_processes auto;
pid $WORK_DIR/nginx/nginx.pid;
error_log $WORK_DIR/nginx/error.log warn;
events { worker_connections 1024; }
http {
  # The app logs one line per request too.
  access_log $WORK_DIR/nginx/access.log;
  client_body_temp_path $WORK_DIR/nginx/tmp/body;
  proxy_temp_path $WORK_DIR/nginx/tmp/proxy;
  fastcgi_temp_path $WORK_DIR/nginx/tmp/fastcgi;
  uwsgi_temp_path $WORK_DIR/nginx/tmp/uwsgi;
  scgi_temp_path $WORK_DIR/nginx/tmp/scgi;
  types { }
  default_type "text/html; charset=utf-8";
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  gzip_static on;
  server {
    listen 127.0.0.1:$nginx_port;
    root $WORK_DIR/nginx/www;
  }
}
EOF
  "$NGINX_BIN" -p "$WORK_DIR/nginx" -c "$WORK_DIR/nginx/nginx.conf" -e "$WORK_DIR/nginx/error.log" &
  NGINX_PID=$!
  local tries=0
  until curl -sf -o /dev/null "$nginx_url$ARTICLE_PATH"; do
    ((tries++ < 200)) || { cat "$WORK_DIR/nginx/error.log" >&2; die "nginx did not start"; }
    sleep 0.02
  done
  cmp -s "$WORK_DIR/nginx/www$ARTICLE_PATH" <(curl -s "$nginx_url$ARTICLE_PATH") || die "nginx serves other bytes"

  # Bytes of the page on the wire (body only) with the browser's Accept-Encoding, on each side.
  local app_bytes nginx_bytes app_encoding nginx_encoding
  read -r app_bytes app_encoding < <(wire_size "$app$ARTICLE_PATH")
  read -r nginx_bytes nginx_encoding < <(wire_size "$nginx_url$ARTICLE_PATH")
  log "bytes of $ARTICLE_PATH on the wire: app $app_bytes ($app_encoding), nginx $nginx_bytes ($nginx_encoding)"

  # --- tokens for the result-page run ----------------------------------------------------------
  local bodies="$BENCH_DIR/wrk/answer-sets.jsonl" tokens="$WORK_DIR/tokens.txt"
  log "creating $TOKEN_COUNT results for the result-page run"
  : >"$tokens"
  local i=0 body code_and_id
  while ((i < TOKEN_COUNT)); do
    while IFS= read -r body && ((i < TOKEN_COUNT)); do
      code_and_id="$(curl -s -H 'Content-Type: application/json' --data-binary "$body" -w '\n%{http_code}' "$app/api/assessments")"
      [[ "${code_and_id##*$'\n'}" == 201 ]] || die "POST /api/assessments answered ${code_and_id##*$'\n'}: ${code_and_id%$'\n'*}"
      sed -n 's/^{"id":"\([A-Za-z0-9_-]*\)".*/\1/p' <<<"${code_and_id%$'\n'*}" >>"$tokens"
      i=$((i + 1))
    done <"$bodies"
  done
  [[ "$(grep -c . "$tokens")" -eq "$TOKEN_COUNT" ]] || die "could not read the ids of the created results"
  expect_2xx "$app/results/$(head -n1 "$tokens")"

  # --- the runs --------------------------------------------------------------------------------
  # The pages compared with nginx run in interleaved rounds: on a shared 2-core machine one 10 s run
  # of either side can be 15% off its neighbour, and alternating spreads that luck over both sides.
  local round
  for ((round = 1; round <= ROUNDS; round++)); do
    run_wrk nginx "$nginx_url$ARTICLE_PATH" "$BENCH_DIR/wrk/report.lua"
    run_wrk article "$app$ARTICLE_PATH" "$BENCH_DIR/wrk/report.lua"
    run_wrk result "$app" "$BENCH_DIR/wrk/results.lua" "$tokens"
  done
  run_wrk home "$app/" "$BENCH_DIR/wrk/report.lua"
  run_wrk submit "$app" "$BENCH_DIR/wrk/submit.lua" "$bodies"

  kill -0 "$APP_PID" 2>/dev/null || die "the app died during the runs"
  local peak_kb
  peak_kb="$(awk '/^VmHWM:/ {print $2}' "/proc/$APP_PID/status")"
  local load_after
  load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

  # --- the table -------------------------------------------------------------------------------
  echo
  echo "KneeTriage bench  $(date -u +'%Y-%m-%d %H:%M UTC')  $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
  echo "wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s (after ${WARMUP}s warm-up), loopback, Accept-Encoding: ${ACCEPT_ENCODING:-(none)}; article = $ARTICLE_PATH; nginx, article and result: $ROUNDS interleaved rounds, pooled; load average before: $load_before, after: $load_after"
  awk -v startup="$startup_ms" -v peak_kb="$peak_kb" -v app_bytes="$app_bytes" -v nginx_bytes="$nginx_bytes" -v app_encoding="$app_encoding" -v nginx_encoding="$nginx_encoding" '
    # Rounds of the same run are pooled: requests, time, CPU and errors add up; p50 is the mean of
    # the rounds, p99 and memory the worst round.
    {
      name = $1
      if (!(name in seen)) { seen[name] = 1; names[++n] = name }
      rounds[name]++
      for (i = 2; i <= NF; i++) {
        split($i, kv, "=")
        key = kv[1]
        if (key == "p99_us" || key == "app_hwm_kb") { if (kv[2] > v[name, key]) v[name, key] = kv[2] }
        else v[name, key] += kv[2]
      }
    }
    END {
      for (k = 1; k <= n; k++) v[names[k], "p50_us"] /= rounds[names[k]]
      nginx_rps = v["nginx", "requests"] / (v["nginx", "duration_us"] / 1e6)
      label["nginx"] = "nginx, same article bytes"; label["article"] = "article page"; label["home"] = "home page"
      label["result"] = "result page by token"; label["submit"] = "POST /api/assessments"
      target["nginx"] = "reference"; target["article"] = ">= 0.9 x nginx"; target["home"] = "(none)"
      target["result"] = ">= 0.5 x nginx"; target["submit"] = ">= 5000/s, p99 < 50 ms"
      printf "%-27s %10s %9s %9s %8s %8s  %-24s %-4s %-18s %s\n", "what", "req/s", "p50 ms", "p99 ms", "errors", "x nginx", "target", "met", "server CPU us/req", "app peak MB so far"
      for (k = 1; k <= n; k++) {
        s = names[k]
        rps = v[s, "requests"] / (v[s, "duration_us"] / 1e6)
        ratio = rps / nginx_rps
        p99 = v[s, "p99_us"] / 1000
        errors = v[s, "status_errors"] + v[s, "socket_errors"]
        met = "-"
        if (s == "article") met = (ratio >= 0.9 && errors == 0) ? "yes" : "NO"
        if (s == "result") met = (ratio >= 0.5 && errors == 0) ? "yes" : "NO"
        if (s == "submit") met = (rps >= 5000 && p99 < 50 && errors == 0) ? "yes" : "NO"
        printf "%-27s %10.0f %9.2f %9.2f %8d %8.2f  %-24s %-4s %-18.0f %.0f\n", label[s], rps, v[s, "p50_us"] / 1000, p99, errors, ratio, target[s], met, v[s, "server_cpu_ms"] * 1000 / v[s, "requests"], v[s, "app_hwm_kb"] * 1024 / 1e6
      }
      printf "%-27s %10s %9s %9s %8s %8.2f  %-24s %s   (nginx %d B %s)\n", "article bytes on the wire", app_bytes " B", app_encoding, "", "", app_bytes / nginx_bytes, "<= 1.1 x nginx", (app_bytes <= 1.1 * nginx_bytes ? "yes" : "NO"), nginx_bytes, nginx_encoding
      printf "%-27s %10s %9s %9s %8s %8s  %-24s %s\n", "start-up to first 200", startup " ms", "", "", "", "", "<= 1000 ms", (startup <= 1000 ? "yes" : "NO")
      printf "%-27s %10s %9s %9s %8s %8s  %-24s %s\n", "peak RSS (VmHWM)", sprintf("%.0f MB", peak_kb * 1024 / 1e6), "", "", "", "", "< 200 MB", (peak_kb * 1024 / 1e6 < 200 ? "yes" : "NO")
    }' "$RESULTS"
}

main "$@"
