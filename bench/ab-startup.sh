#!/usr/bin/env bash
# bench/ab-startup.sh PUBLISH_DIR... : start-up of several builds (and the stock template), interleaved.
#
# Each round starts every build on a fresh SQLite database and then on an existing one (the
# database its first fresh start made), and the stock template on its fresh and its shipped
# database, one process at a time; for each start it prints the wall time from process start to
# the first 200 of "/" and the CPU time (user + system) the process had used by then, which stays
# comparable when other work shares the machine. A build's label is its folder's parent name.
#
# Knobs: KT_AB_ROUNDS [5]; KT_AB_TEMPLATE, the stock template's publish folder (bench/run.sh leaves
# one in $KT_BENCH_ARTIFACTS/template/publish) [none: builds only].
set -euo pipefail
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BENCH_LOG_NAME=ab-startup
# shellcheck source=common.sh
source "$BENCH_DIR/common.sh"
# shellcheck source=apps.sh
source "$BENCH_DIR/apps.sh"
trap stop_started EXIT
ROUNDS="${KT_AB_ROUNDS:-5}"
TEMPLATE="${KT_AB_TEMPLATE:-}"
WORK="$(mktemp -d)"

# one LABEL KIND: the process just started (STARTED_PID, STARTUP_MS), measured and stopped.
one() {
  printf '%-14s %-9s wall %5d ms  cpu %5d ms  rss %4d MB\n' "$1" "$2" "$STARTUP_MS" "$(cpu_ms "$STARTED_PID")" \
    "$(($(awk '/^VmRSS:/ {print $2}' "/proc/$STARTED_PID/status") / 1024))"
  stop_pid "$STARTED_PID"
}

for ((round = 1; round <= ROUNDS; round++)); do
  for dir in "$@"; do
    label="$(basename "$(dirname "$dir")")"
    PUBLISH_DIR="$dir"
    start_kneetriage "$WORK/$label-fresh-$round.log" "$WORK/$label-fresh-$round.db" "http://127.0.0.1:$(free_port)"
    one "$label" fresh
    [[ -e "$WORK/$label-existing.db" ]] || cp "$WORK/$label-fresh-$round.db" "$WORK/$label-existing.db"
    start_kneetriage "$WORK/$label-existing-$round.log" "$WORK/$label-existing.db" "http://127.0.0.1:$(free_port)"
    one "$label" existing
  done
  if [[ -n "$TEMPLATE" ]]; then
    start_template "$TEMPLATE" "$WORK/template-fresh-$round.log" "$WORK/template-fresh-$round.db" "http://127.0.0.1:$(free_port)"
    one template fresh
    [[ -e "$WORK/template-existing.db" ]] || cp "$TEMPLATE/app.db" "$WORK/template-existing.db"
    start_template "$TEMPLATE" "$WORK/template-existing-$round.log" "$WORK/template-existing.db" "http://127.0.0.1:$(free_port)"
    one template existing
  fi
done
rm -rf "$WORK"
