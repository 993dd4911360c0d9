#!/usr/bin/env bash
# The coach's board page (/boards/{id}) of one or more published builds, side by side in one run.
#
#   bench/board.sh LABEL=PUBLISH_DIR [LABEL=PUBLISH_DIR ...]
#   e.g. bench/board.sh before=/tmp/kt-base/publish after=/tmp/kt-perf/publish
#
# Each build is started on a fresh SQLite database (rate limits off, loopback), seeded alike through
# the API: results, and one board per size in KT_BENCH_BOARD_SIZES, each athlete one result shared
# with the result shown (as run.sh's board). Then, KT_BENCH_ROUNDS times, each size on each build
# in turn (the order turning each round): wrk warm-up, then the measured run with a browser's
# Accept-Encoding. Prints a line per run and a table pooled over rounds: req/s, p50, worst p99, the
# app's CPU per view (user + system over the measured run) and the page's bytes on the wire.
# Everything it starts is stopped on exit.
#
# Knobs: those of common.sh (KT_BENCH_DURATION [10], KT_BENCH_WARMUP [3], KT_BENCH_CONNECTIONS [64]),
# KT_BENCH_PORTS (apps.sh) and
#   KT_BENCH_BOARD_SIZES  athletes on each board ["30 500"]
#   KT_BENCH_ROUNDS       rounds [2]
set -euo pipefail
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BENCH_LOG_NAME=board
# shellcheck source=common.sh
source "$BENCH_DIR/common.sh"
# shellcheck source=apps.sh
source "$BENCH_DIR/apps.sh"
SIZES="${KT_BENCH_BOARD_SIZES:-30 500}"
ROUNDS="${KT_BENCH_ROUNDS:-2}"
ACCEPT_ENCODING="gzip, deflate, br, zstd"

(($# >= 1)) || { sed -n '2,18p' "$0"; exit 2; }
for tool in wrk curl; do command -v "$tool" >/dev/null || die "$tool is needed"; done
use_work_dir kt-board

largest=0
for size in $SIZES; do ((size > largest)) && largest=$size; done

LABELS=()
declare -A URL PID
for variant in "$@"; do
  label="${variant%%=*}"
  PUBLISH_DIR="${variant#*=}"
  [[ -x "$PUBLISH_DIR/KneeTriage.Web" ]] || die "no published app in $PUBLISH_DIR"
  port="$(free_port)"
  start_kneetriage "$WORK_DIR/$label.log" "$WORK_DIR/$label.db" "http://127.0.0.1:$port"
  LABELS+=("$label")
  URL[$label]="http://127.0.0.1:$port"
  PID[$label]="$STARTED_PID"
  log "$label: started in $STARTUP_MS ms; seeding $largest results and boards of $SIZES athletes"
  seed_results "${URL[$label]}" "$largest" "$WORK_DIR/$label-results.txt"
  for size in $SIZES; do
    board="$(seed_board "${URL[$label]}" "$WORK_DIR/$label-results.txt" "$size")"
    echo "/boards/$board" >"$WORK_DIR/$label-$size.txt"
    expect_2xx "${URL[$label]}/boards/$board"
  done
done

RESULTS="$WORK_DIR/runs.txt"
: >"$RESULTS"
for ((round = 0; round < ROUNDS; round++)); do
  for size in $SIZES; do
    for ((i = 0; i < ${#LABELS[@]}; i++)); do
      label="${LABELS[$(((i + round) % ${#LABELS[@]}))]}"
      url="${URL[$label]}"
      wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -H "Accept-Encoding: $ACCEPT_ENCODING" \
        -s "$BENCH_DIR/wrk/paths.lua" "$url" -- "$WORK_DIR/$label-$size.txt" >/dev/null
      before="$(cpu_ms "${PID[$label]}")"
      line="$(wrk_line "$CONNECTIONS" "$DURATION" "$url" "$BENCH_DIR/wrk/paths.lua" "$WORK_DIR/$label-$size.txt")"
      after="$(cpu_ms "${PID[$label]}")"
      bytes="$(curl -s -o /dev/null -w '%{size_download}' -H "Accept-Encoding: br" "$url$(cat "$WORK_DIR/$label-$size.txt")")"
      echo "$label $size $line cpu_ms=$((after - before)) bytes=$bytes" >>"$RESULTS"
      log "$label, $size athletes: $(awk -v cpu=$((after - before)) '{ for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] } }
        END { printf "%.0f req/s, p99 %.1f ms, %.0f us of CPU per view", v["requests"] / (v["duration_us"] / 1e6), v["p99_us"] / 1000, cpu * 1000 / v["requests"] }' <<<"$line")"
    done
  done
done

echo
echo "KneeTriage board bench  $(date -u +'%Y-%m-%d %H:%M UTC')  $(nproc) cores; wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s after ${WARMUP}s, Accept-Encoding: $ACCEPT_ENCODING; $ROUNDS rounds pooled; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
awk '
  { key = $1 " " $2; if (!(key in n)) order[++count] = key
    for (i = 3; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
    n[key]++; req[key] += v["requests"]; us[key] += v["duration_us"]; p50[key] += v["p50_us"]
    if (v["p99_us"] > p99[key]) p99[key] = v["p99_us"]
    cpu[key] += v["cpu_ms"]; err[key] += v["status_errors"] + v["socket_errors"]; bytes[key] = v["bytes"] }
  END {
    printf "%-12s %8s %9s %8s %8s %7s %12s %10s\n", "build", "athletes", "req/s", "p50 ms", "p99 ms", "errors", "CPU us/view", "bytes (br)"
    for (k = 1; k <= count; k++) { key = order[k]; split(key, lk, " ")
      printf "%-12s %8d %9.0f %8.2f %8.2f %7d %12.0f %10d\n", lk[1], lk[2], req[key] / (us[key] / 1e6), p50[key] / n[key] / 1000, p99[key] / 1000, err[key], cpu[key] * 1000 / req[key], bytes[key] }
  }' "$RESULTS"
