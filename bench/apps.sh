# Starting, seeding and stopping server processes for bench/run.sh and bench/ab-settings.sh
# (sourced after common.sh). Every process started here is recorded in STARTED_PIDS; call
# stop_started from the caller's EXIT trap.

STARTED_PIDS=()

stop_started() {
  local pid
  for pid in "${STARTED_PIDS[@]}"; do
    kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  done
  STARTED_PIDS=()
}

now_ns() { date +%s%N; }

# wait_for_200 PID URL: until URL answers 200 (KT_BENCH_START_TIMEOUT seconds at most [300]: a
# shared machine at a load average of 80 took 123 s); prints the ns timestamp of that answer.
wait_for_200() {
  local pid="$1" url="$2" since limit="${KT_BENCH_START_TIMEOUT:-300}"
  since="$(now_ns)"
  until [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url" 2>/dev/null)" == 200 ]]; do
    kill -0 "$pid" 2>/dev/null || die "the process behind $url exited (log beside its database)"
    (($(now_ns) - since < limit * 1000000000)) || die "no 200 from $url within $limit s"
    sleep 0.005
  done
  now_ns
}

# start_kneetriage LOG DB URL [NAME=VALUE...]: the published app on loopback, rate limits off,
# extra environment settings last; sets STARTED_PID and STARTUP_MS (process start to first 200 of "/").
start_kneetriage() {
  local log="$1" db="$2" url="$3"
  shift 3
  local started
  started="$(now_ns)"
  (
    cd "$PUBLISH_DIR"
    exec env ConnectionStrings__KneeTriage="Data Source=$db" RateLimiting__Enabled=false "$@" \
      ./KneeTriage.Web --urls "$url" --contentRoot "$PUBLISH_DIR"
  ) >"$log" 2>&1 &
  STARTED_PID=$!
  STARTED_PIDS+=("$STARTED_PID")
  STARTUP_MS=$((($(wait_for_200 "$STARTED_PID" "$url/") - started) / 1000000))
}

# start_template DIR LOG DB URL: the stock template's publish, the same way (its SQLite file, loopback);
# sets STARTED_PID and STARTUP_MS.
start_template() {
  local dir="$1" log="$2" db="$3" url="$4" started
  started="$(now_ns)"
  (
    cd "$dir"
    exec env ConnectionStrings__DefaultConnection="DataSource=$db;Cache=Shared" ./StockTemplate --urls "$url" --contentRoot "$dir"
  ) >"$log" 2>&1 &
  STARTED_PID=$!
  STARTED_PIDS+=("$STARTED_PID")
  STARTUP_MS=$((($(wait_for_200 "$STARTED_PID" "$url/") - started) / 1000000))
}

stop_pid() {
  kill "$1" 2>/dev/null && wait "$1" 2>/dev/null
  local kept=() pid
  for pid in "${STARTED_PIDS[@]}"; do [[ "$pid" == "$1" ]] || kept+=("$pid"); done
  STARTED_PIDS=("${kept[@]}")
}

# peak_rss_kb PID: VmHWM, the process's peak resident memory so far.
peak_rss_kb() { awk '/^VmHWM:/ {print $2}' "/proc/$1/status"; }

# seed_results URL COUNT OUT: COUNT results through POST /api/assessments (the varied answer sets of
# wrk/answer-sets.jsonl in turn); OUT gets "id deleteKey" a line.
seed_results() {
  local url="$1" count="$2" out="$3" i=0 body answer
  : >"$out"
  while ((i < count)); do
    while IFS= read -r body && ((i < count)); do
      answer="$(curl -s -H 'Content-Type: application/json' --data-binary "$body" -w '\n%{http_code}' "$url/api/assessments")"
      [[ "${answer##*$'\n'}" == 201 ]] || die "POST /api/assessments answered ${answer##*$'\n'}: ${answer%$'\n'*}"
      printf '%s %s\n' "$(json_string id <<<"$answer")" "$(json_string deleteKey <<<"$answer")" >>"$out"
      i=$((i + 1))
    done <"$BENCH_DIR/wrk/answer-sets.jsonl"
  done
  [[ "$(awk 'NF == 2' "$out" | wc -l)" -eq "$count" ]] || die "could not read the ids and keys of the created results"
}

# seed_board URL RESULTS COUNT: a board with the first COUNT results of RESULTS shared with it
# (one athlete each, result shown); prints the board's id.
seed_board() {
  local url="$1" results="$2" count="$3" made board join n=0 id key code
  made="$(curl -s -H 'Content-Type: application/json' --data-binary '{"name":"Bench squad"}' "$url/api/boards")"
  board="$(json_string id <<<"$made")"
  join="$(json_string joinId <<<"$made")"
  [[ -n "$board" && -n "$join" ]] || die "POST /api/boards answered: $made"
  while read -r id key && ((n < count)); do
    n=$((n + 1))
    code="$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' -H "X-Delete-Key: $key" \
      --data-binary "{\"joinId\":\"$join\",\"resultId\":\"$id\",\"displayName\":\"Runner $n\",\"showResult\":true}" "$url/api/shares")"
    [[ "$code" == 201 ]] || die "POST /api/shares answered $code"
  done <"$results"
  echo "$board"
}

# json_string NAME: the first "NAME":"value" of the JSON on stdin.
json_string() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p" | head -n1; }

# expect_2xx URL [curl args...]: a benchmark of 404s or redirects would be meaningless.
expect_2xx() {
  local url="$1" code
  shift
  code="$(curl -s -o /dev/null -w '%{http_code}' "$@" "$url")"
  [[ "$code" == 2* ]] || die "$url answered $code"
}

# cpu_ms PID...: user + system CPU time (ms) used so far by these processes.
cpu_ms() {
  local total=0 pid stat
  for pid in "$@"; do
    stat="$(cat "/proc/$pid/stat" 2>/dev/null)" || continue
    stat="${stat##*) }"
    # Fields after the command: utime and stime are the 12th and 13th.
    total=$((total + $(awk '{print $12 + $13}' <<<"$stat")))
  done
  echo $((total * 1000 / $(getconf CLK_TCK)))
}

# wrk_line CONNECTIONS SECONDS URL SCRIPT [script args...]: wrk's KTBENCH summary line.
wrk_line() {
  local connections="$1" seconds="$2" url="$3" script="$4"
  shift 4
  local extra=() headers=()
  (($#)) && extra=(-- "$@")
  [[ -n "${ACCEPT_ENCODING:-}" ]] && headers=(-H "Accept-Encoding: $ACCEPT_ENCODING")
  local out
  out="$(wrk -t"$THREADS" -c"$connections" -d"${seconds}s" --timeout 5s "${headers[@]}" -s "$script" "$url" "${extra[@]}")"
  grep '^KTBENCH ' <<<"$out" || die "wrk printed no summary: $out"
}

# KT_BENCH_PORTS=LOW-HIGH keeps every listener in that range (an engineer's share of a shared
# machine); without it, free_port (common.sh) picks any free port from 20000 up.
if [[ -n "${KT_BENCH_PORTS:-}" ]]; then
  free_port() {
    local low="${KT_BENCH_PORTS%-*}" high="${KT_BENCH_PORTS#*-}" port
    for ((port = low; port <= high; port++)); do
      if [[ -z "$(ss -Hltn "sport = :$port" 2>/dev/null)" ]]; then
        echo "$port"
        return
      fi
    done
    die "no free port in $KT_BENCH_PORTS"
  }
fi

# A work folder for this run in WORK_DIR ($1 names it): removed with everything this file started
# when the run succeeds; kept, with its logs, when it fails. Call once, before starting anything.
use_work_dir() {
  WORK_DIR="$(mktemp -d "/tmp/$1.XXXXXX")"
  trap _finish_run EXIT
  trap 'exit 130' INT TERM
}

_finish_run() {
  local code=$?
  stop_started
  if ((code == 0)); then rm -rf "$WORK_DIR"; else log "kept $WORK_DIR (logs)"; fi
  exit $code
}
