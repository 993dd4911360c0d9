#!/usr/bin/env bash
# bench/data-scale.sh: does a request cost the same with a million stored results as with none?
# (issue #27, decision 0031). For each provider, two databases in the same run: "empty" (only what
# is measured: 72 results made through the API, one board of 500 athletes whose 500 series hold
# 2,750 results) and "full" (the same plus KT_DS_RESULTS results in series of one to ten checks over
# a simulated year, and 2,000 boards of 5 athletes). Rows are copied by bulk SQL from real results
# stored through the API, with new tokens, series keys, key hashes and dates (never EF one by one).
# Both apps run side by side and every kind is measured on each in turn, KT_DS_ROUNDS rounds
# (the order swapped each round), so machine noise falls on both alike. With wrk as run.sh uses
# it (pages at 64 connections, the API at 32): result page, API read, submission, the
# 500-athlete board (GET /api/boards/{id}, which lists every check, and the page /boards/{id}),
# /my-results with 50 result cookies; then bytes per stored result; then submissions for
# KT_DS_SWEEP_SECONDS with nothing to sweep (the baseline), and the same run again once the app's
# retention sweep has begun deleting KT_DS_EXPIRED expired results (sweep duration, submission p99
# meanwhile): both after the same warm-up, so the two rows differ only by the sweep.
# Loopback only; every server it starts (the apps, a throw-away PostgreSQL via pg_virtualenv -t)
# is stopped at the end. Prints one table.
#
# Knobs (and common.sh's KT_BENCH_*), defaults in brackets:
#   KT_DS_RESULTS    results seeded in the full database [1000000]
#   KT_DS_BOARDS     boards of 5 athletes in the full database [2000]
#   KT_DS_BOARD_ATHLETES  athletes on the measured board, a multiple of 10 [500]
#   KT_DS_PORTS      the apps' ports, first-last [5370-5389]
#   KT_DS_PG_POOL    each of the app's two PostgreSQL pools [10]: on two cores, 40 backends each
#                    gave single rounds p99 of 100-590 ms on either database (bench/README.md)
#   KT_DS_EXPIRED    expired results for the retention sweep [100000]
#   KT_DS_PROVIDERS  which providers [Sqlite PostgreSQL]
#   KT_DS_SWEEP_SECONDS  measured submissions with and without the sweep [20] (a sweep of 100,000
#                    takes 25-30 s, so warm-up and run fit inside it)
#   KT_DS_SWEEP_WARMUP   submissions before each of those two runs [KT_BENCH_WARMUP]
#   KT_DS_ROUNDS     rounds of every kind on each database [3]
#   KT_DS_KINDS      the kinds measured, "|"-separated names from the table [all]; empty: only bytes and the sweep
#   KT_BENCH_DURATION [10], KT_BENCH_WARMUP [3], KT_BENCH_CONNECTIONS [64] (pages),
#   KT_BENCH_API_CONNECTIONS [32] (API reads, submissions, the board's JSON)
# Example: KT_DS_RESULTS=100000 KT_BENCH_ARTIFACTS=/tmp/kt-ds bench/data-scale.sh
# A small run (a few minutes): KT_DS_RESULTS=20000 KT_DS_EXPIRED=5000 KT_DS_BOARDS=200 bench/data-scale.sh
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BENCH_LOG_NAME=data-scale
source "$BENCH_DIR/common.sh"
BODIES="$BENCH_DIR/wrk/answer-sets.jsonl"
# This script's ports: KT_DS_PORTS (first-last) [5370-5389], so it never meets another bench's.
free_port() {
  local port range="${KT_DS_PORTS:-5370-5389}"
  for ((port = ${range%-*}; port <= ${range#*-}; port++)); do
    [[ -z "$(ss -Hltn "sport = :$port" 2>/dev/null)" ]] && { echo "$port"; return; }
  done
  die "no free port in $range"
}
RESULTS_N="${KT_DS_RESULTS:-1000000}"
EXPIRED_N="${KT_DS_EXPIRED:-100000}"
PROVIDERS="${KT_DS_PROVIDERS:-Sqlite PostgreSQL}"
SWEEP_SECONDS="${KT_DS_SWEEP_SECONDS:-20}"
BOARDS_N="${KT_DS_BOARDS:-2000}"
ATHLETES="${KT_DS_BOARD_ATHLETES:-500}"
ROUNDS="${KT_DS_ROUNDS:-3}"
API_CONNECTIONS="${KT_BENCH_API_CONNECTIONS:-32}"
((ATHLETES % 10 == 0 && ATHLETES > 0)) || die "KT_DS_BOARD_ATHLETES must be a multiple of 10"
# The measured board: its series in blocks of 55 results, ten series of one to ten checks each.
BOARD_ROWS=$((ATHLETES / 10 * 55))

if [[ -z "${KT_DS_IN_CLUSTER:-}" ]]; then
  for tool in wrk curl dotnet sqlite3 pg_virtualenv jq bc; do command -v "$tool" >/dev/null || die "$tool is needed"; done
  publish_app "$(mktemp --suffix=.log /tmp/kt-ds-publish.XXXXXX)"
  # Room for both apps' pools at once (each app: EF Core's and the result-page lookup's, KT_DS_PG_POOL each).
  exec env KT_DS_IN_CLUSTER=1 pg_virtualenv -t -o max_connections=300 -- bash "${BASH_SOURCE[0]}" "$@"
fi

WORK_DIR="$(mktemp -d /tmp/kt-ds.XXXXXX)"
chmod 755 "$WORK_DIR"
APP_PID=""
URL=""
# Per state (empty, full) of the provider being measured: its app, URL, board and cookie header.
declare -A APP_PIDS=() APP_URLS=() BOARD_IDS=() COOKIES=()
stop_apps() {
  local pid
  for pid in "${APP_PIDS[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
  APP_PIDS=()
}
cleanup() { local code=$?; stop_apps; if ((code == 0)); then rm -rf "$WORK_DIR"; else log "kept $WORK_DIR"; fi; exit $code; }
trap cleanup EXIT
trap 'exit 130' INT TERM

start_app() { # provider connection-string name
  local port url
  port="$(free_port)"
  url="http://127.0.0.1:$port"
  (
    cd "$PUBLISH_DIR"
    exec env Storage__Provider="$1" ConnectionStrings__KneeTriage="$2" RateLimiting__Enabled=false \
      Retention__Interval=00:00:10 ASPNETCORE_URLS="$url" ./KneeTriage.Web --contentRoot "$PUBLISH_DIR"
  ) >"$WORK_DIR/$3.log" 2>&1 &
  APP_PID=$!
  local tries=0
  until [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url/healthz/ready")" == 200 ]]; do
    ((tries++ < 1200)) || { cat "$WORK_DIR/$3.log" >&2; die "$3 did not become ready"; }
    sleep 0.05
  done
  URL="$url"
}

# No TLS on loopback (it would measure the handshakes and the crypto), and pools that fit the throw-away
# cluster's connections with both apps running: Npgsql's default of 100 let one app take them all under
# 64 connections of load, and every other connection (psql's polling, the next pooled one) failed with
# "too many clients"; two apps of two pools of 40 need 160 of the 300 allowed.
PG_SERVER="Host=${PGHOST:-localhost};Port=${PGPORT:-5432};Username=${PGUSER:-postgres};Password=${PGPASSWORD:-};SSL Mode=Disable;Maximum Pool Size=${KT_DS_PG_POOL:-10}"

# sql PROVIDER TARGET: runs stdin on the SQLite file or the PostgreSQL database.
sql() {
  if [[ "$1" == Sqlite ]]; then sqlite3 -bail -cmd '.timeout 30000' "$2" >/dev/null; else psql -qAt -v ON_ERROR_STOP=1 -d "$2" >/dev/null; fi
}
query() { # PROVIDER TARGET SQL: one value
  if [[ "$1" == Sqlite ]]; then sqlite3 -cmd '.timeout 30000' "$2" "$3"; else psql -qAt -d "$2" -c "$3"; fi
}

# The SQL of one generation: COUNT rows whose tokens start with PREFIX, series of 1..10 checks
# (each block of 55 rows holds one series of each length), copied round-robin from the results
# made through the API (table tmpl), created from AGO_DAYS ago over SPAN_DAYS.
generate_sql() { # provider prefix count ago_days span_days
  local p="$1" prefix="$2" n="$3" ago="$4" span="$5" secs
  secs=$(( span * 86400 / (n > 0 ? n : 1) ))
  ((secs > 0)) || secs=1
  if [[ "$p" == Sqlite ]]; then
    cat <<SQL
WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i < $n - 1)
INSERT INTO "Assessments" ("Token", "CreatedAt", "KnowledgeBaseVersion", "AnswersJson", "ResultJson", "Urgency", "SeeClinician", "SeriesKey", "DeleteKeyHash", "Summary")
SELECT '$prefix' || printf('%023d', i), strftime('%Y-%m-%d %H:%M:%S', 'now', '-$ago days', '+' || (i * $secs) || ' seconds'),
  t.kbv, t.answers, t.result, t.urgency, t.see, '$prefix' || printf('%023d', i - m.pos), randomblob(32), t.summary
FROM seq JOIN smap m ON m.p = i % 55 JOIN tmpl t ON t.k = i % (SELECT count(*) FROM tmpl);
SQL
  else
    cat <<SQL
INSERT INTO "Assessments" ("Token", "CreatedAt", "KnowledgeBaseVersion", "AnswersJson", "ResultJson", "Urgency", "SeeClinician", "SeriesKey", "DeleteKeyHash", "Summary")
SELECT '$prefix' || lpad(i::text, 23, '0'), now() - interval '$ago days' + i * interval '$secs seconds',
  t.kbv, t.answers, t.result, t.urgency, t.see, '$prefix' || lpad((i - m.pos)::text, 23, '0'), decode(md5('$prefix' || i) || md5(i || '$prefix'), 'hex'), t.summary
FROM generate_series(0, $n - 1) i JOIN smap m ON m.p = i % 55 JOIN tmpl t ON t.k = i % (SELECT count(*) FROM tmpl);
SQL
  fi
}

pad() { [[ "$1" == Sqlite ]] && echo "printf('%023d', $2)" || echo "lpad(($2)::text, 23, '0')"; }
true_() { [[ "$1" == Sqlite ]] && echo 1 || echo true; }
now_() { [[ "$1" == Sqlite ]] && echo "strftime('%Y-%m-%d %H:%M:%S', 'now')" || echo "now()"; }
hash_() { [[ "$1" == Sqlite ]] && echo "randomblob(32)" || echo "decode(md5('$2' || $3) || md5($3 || '$2'), 'hex')"; }
seq_() { [[ "$1" == Sqlite ]] && echo "(WITH RECURSIVE s(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM s WHERE i < $2 - 1) SELECT i FROM s) q" || echo "generate_series(0, $2 - 1) q(i)"; }

# seed PROVIDER TARGET BOARD_TOKEN BULK: templates, the big board's series and shares, and with
# BULK > 0 the bulk results and KT_DS_BOARDS boards of 5 athletes each.
seed() {
  local p="$1" target="$2" board="$3" bulk="$4" smap="" k pos
  for ((k = 1; k <= 10; k++)); do for ((pos = 0; pos < k; pos++)); do smap+="($(( (k - 1) * k / 2 + pos )), $pos, $((k - 1))),"; done; done
  {
    echo "CREATE TABLE smap (p integer PRIMARY KEY, pos integer, k integer); INSERT INTO smap VALUES ${smap%,};"
    echo "CREATE TABLE tmpl AS SELECT row_number() OVER (ORDER BY \"Id\") - 1 AS k, \"KnowledgeBaseVersion\" AS kbv, \"AnswersJson\" AS answers, \"ResultJson\" AS result, \"Urgency\" AS urgency, \"SeeClinician\" AS see, \"Summary\" AS summary FROM \"Assessments\";"
    generate_sql "$p" b "$BOARD_ROWS" 300 290
    echo "INSERT INTO \"Shares\" (\"Token\", \"BoardId\", \"SeriesKey\", \"DisplayName\", \"ShowResult\", \"CreatedAt\")
      SELECT 'h' || $(pad "$p" q.i), (SELECT \"Id\" FROM \"Boards\" WHERE \"Token\" = '$board'), 'b' || $(pad "$p" q.i), 'Athlete ' || q.i, $(true_ "$p"), $(now_ "$p")
      FROM $(seq_ "$p" "$BOARD_ROWS") JOIN smap m ON m.p = q.i % 55 WHERE m.pos = 0;"
    if ((bulk > 0)); then
      generate_sql "$p" s "$bulk" 355 350
      echo "INSERT INTO \"Boards\" (\"Token\", \"JoinToken\", \"Name\", \"CreatedAt\", \"LastActivityAt\", \"DeleteKeyHash\")
        SELECT 'B' || $(pad "$p" q.i), 'J' || $(pad "$p" q.i), 'Club ' || q.i, $(now_ "$p"), $(now_ "$p"), $(hash_ "$p" B q.i) FROM $(seq_ "$p" "$BOARDS_N");"
      echo "INSERT INTO \"Shares\" (\"Token\", \"BoardId\", \"SeriesKey\", \"DisplayName\", \"ShowResult\", \"CreatedAt\")
        SELECT 'H' || $(pad "$p" q.i), bd.\"Id\", 's' || $(pad "$p" q.i), 'Runner ' || q.i, $(true_ "$p"), $(now_ "$p")
        FROM $(seq_ "$p" "$(( bulk < BOARDS_N * 55 / 2 ? bulk : BOARDS_N * 55 / 2 ))") JOIN smap m ON m.p = q.i % 55
        JOIN \"Boards\" bd ON bd.\"Token\" = 'B' || $(pad "$p" "((q.i / 55) * 10 + m.k) / 5") WHERE m.pos = 0;"
    fi
    echo "DROP TABLE smap; DROP TABLE tmpl;"
  } | sql "$p" "$target"
  settle "$p" "$target"
}

# settle PROVIDER TARGET: after a bulk load, what the database would do in its first minutes done
# before measuring, so it is not measured as the next run's tail: SQLite's WAL written back and
# truncated; on PostgreSQL the VACUUM and ANALYZE autovacuum would start within a minute of such a
# load (without the statistics the first plans are an empty table's: sequential scans, a result page
# at 120 req/s; a vacuum of a million rows running beside the first round put its p99 at 0.9 s),
# then a CHECKPOINT.
settle() {
  if [[ "$1" == Sqlite ]]; then
    query "$1" "$2" 'PRAGMA wal_checkpoint(TRUNCATE);' >/dev/null
  else
    query "$1" "$2" 'VACUUM (ANALYZE);' >/dev/null
    query "$1" "$2" 'CHECKPOINT;' >/dev/null
  fi
}

ROWS="$WORK_DIR/rows.txt"
: >"$ROWS"
row() { echo "$*" >>"$ROWS"; }

# measure NAME URL SCRIPT [wrk options...] [-- script args...]: warm-up, then the measured run;
# prints "req/s p99ms errors".
measure() {
  local name="$1" url="$2" script="$3" out line
  shift 3
  local opts=() args=()
  while (($#)) && [[ "$1" != -- ]]; do opts+=("$1"); shift; done
  (($#)) && shift
  args=("$@")
  if ((WARMUP > 0)); then
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" "${opts[@]}" -s "$script" "$url" "${args[@]}" >/dev/null 2>&1 || true
  fi
  out="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 5s "${opts[@]}" -s "$script" "$url" "${args[@]}")"
  line="$(grep '^KTBENCH ' <<<"$out")" || die "$name: wrk printed no summary: $out"
  awk '{ for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
    printf "%.0f %.1f %d\n", v["requests"] / (v["duration_us"] / 1e6), v["p99_us"] / 1000, v["status_errors"] + v["socket_errors"] }' <<<"$line"
}

# prepare_case PROVIDER STATE TARGET: starts the state's app (left running), makes its results
# and board through the API, seeds the bulk rows, writes the paths wrk asks for.
prepare_case() {
  local p="$1" state="$2" target="$3" cs app_name tokens="$WORK_DIR/tokens-$p-$state.txt" keys="$WORK_DIR/keys-$state.txt" body out i
  [[ "$p" == Sqlite ]] && cs="Data Source=$target" || cs="$PG_SERVER;Database=$target"
  app_name="$p-$state"
  start_app "$p" "$cs" "$app_name"
  APP_PIDS[$state]="$APP_PID"
  APP_URLS[$state]="$URL"
  log "$app_name: making results and the board through the API"
  : >"$tokens"; : >"$keys"
  i=0
  while ((i < 72)); do
    while IFS= read -r body && ((i < 72)); do
      out="$(curl -sf -H 'Content-Type: application/json' --data-binary "$body" "$URL/api/assessments")" || die "POST /api/assessments failed"
      jq -r '.id + " " + .deleteKey' <<<"$out" >>"$keys"
      i=$((i + 1))
    done <"$BODIES"
  done
  [[ "$(grep -c . "$keys")" -eq 72 ]] || die "could not read ids and keys: $out"
  cut -d' ' -f1 "$keys" >"$tokens"
  local board_json board_id
  board_json="$(curl -sf -H 'Content-Type: application/json' --data-binary '{"name":"Club of 500"}' "$URL/api/boards")" || die "POST /api/boards failed"
  board_id="$(jq -r .id <<<"$board_json")"
  [[ -n "$board_id" ]] || die "no board id in $board_json"
  BOARD_IDS[$state]="$board_id"

  local bulk=0 t0 t1
  [[ "$state" == full ]] && bulk="$RESULTS_N"
  t0=$(date +%s.%N)
  seed "$p" "$target" "$board_id" "$bulk"
  t1=$(date +%s.%N)
  log "$app_name: seeded $(query "$p" "$target" 'SELECT count(*) FROM "Assessments"') results in $(printf '%.0f' "$(echo "$t1 - $t0" | bc)") s"
  [[ "$(curl -s -o /dev/null -w '%{http_code}' "$URL/api/boards/$board_id")" == 200 ]] || die "the board does not answer"

  sed 's|^|/results/|' "$tokens" >"$WORK_DIR/pages-$state.txt"
  sed 's|^|/api/assessments/|' "$tokens" >"$WORK_DIR/reads-$state.txt"
  COOKIES[$state]="Cookie: $(head -n 50 "$keys" | awk '{ printf "%skt-r-%s=%s", (NR > 1 ? "; " : ""), $1, $2 }')"
  [[ "$(curl -s -H "${COOKIES[$state]}" "$URL/my-results" | grep -c '/results/')" -ge 50 ]] || log "warning: /my-results lists fewer than 50 results"
}

KINDS=("result page" "API read" "submission" "board of $ATHLETES, API" "board of $ATHLETES, page" "my-results (50)")
if [[ -n "${KT_DS_KINDS+set}" ]]; then IFS='|' read -r -a KINDS <<<"$KT_DS_KINDS"; fi

# measure_kind STATE KIND: one wrk run of KIND on STATE's app; prints "req/s p99ms errors".
measure_kind() {
  local state="$1" url="${APP_URLS[$1]}"
  case "$2" in
    "result page") measure page "$url" "$BENCH_DIR/wrk/paths.lua" -- "$WORK_DIR/pages-$state.txt" ;;
    "API read") CONNECTIONS="$API_CONNECTIONS" measure read "$url" "$BENCH_DIR/wrk/paths.lua" -- "$WORK_DIR/reads-$state.txt" ;;
    submission) CONNECTIONS="$API_CONNECTIONS" measure submit "$url" "$BENCH_DIR/wrk/submit.lua" -- "$BODIES" ;;
    "board of $ATHLETES, API") CONNECTIONS="$API_CONNECTIONS" measure board "$url/api/boards/${BOARD_IDS[$state]}" "$BENCH_DIR/wrk/report.lua" ;;
    "board of $ATHLETES, page") measure board-page "$url/boards/${BOARD_IDS[$state]}" "$BENCH_DIR/wrk/report.lua" -H "Accept-Encoding: gzip, deflate, br, zstd" ;;
    "my-results (50)") measure my-results "$url/my-results" "$BENCH_DIR/wrk/report.lua" -H "${COOKIES[$state]}" ;;
    *) die "unknown kind $2" ;;
  esac
}

# sweep_submissions: the submissions run of the sweep's two rows, on $URL; prints "req/s p99ms errors".
sweep_submissions() {
  DURATION="$SWEEP_SECONDS" WARMUP="${KT_DS_SWEEP_WARMUP:-$WARMUP}" CONNECTIONS="$API_CONNECTIONS" \
    measure sweep "$URL" "$BENCH_DIR/wrk/submit.lua" -- "$BODIES"
}

# watch_expired PROVIDER TARGET: every 0.5 s, the time and the oldest expired result's CreatedAt
# ("none" once there is none), by the CreatedAt index the sweep reads: one index seek a poll, run
# beside both submission runs so that they differ only by the sweep.
watch_expired() {
  local expired_before
  [[ "$1" == Sqlite ]] && expired_before="strftime('%Y-%m-%d %H:%M:%S', 'now', '-365 days')" || expired_before="now() - interval '365 days'"
  while :; do
    printf '%s %s\n' "$(date +%s.%N)" "$(query "$1" "$2" "SELECT coalesce(CAST(min(\"CreatedAt\") AS text), 'none') FROM \"Assessments\" WHERE \"CreatedAt\" < $expired_before" 2>/dev/null | tr ' ' '_' || echo error)"
    sleep 0.5
  done
}

# finish_case PROVIDER STATE TARGET: bytes per result, submissions without and during the sweep; stops the app.
finish_case() {
  local p="$1" state="$2" target="$3" app_name="$1-$2"
  URL="${APP_URLS[$state]}"
  # Bytes per stored result, before the sweep's rows.
  local rows_now size own
  if [[ "$p" == Sqlite ]]; then
    query "$p" "$target" 'PRAGMA wal_checkpoint(TRUNCATE);' >/dev/null
    rows_now="$(query "$p" "$target" 'SELECT count(*) FROM "Assessments"')"
    size="$(stat -c %s "$target")"
    own="$(query "$p" "$target" 'SELECT avg(length("Token") + 8 + length("KnowledgeBaseVersion") + length(CAST("AnswersJson" AS BLOB)) + length(CAST("ResultJson" AS BLOB)) + length("Urgency") + 1 + length("SeriesKey") + length("DeleteKeyHash") + coalesce(length(CAST("Summary" AS BLOB)), 0)) FROM "Assessments"')"
  else
    rows_now="$(query "$p" "$target" 'SELECT count(*) FROM "Assessments"')"
    size="$(query "$p" "$target" "SELECT pg_database_size(current_database())")"
    own="$(query "$p" "$target" 'SELECT avg(pg_column_size(a.*)) FROM "Assessments" a')"
  fi
  row "$p|$state|bytes per result|database $(( size / rows_now )) B, row $(printf '%.0f' "$own") B ($rows_now rows)"

  # The baseline: the same submissions, same warm-up and length, with nothing to sweep, and the
  # same poll running beside them.
  local base_poll="$WORK_DIR/poll-base-$app_name.txt" poll="$WORK_DIR/poll-$app_name.txt" poller
  watch_expired "$p" "$target" >"$base_poll" &
  poller=$!
  row "$p|$state|submission, nothing to sweep|$(sweep_submissions)"
  kill "$poller" 2>/dev/null; wait "$poller" 2>/dev/null || true

  # The retention sweep: expired rows appear, submissions run, the app's next sweep deletes them.
  log "$app_name: adding $EXPIRED_N expired results for the sweep"
  { echo "CREATE TABLE smap (p integer PRIMARY KEY, pos integer, k integer);"
    local smap="" k pos
    for ((k = 1; k <= 10; k++)); do for ((pos = 0; pos < k; pos++)); do smap+="($(( (k - 1) * k / 2 + pos )), $pos, $((k - 1))),"; done; done
    echo "INSERT INTO smap VALUES ${smap%,};"
    echo "CREATE TABLE tmpl AS SELECT row_number() OVER (ORDER BY \"Id\") - 1 AS k, \"KnowledgeBaseVersion\" AS kbv, \"AnswersJson\" AS answers, \"ResultJson\" AS result, \"Urgency\" AS urgency, \"SeeClinician\" AS see, \"Summary\" AS summary FROM \"Assessments\" WHERE \"Token\" IN (SELECT \"Token\" FROM \"Assessments\" ORDER BY \"Id\" LIMIT 72);"
    generate_sql "$p" x "$EXPIRED_N" 420 10
    echo "DROP TABLE smap; DROP TABLE tmpl;"
  } | sql "$p" "$target"
  settle "$p" "$target"
  watch_expired "$p" "$target" >"$poll" &
  poller=$!
  # The app sweeps every 10 s (it deletes the oldest first): the measured window opens once the
  # oldest expired result has changed, that is once the sweep has begun deleting.
  local waited=0
  until awk 'NR == 1 { first = $2 } $2 != first && $2 != "error" { begun = 1 } END { exit !begun }' "$poll" 2>/dev/null; do
    (( waited < 300 )) || die "$app_name: the retention sweep did not begin within 60 s"
    sleep 0.2; waited=$((waited + 1))
  done
  local sweep_line
  sweep_line="$(sweep_submissions)"
  # Wait (bounded) for the sweep to finish if it is still going.
  waited=0
  while (( waited < 180 )) && [[ "$(tail -n1 "$poll" | cut -d' ' -f2)" != none ]]; do sleep 1; waited=$((waited + 1)); done
  kill "$poller" 2>/dev/null; wait "$poller" 2>/dev/null || true
  # From the poll before the oldest first changed to the first poll that found none.
  local sweep_s
  sweep_s="$(awk 'NR == 1 { first = $2 } $2 != first && !start { start = prev } $2 == "none" && !end { end = $1 } { prev = $1 } END { if (start && end) printf "%.1f", end - start; else print "n/a" }' "$poll")"
  row "$p|$state|submission during sweep|$sweep_line"
  row "$p|$state|sweep of $EXPIRED_N|$sweep_s s"
  kill "${APP_PIDS[$state]}" 2>/dev/null && wait "${APP_PIDS[$state]}" 2>/dev/null
  unset 'APP_PIDS[$state]'
}

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
for p in $PROVIDERS; do
  declare -A TARGETS=()
  for state in empty full; do
    if [[ "$p" == Sqlite ]]; then
      TARGETS[$state]="$WORK_DIR/$state.db"
    else
      TARGETS[$state]="kt_ds_$state$RANDOM"
      psql -qc "CREATE DATABASE ${TARGETS[$state]}" >/dev/null
    fi
    prepare_case "$p" "$state" "${TARGETS[$state]}"
  done
  for kind in "${KINDS[@]}"; do
    for ((round = 1; round <= ROUNDS; round++)); do
      order="empty full"
      ((round % 2 == 0)) && order="full empty"
      for state in $order; do
        log "$p: $kind, round $round, $state"
        row "$p|$state|$kind|$(measure_kind "$state" "$kind")"
      done
    done
  done
  for state in empty full; do
    finish_case "$p" "$state" "${TARGETS[$state]}"
    [[ "$p" == Sqlite ]] && rm -f "${TARGETS[$state]}" "${TARGETS[$state]}-wal" "${TARGETS[$state]}-shm"
  done
  unset TARGETS
done

echo
echo "KneeTriage data-scale bench  $(date -u +'%Y-%m-%d %H:%M UTC')  $(nproc) cores; full = $RESULTS_N results + $BOARDS_N boards; wrk -t$THREADS -d${DURATION}s after ${WARMUP}s warm-up, pages -c$CONNECTIONS, API -c$API_CONNECTIONS; $ROUNDS rounds each, empty and full in turn: median req/s, worst p99, errors summed; load average before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg)"
awk -F'|' '
  function median(list,    a, m, i, j, t) {
    m = split(list, a, " ")
    for (i = 2; i <= m; i++) { t = a[i] + 0; for (j = i - 1; j >= 1 && a[j] + 0 > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
    return m % 2 ? a[(m + 1) / 2] : (a[m / 2] + a[m / 2 + 1]) / 2
  }
  {
    key = $1 "|" $3; if (!(key in seen)) { seen[key] = 1; order[++n] = key }
    k = $1 "|" $2 "|" $3; split($4, v, " ")
    if (v[1] ~ /^[0-9.]+$/ && v[2] ~ /^[0-9.]+$/ && $3 !~ /sweep of/) {
      rates[k] = rates[k] " " v[1]; if (v[2] + 0 > worst[k] + 0) worst[k] = v[2]; errors[k] += v[3]; runs[k]++
    } else text[k] = $4
  }
  function cell(k) { return (k in text) ? text[k] : sprintf("%.0f %.1f %d", median(rates[k]), worst[k], errors[k]) }
  END {
    printf "%-10s %-28s %-26s %-26s %s\n", "provider", "what", "empty: req/s p99ms err", "full: req/s p99ms err", "full/empty req/s"
    for (i = 1; i <= n; i++) {
      split(order[i], pw, "|"); e = pw[1] "|empty|" pw[2]; f = pw[1] "|full|" pw[2]
      ratio = (!(e in text) && !(f in text) && median(rates[e]) > 0) ? sprintf("%.2f", median(rates[f]) / median(rates[e])) : ""
      printf "%-10s %-28s %-26s %-26s %s\n", pw[1], pw[2], cell(e), cell(f), ratio
    }
    print ""
    print "req/s of each round (empty | full):"
    for (i = 1; i <= n; i++) {
      split(order[i], pw, "|"); e = pw[1] "|empty|" pw[2]; f = pw[1] "|full|" pw[2]
      if (runs[e] > 1 || runs[f] > 1) printf "  %-10s %-28s%s |%s\n", pw[1], pw[2], rates[e], rates[f]
    }
  }' "$ROWS"
