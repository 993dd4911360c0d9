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
#   KT_BENCH_ROUNDS     rounds of nginx / article / result / API-read runs, interleaved [3]
#   KT_BENCH_API_CONNECTIONS  connections for the API kinds (API read, submissions) [32, as issue 28's table];
#                       pages use KT_BENCH_CONNECTIONS [64]
#   KT_BENCH_BOARD_ATHLETES  athletes on the board of the board-page run [30]
#   KT_BENCH_STARTS     start-ups of each kind (app and template, fresh and existing database) for the medians [3]
#   KT_BENCH_SKIP_TEMPLATE=1  leave the stock template out (its build needs NuGet)
#
# The template runs "/" under the same load as the app (the "same load" memory row), then the rest of
# its own whole bench: its privacy page, its sign-in page and sign-in POSTs that ask its database
# (the "whole bench of each" row compares the two peaks).
#
# The stock template (`dotnet new webapp --auth Individual`, from the installed SDK) is created and
# published Release in $KT_BENCH_ARTIFACTS/template at bench time (reused with KT_BENCH_SKIP_PUBLISH=1),
# never checked in; only NuGet is reached for its packages.
#
# Needs: dotnet (SDK 10), curl, and wrk + nginx (installed from Debian's packages when missing, as root).
# Loopback only: every listener binds 127.0.0.1 on a free port.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BENCH_LOG_NAME=bench
# shellcheck source=common.sh
source "$BENCH_DIR/common.sh"
# shellcheck source=apps.sh
source "$BENCH_DIR/apps.sh"
ARTICLE_PATH="${KT_BENCH_ARTICLE:-/article/causes}"
ACCEPT_ENCODING="${KT_BENCH_ACCEPT_ENCODING-gzip, deflate, br, zstd}"
TOKEN_COUNT="${KT_BENCH_TOKENS:-200}"
ROUNDS="${KT_BENCH_ROUNDS:-3}"
API_CONNECTIONS="${KT_BENCH_API_CONNECTIONS:-32}"
BOARD_ATHLETES="${KT_BENCH_BOARD_ATHLETES:-30}"
STARTS="${KT_BENCH_STARTS:-3}"
TEMPLATE_DIR="$ARTIFACTS/template"


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
  stop_started
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

# --- wrk ---------------------------------------------------------------------------------------
# run_wrk NAME URL [script args...]: warm-up, then the measured run; appends one row to $RESULTS.
RESULTS=""
run_wrk() {
  local name="$1" url="$2" script="$3" connections="$CONNECTIONS"
  shift 3
  case "$name" in api | submit | template-sign-in-post) connections="$API_CONNECTIONS" ;; esac
  local extra=()
  (($#)) && extra=(-- "$@")
  local headers=()
  [[ -n "$ACCEPT_ENCODING" ]] && headers=(-H "Accept-Encoding: $ACCEPT_ENCODING")
  log "$name: warm-up ${WARMUP}s, then ${DURATION}s at $connections connections"
  wrk -t"$THREADS" -c"$connections" -d"${WARMUP}s" "${headers[@]}" -s "$script" "$url" "${extra[@]}" >/dev/null
  local out cpu_before cpu_after
  cpu_before="$(server_cpu_ms "$name")"
  out="$(wrk -t"$THREADS" -c"$connections" -d"${DURATION}s" --timeout 5s "${headers[@]}" -s "$script" "$url" "${extra[@]}")"
  cpu_after="$(server_cpu_ms "$name")"
  local line
  line="$(grep '^KTBENCH ' <<<"$out")" || die "$name: wrk printed no summary: $out"
  echo "$name $line server_cpu_ms=$((cpu_after - cpu_before)) app_hwm_kb=$(peak_rss_kb "$(server_pid "$name")")" >>"$RESULTS"
  log "$name: $(awk -v cpu=$((cpu_after - cpu_before)) '{ for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] } }
    END { printf "%.0f req/s, %.1f us of server CPU per request", v["requests"] / (v["duration_us"] / 1e6), cpu * 1000 / v["requests"] }' <<<"$line")"
}

# CPU time (user + system, ms) used so far by the server under test: the app, or nginx's master and
# workers. CPU per request stays comparable when other work on the machine skews requests per second.
server_cpu_ms() {
  if [[ "$1" == nginx ]]; then
    # shellcheck disable=SC2046
    cpu_ms "$NGINX_PID" $(pgrep -P "$NGINX_PID")
  else
    cpu_ms "$(server_pid "$1")"
  fi
}

# The process a run measures: the app, the stock template for the template-* runs, nginx's master.
server_pid() {
  case "$1" in
    nginx) echo "$NGINX_PID" ;;
    template-*) echo "$TEMPLATE_PID" ;;
    *) echo "$APP_PID" ;;
  esac
}

# --- the stock template, built from the SDK's own template at bench time ---------------------
build_template() {
  [[ "${KT_BENCH_SKIP_TEMPLATE:-0}" == 1 ]] && return
  if [[ "${KT_BENCH_SKIP_PUBLISH:-0}" != 1 || ! -x "$TEMPLATE_DIR/publish/StockTemplate" ]]; then
    log "creating and publishing the stock template (dotnet new webapp --auth Individual) in $TEMPLATE_DIR"
    rm -rf "$TEMPLATE_DIR"
    mkdir -p "$TEMPLATE_DIR"
    dotnet new webapp --auth Individual -n StockTemplate -o "$TEMPLATE_DIR/src" >"$TEMPLATE_DIR/new.log" 2>&1 \
      || { cat "$TEMPLATE_DIR/new.log" >&2; die "dotnet new webapp"; }
    # Published as a developer would: Release, framework-dependent, nothing added.
    dotnet publish "$TEMPLATE_DIR/src" -c Release -o "$TEMPLATE_DIR/publish" -nologo -v quiet >"$TEMPLATE_DIR/publish.log" 2>&1 \
      || { cat "$TEMPLATE_DIR/publish.log" >&2; die "publishing the stock template"; }
  fi
}

# --- start-up: process start to the first 200 of "/", several times, each kind interleaved -----
# An "existing" database is, for the app, the one its first start made (migrated); for the stock
# template, the app.db it ships. Neither template figure includes a migration: the template never
# touches its database before someone signs in or registers.
STARTUP_ROWS=""
measure_startups() {
  local dir="$WORK_DIR/startups" i url
  mkdir -p "$dir"
  STARTUP_ROWS="$dir/rows.txt"
  : >"$STARTUP_ROWS"
  for ((i = 1; i <= STARTS; i++)); do
    url="http://127.0.0.1:$(free_port)"
    start_kneetriage "$dir/app-fresh-$i.log" "$dir/app-fresh-$i.db" "$url"
    echo "app fresh $STARTUP_MS" >>"$STARTUP_ROWS"
    stop_pid "$STARTED_PID"
    [[ -e "$dir/app-existing.db" ]] || cp "$dir/app-fresh-$i.db" "$dir/app-existing.db"
    url="http://127.0.0.1:$(free_port)"
    start_kneetriage "$dir/app-existing-$i.log" "$dir/app-existing.db" "$url"
    echo "app existing $STARTUP_MS" >>"$STARTUP_ROWS"
    stop_pid "$STARTED_PID"
    if [[ "${KT_BENCH_SKIP_TEMPLATE:-0}" != 1 ]]; then
      url="http://127.0.0.1:$(free_port)"
      start_template "$TEMPLATE_DIR/publish" "$dir/template-fresh-$i.log" "$dir/template-fresh-$i.db" "$url"
      echo "template fresh $STARTUP_MS" >>"$STARTUP_ROWS"
      stop_pid "$STARTED_PID"
      # The template ships its database (app.db, Identity's tables) beside the app.
      [[ -e "$dir/template-existing.db" ]] || cp "$TEMPLATE_DIR/publish/app.db" "$dir/template-existing.db"
      url="http://127.0.0.1:$(free_port)"
      start_template "$TEMPLATE_DIR/publish" "$dir/template-existing-$i.log" "$dir/template-existing.db" "$url"
      echo "template existing $STARTUP_MS" >>"$STARTUP_ROWS"
      stop_pid "$STARTED_PID"
    fi
    log "start-ups, round $i: $(awk -v i="$i" '{ n[$1 " " $2]++ } n[$1 " " $2] == i { printf "%s %s %s ms; ", $1, $2, $3 }' "$STARTUP_ROWS")"
  done
}

# --- peak RSS under the same load on "/": a fresh app and a fresh template, one after the other ---
SAME_LOAD_ROWS=""
measure_same_load() {
  SAME_LOAD_ROWS="$WORK_DIR/same-load.txt"
  : >"$SAME_LOAD_ROWS"
  local url
  url="http://127.0.0.1:$(free_port)"
  start_kneetriage "$WORK_DIR/app-home.log" "$WORK_DIR/app-home.db" "$url"
  local pid="$STARTED_PID"
  APP_PID_SAVED="$APP_PID"; APP_PID="$pid"
  run_wrk app-home-only "$url/" "$BENCH_DIR/wrk/report.lua"
  echo "app $(peak_rss_kb "$pid")" >>"$SAME_LOAD_ROWS"
  APP_PID="$APP_PID_SAVED"
  stop_pid "$pid"
  if [[ "${KT_BENCH_SKIP_TEMPLATE:-0}" != 1 ]]; then
    url="http://127.0.0.1:$(free_port)"
    # Its shipped database (Identity's tables): its sign-in POSTs below ask it.
    cp "$TEMPLATE_DIR/publish/app.db" "$WORK_DIR/template.db"
    start_template "$TEMPLATE_DIR/publish" "$WORK_DIR/template.log" "$WORK_DIR/template.db" "$url"
    TEMPLATE_PID="$STARTED_PID"
    run_wrk template-home "$url/" "$BENCH_DIR/wrk/report.lua"
    echo "template $(peak_rss_kb "$TEMPLATE_PID")" >>"$SAME_LOAD_ROWS"
    # The template's own whole bench: every other kind of request it has, as the app's whole bench
    # covers every kind the app has. Its sign-in form is the one page that asks its database.
    run_wrk template-privacy "$url/Privacy" "$BENCH_DIR/wrk/report.lua"
    run_wrk template-sign-in-page "$url/Identity/Account/Login" "$BENCH_DIR/wrk/report.lua"
    local form token cookie
    form="$(curl -s -c "$WORK_DIR/template-cookies" "$url/Identity/Account/Login")"
    token="$(sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' <<<"$form" | head -n1)"
    cookie="$(awk '$6 ~ /^\.AspNetCore\.Antiforgery\./ { print $6 "=" $7 }' "$WORK_DIR/template-cookies" | head -n1)"
    [[ -n "$token" && -n "$cookie" ]] || die "could not read the stock template's sign-in form token"
    expect_2xx "$url/Identity/Account/Login" -X POST -H "Cookie: $cookie" \
      --data "Input.Email=nobody%40example.org&Input.Password=not-a-password&Input.RememberMe=false&__RequestVerificationToken=$token"
    run_wrk template-sign-in-post "$url" "$BENCH_DIR/wrk/template-login.lua" "$token" "$cookie"
    echo "template-whole $(peak_rss_kb "$TEMPLATE_PID")" >>"$SAME_LOAD_ROWS"
    stop_pid "$TEMPLATE_PID"
  fi
}

# wire_size URL: the body's size as sent with the browser's Accept-Encoding, and its Content-Encoding.
wire_size() {
  curl -s -o /dev/null -D "$WORK_DIR/wire-headers" -w '%{size_download}' ${ACCEPT_ENCODING:+-H "Accept-Encoding: $ACCEPT_ENCODING"} "$1"
  printf ' %s\n' "$(tr -d '\r' <"$WORK_DIR/wire-headers" | awk -F': ' 'tolower($1) == "content-encoding" { print $2 }' | grep . || echo identity)"
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
  build_template

  local load_before
  load_before="$(cut -d' ' -f1-3 /proc/loadavg)"

  measure_startups
  measure_same_load

  # --- the app, on a fresh SQLite database, rate limits off -----------------------------------
  local app
  app="http://127.0.0.1:$(free_port)"
  log "starting the app on $app (database $WORK_DIR/kneetriage.db)"
  start_kneetriage "$WORK_DIR/app.log" "$WORK_DIR/kneetriage.db" "$app"
  APP_PID="$STARTED_PID"
  log "first 200 after ${STARTUP_MS} ms"

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

  # --- results for the result-page and API-read runs, and a board ------------------------------
  local bodies="$BENCH_DIR/wrk/answer-sets.jsonl" seeded="$WORK_DIR/results.seeded"
  log "creating $TOKEN_COUNT results and a board of $BOARD_ATHLETES athletes"
  seed_results "$app" "$TOKEN_COUNT" "$seeded"
  awk '{print "/results/" $1}' "$seeded" >"$WORK_DIR/result-paths.txt"
  awk '{print "/api/assessments/" $1}' "$seeded" >"$WORK_DIR/api-paths.txt"
  echo "/boards/$(seed_board "$app" "$seeded" "$BOARD_ATHLETES")" >"$WORK_DIR/board-paths.txt"
  local path
  for path in "$(head -n1 "$WORK_DIR/result-paths.txt")" "$(head -n1 "$WORK_DIR/api-paths.txt")" "$(cat "$WORK_DIR/board-paths.txt")"; do
    expect_2xx "$app$path"
  done

  # --- the runs --------------------------------------------------------------------------------
  # The pages compared with nginx run in interleaved rounds: on a shared 2-core machine one 10 s run
  # of either side can be 15% off its neighbour, and alternating spreads that luck over both sides.
  local round
  for ((round = 1; round <= ROUNDS; round++)); do
    run_wrk nginx "$nginx_url$ARTICLE_PATH" "$BENCH_DIR/wrk/report.lua"
    run_wrk article "$app$ARTICLE_PATH" "$BENCH_DIR/wrk/report.lua"
    run_wrk result "$app" "$BENCH_DIR/wrk/paths.lua" "$WORK_DIR/result-paths.txt"
    run_wrk api "$app" "$BENCH_DIR/wrk/paths.lua" "$WORK_DIR/api-paths.txt"
  done
  run_wrk home "$app/" "$BENCH_DIR/wrk/report.lua"
  run_wrk board "$app" "$BENCH_DIR/wrk/paths.lua" "$WORK_DIR/board-paths.txt"
  run_wrk submit "$app" "$BENCH_DIR/wrk/submit.lua" "$bodies"

  kill -0 "$APP_PID" 2>/dev/null || die "the app died during the runs"
  local peak_kb
  peak_kb="$(peak_rss_kb "$APP_PID")"
  local load_after
  load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

  # --- the table -------------------------------------------------------------------------------
  echo
  echo "KneeTriage bench  $(date -u +'%Y-%m-%d %H:%M UTC')  $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
  echo "wrk -t$THREADS -d${DURATION}s (after ${WARMUP}s warm-up), pages -c$CONNECTIONS, API (read, submissions) -c$API_CONNECTIONS, loopback, Accept-Encoding: ${ACCEPT_ENCODING:-(none)}; article = $ARTICLE_PATH; board = $BOARD_ATHLETES athletes; nginx, article, result and API read: $ROUNDS interleaved rounds, pooled; start-ups: median of $STARTS; load average before: $load_before, after: $load_after"
  awk -v peak_kb="$peak_kb" -v app_bytes="$app_bytes" -v nginx_bytes="$nginx_bytes" -v app_encoding="$app_encoding" -v nginx_encoding="$nginx_encoding" '
    function median(list,    parts, count, i, j, t) {
      count = split(list, parts, " ")
      for (i = 2; i <= count; i++) for (j = i; j > 1 && parts[j - 1] + 0 > parts[j] + 0; j--) { t = parts[j]; parts[j] = parts[j - 1]; parts[j - 1] = t }
      return count == 0 ? "" : (count % 2 ? parts[(count + 1) / 2] : (parts[count / 2] + parts[count / 2 + 1]) / 2)
    }
    function mb(kb) { return kb * 1024 / 1e6 }
    FILENAME ~ /rows.txt$/ { starts[$1 " " $2] = starts[$1 " " $2] " " $3; next }
    FILENAME ~ /same-load.txt$/ { home_kb[$1] = $2; next }
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
      label["result"] = "result page by token"; label["api"] = "GET /api/assessments/{id}"; label["board"] = "board page"
      label["submit"] = "POST /api/assessments"; label["app-home-only"] = "home, app alone (fresh)"; label["template-home"] = "home, stock template"
      label["template-privacy"] = "privacy, stock template"; label["template-sign-in-page"] = "sign-in page, stock template"; label["template-sign-in-post"] = "sign-in POST, stock template"
      printf "%-27s %10s %9s %9s %8s %8s  %-12s %-18s %s\n", "what", "req/s", "p50 ms", "p99 ms", "errors", "x nginx", "p99 < 50 ms", "server CPU us/req", "peak MB so far"
      for (k = 1; k <= n; k++) {
        s = names[k]
        rps = v[s, "requests"] / (v[s, "duration_us"] / 1e6)
        p99 = v[s, "p99_us"] / 1000
        errors = v[s, "status_errors"] + v[s, "socket_errors"]
        # A run in which nothing answered (every request slower than the run) has no p99: not met.
        met = (s == "nginx" || s ~ /^template-/) ? "-" : ((v[s, "requests"] > 0 && p99 < 50 && errors == 0) ? "yes" : "NO")
        printf "%-27s %10.0f %9.2f %9.2f %8d %8.2f  %-12s %-18.0f %.0f\n", (s in label ? label[s] : s), rps, v[s, "p50_us"] / 1000, p99, errors, rps / nginx_rps, met, v[s, "server_cpu_ms"] * 1000 / (v[s, "requests"] ? v[s, "requests"] : 1), mb(v[s, "app_hwm_kb"])
      }
      printf "%-27s %10s %9s    article %.2f x nginx (>= 1.0: %s); bytes %.2f x nginx (nginx %d B %s)\n", "article bytes on the wire", app_bytes " B", app_encoding,
        (v["article", "requests"] / (v["article", "duration_us"] / 1e6)) / nginx_rps, ((v["article", "requests"] / (v["article", "duration_us"] / 1e6)) >= nginx_rps ? "yes" : "NO"),
        app_bytes / nginx_bytes, nginx_bytes, nginx_encoding
      printf "\n%-40s %12s %16s  %s\n", "start-up and memory", "app", "stock template", "app <= template"
      for (d = 1; d <= 2; d++) {
        db = d == 1 ? "fresh" : "existing"
        a = median(starts["app " db]); t = median(starts["template " db])
        printf "%-40s %9s ms %13s ms  %-5s (app%s; template%s)\n", "start-up to first 200, " db " database", a, t, (t == "" ? "-" : (a + 0 <= t + 0 ? "yes" : "NO")), starts["app " db], starts["template " db]
      }
      printf "%-40s %9.0f MB %13s MB  %s\n", "peak RSS, the same load on \"/\"", mb(home_kb["app"]), ("template" in home_kb ? sprintf("%.0f", mb(home_kb["template"])) : "-"), ("template" in home_kb ? (home_kb["app"] <= home_kb["template"] ? "yes" : "NO") : "-")
      printf "%-40s %9.0f MB %13s MB  %s\n", "peak RSS, the whole bench (template: \"/\")", mb(peak_kb), ("template" in home_kb ? sprintf("%.0f", mb(home_kb["template"])) : "-"), ("template" in home_kb ? (peak_kb <= home_kb["template"] ? "yes" : "NO") : "-")
      printf "%-40s %9.0f MB %13s MB  %s\n", "peak RSS, the whole bench of each", mb(peak_kb), ("template-whole" in home_kb ? sprintf("%.0f", mb(home_kb["template-whole"])) : "-"), ("template-whole" in home_kb ? (peak_kb <= home_kb["template-whole"] ? "yes" : "NO") : "-")
    }' "$STARTUP_ROWS" "$SAME_LOAD_ROWS" "$RESULTS"
}

main "$@"
