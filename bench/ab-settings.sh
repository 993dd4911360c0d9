#!/usr/bin/env bash
# A/B of runtime settings on one publish, interleaved in one run.
#
#   bench/ab-settings.sh LABEL=NAME=VALUE[,NAME=VALUE...] LABEL=...
#   e.g. bench/ab-settings.sh inline=Hosting__InlineSocketScheduling=true pool=Hosting__InlineSocketScheduling=false
#        bench/ab-settings.sh plain=DOTNET_gcServer=0 conserve=DOTNET_GCConserveMemory=5
#
# Each variant is the published app with those environment settings on a fresh SQLite database
# (rate limits off), all started first, seeded alike, then measured in interleaved rounds: for each
# round, each kind, each variant (the order turns each round). Prints one line per run and a table
# pooled over rounds: req/s, p50, worst p99, CPU per request, peak RSS (VmHWM) and start-up.
#
# Knobs: those of common.sh (KT_BENCH_DURATION [10], KT_BENCH_WARMUP [3], KT_BENCH_SKIP_PUBLISH, ...) and
#   KT_BENCH_ROUNDS   rounds [3]
#   KT_AB_KINDS       kinds measured, from: api result article home submit board [api result]
#   KT_BENCH_API_CONNECTIONS  connections for the API kinds (api, submit) [32]; pages use KT_BENCH_CONNECTIONS [64]
#   KT_BENCH_TOKENS   results seeded in each variant [200]
#   KT_BENCH_STARTS   start-ups of each variant on a fresh database before the load, interleaved; the
#                     table shows their median (with KT_AB_KINDS="" only start-ups are measured) [1]
set -euo pipefail
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BENCH_LOG_NAME=ab-settings
# shellcheck source=common.sh
source "$BENCH_DIR/common.sh"
# shellcheck source=apps.sh
source "$BENCH_DIR/apps.sh"
ROUNDS="${KT_BENCH_ROUNDS:-3}"
KINDS="${KT_AB_KINDS-api result}"
API_CONNECTIONS="${KT_BENCH_API_CONNECTIONS:-32}"
TOKEN_COUNT="${KT_BENCH_TOKENS:-200}"
STARTS="${KT_BENCH_STARTS:-1}"
ACCEPT_ENCODING="gzip, deflate, br, zstd"

(($# >= 2)) || { sed -n '2,20p' "$0"; exit 2; }
use_work_dir kt-ab
command -v wrk >/dev/null || die "wrk is needed (apt-get install wrk)"
publish_app "$WORK_DIR/publish.log"

# settings_of VARIANT: its NAME=VALUE settings, one a line.
settings_of() { tr ',' '\n' <<<"${1#*=}"; }

: >"$WORK_DIR/startup.txt"
for ((s = 1; s < STARTS; s++)); do
  for variant in "$@"; do
    label="${variant%%=*}"
    mapfile -t settings < <(settings_of "$variant")
    start_kneetriage "$WORK_DIR/$label-start-$s.log" "$WORK_DIR/$label-start-$s.db" "http://127.0.0.1:$(free_port)" "${settings[@]}"
    stop_pid "$STARTED_PID"
    log "$label: start-up $s: $STARTUP_MS ms"
    echo "$label $STARTUP_MS" >>"$WORK_DIR/startup.txt"
  done
done

labels=() urls=() pids=()
for variant in "$@"; do
  label="${variant%%=*}"
  mapfile -t settings < <(settings_of "$variant")
  port="$(free_port)"
  url="http://127.0.0.1:$port"
  start_kneetriage "$WORK_DIR/$label.log" "$WORK_DIR/$label.db" "$url" "${settings[@]}"
  log "$label (${settings[*]}) on $url: first 200 after $STARTUP_MS ms"
  labels+=("$label") urls+=("$url") pids+=("$STARTED_PID")
  echo "$label $STARTUP_MS" >>"$WORK_DIR/startup.txt"
  [[ -n "$KINDS" ]] || continue
  seed_results "$url" "$TOKEN_COUNT" "$WORK_DIR/$label.results"
  awk '{print "/results/" $1}' "$WORK_DIR/$label.results" >"$WORK_DIR/$label.result-paths"
  awk '{print "/api/assessments/" $1}' "$WORK_DIR/$label.results" >"$WORK_DIR/$label.api-paths"
  if [[ " $KINDS " == *" board "* ]]; then
    echo "/boards/$(seed_board "$url" "$WORK_DIR/$label.results" 30)" >"$WORK_DIR/$label.board-paths"
  fi
done

# kind_run KIND URL LABEL: warm-up then the measured run; prints the KTBENCH line.
kind_run() {
  local kind="$1" url="$2" label="$3" c="$CONNECTIONS" script="$BENCH_DIR/wrk/paths.lua" args=()
  case "$kind" in
    api) c="$API_CONNECTIONS"; args=("$WORK_DIR/$label.api-paths") ;;
    result) args=("$WORK_DIR/$label.result-paths") ;;
    board) args=("$WORK_DIR/$label.board-paths") ;;
    article) script="$BENCH_DIR/wrk/report.lua"; url="$url/article/causes" ;;
    home) script="$BENCH_DIR/wrk/report.lua"; url="$url/" ;;
    submit) c="$API_CONNECTIONS"; script="$BENCH_DIR/wrk/submit.lua"; args=("$BENCH_DIR/wrk/answer-sets.jsonl") ;;
    *) die "unknown kind $kind" ;;
  esac
  wrk_line "$c" "$WARMUP" "$url" "$script" "${args[@]}" >/dev/null
  wrk_line "$c" "$DURATION" "$url" "$script" "${args[@]}"
}

results="$WORK_DIR/results.txt"
: >"$results"
n=${#labels[@]}
for ((round = 1; round <= ROUNDS; round++)); do
  for kind in $KINDS; do
    for ((k = 0; k < n; k++)); do
      i=$(((k + round - 1) % n))
      before="$(cpu_ms "${pids[$i]}")"
      line="$(kind_run "$kind" "${urls[$i]}" "${labels[$i]}")"
      cpu=$(($(cpu_ms "${pids[$i]}") - before))
      echo "${labels[$i]} $kind $line cpu_ms=$cpu hwm_kb=$(peak_rss_kb "${pids[$i]}")" >>"$results"
      log "round $round $kind ${labels[$i]}: $(awk '{ for (i = 3; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] } }
        END { printf "%.0f req/s, p50 %.1f ms, p99 %.1f ms, %.0f us CPU/req", v["requests"] / (v["duration_us"] / 1e6), v["p50_us"] / 1000, v["p99_us"] / 1000, v["cpu_ms"] * 1000 / v["requests"] }' <<<"${labels[$i]} $kind $line cpu_ms=$cpu")"
    done
  done
done

echo
echo "ab-settings  $(date -u +'%Y-%m-%d %H:%M UTC')  $ROUNDS rounds of ${DURATION}s after ${WARMUP}s warm-up; pages $CONNECTIONS connections, API $API_CONNECTIONS; load average $(cut -d' ' -f1-3 /proc/loadavg)"
for variant in "$@"; do echo "  $variant"; done
awk '
  function median(list,    parts, count, i, j, t) {
    count = split(list, parts, " ")
    for (i = 2; i <= count; i++) for (j = i; j > 1 && parts[j - 1] + 0 > parts[j] + 0; j--) { t = parts[j]; parts[j] = parts[j - 1]; parts[j - 1] = t }
    return count % 2 ? parts[(count + 1) / 2] : (parts[count / 2] + parts[count / 2 + 1]) / 2
  }
  FNR == NR { starts[$1] = starts[$1] " " $2; if (!($1 in started)) { started[$1] = 1; variants[++m] = $1 }; next }
  {
    key = $1 " " $2
    if (!(key in seen)) { seen[key] = 1; keys[++n] = key }
    rounds[key]++
    for (i = 4; i <= NF; i++) {
      split($i, kv, "=")
      if (kv[1] == "p99_us" || kv[1] == "hwm_kb") { if (kv[2] > v[key, kv[1]]) v[key, kv[1]] = kv[2] }
      else v[key, kv[1]] += kv[2]
      if (kv[1] == "p99_us") each[key] = each[key] sprintf("%s%.1f", (rounds[key] > 1 ? " / " : ""), kv[2] / 1000)
    }
  }
  END {
    for (k = 1; k <= m; k++) printf "%-12s start-up to first 200, fresh database: median %s ms of%s\n", variants[k], median(starts[variants[k]]), starts[variants[k]]
    if (n == 0) exit
    printf "%-12s %-8s %9s %8s %9s %-24s %8s %8s %8s\n", "variant", "kind", "req/s", "p50 ms", "p99 ms", "p99 each round", "errors", "CPU us", "peak MB"
    for (k = 1; k <= n; k++) {
      key = keys[k]; split(key, lk, " ")
      printf "%-12s %-8s %9.0f %8.2f %9.1f %-24s %8d %8.0f %8.0f\n", lk[1], lk[2], v[key, "requests"] / (v[key, "duration_us"] / 1e6),
        v[key, "p50_us"] / rounds[key] / 1000, v[key, "p99_us"] / 1000, each[key], v[key, "status_errors"] + v[key, "socket_errors"],
        v[key, "cpu_ms"] * 1000 / (v[key, "requests"] ? v[key, "requests"] : 1), v[key, "hwm_kb"] * 1024 / 1e6
    }
  }' "$WORK_DIR/startup.txt" "$results"
