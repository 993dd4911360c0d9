#!/usr/bin/env bash
# bench/ab-submissions.sh PUBLISH_DIR... : submissions of several published builds, interleaved.
# Inside one throw-away PostgreSQL cluster (pg_virtualenv -t; used only with the PostgreSQL
# provider), for each round and each build in turn: a fresh database, the app alone on it (rate
# limits off), KT_AB_WARMUP s of submissions as warm-up, then KT_AB_SECONDS s measured at 32
# connections (wrk, bench/wrk/submit.lua). Prints one line a run: req/s, p99, p50, and the CPU per
# request of the app and of every postgres process (ticks of /proc/PID/stat), and with
# KT_AB_WRITER_LOG=1 the group-commit writer's batches (count, mean size, mean and longest time, from
# its Debug log). For builds published with bench/common.sh's publish_app (decision 0041 used it).
#   KT_AB_PROVIDER  PostgreSQL or Sqlite [PostgreSQL]     KT_AB_ROUNDS  rounds [3]
#   KT_AB_SECONDS   measured seconds [20]                 KT_AB_WARMUP  warm-up seconds [3]
#   KT_AB_POOL      Npgsql's Maximum Pool Size [10]
# Example: bench/ab-submissions.sh /tmp/kt-main/publish /tmp/kt-new/publish
set -euo pipefail
if [[ -z "${KT_AB_IN_CLUSTER:-}" ]]; then
  exec env KT_AB_IN_CLUSTER=1 pg_virtualenv -t -o max_connections=300 -- bash "$0" "$@"
fi
B="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROUNDS=${KT_AB_ROUNDS:-3}; SECS=${KT_AB_SECONDS:-20}; WARM=${KT_AB_WARMUP:-3}; POOL=${KT_AB_POOL:-10}; PROVIDER=${KT_AB_PROVIDER:-PostgreSQL}
PGS="Host=$PGHOST;Port=$PGPORT;Username=$PGUSER;Password=$PGPASSWORD;SSL Mode=Disable;Maximum Pool Size=$POOL"
WRITER_LEVEL=Information
[[ "${KT_AB_WRITER_LOG:-0}" == 1 ]] && WRITER_LEVEL=Debug
n=0
WORK="$(mktemp -d /tmp/kt-ab-submissions.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
# CPU ticks (1/100 s) of a process, and of every postgres process.
cpu_of() { awk '{print $14 + $15}' /proc/$1/stat; }
cpu_pg() { local t=0 p; for p in $(pgrep -x postgres); do t=$((t + $(awk '{print $14 + $15}' /proc/$p/stat 2>/dev/null || echo 0))); done; echo $t; }
for ((r = 1; r <= ROUNDS; r++)); do
  for pub in "$@"; do
    n=$((n + 1)); db="kt$n"; port=$((30000 + RANDOM % 20000))
    if [[ "$PROVIDER" == Sqlite ]]; then cs="Data Source=$WORK/$n.db"; rm -f $WORK/$n.db*; else createdb "$db"; cs="$PGS;Database=$db"; fi
    log=$WORK/$n.log
    ( cd "$pub" && exec env Storage__Provider=$PROVIDER ConnectionStrings__KneeTriage="$cs" RateLimiting__Enabled=false \
        Serilog__MinimumLevel__Override__KneeTriage.Web.Data.GroupCommitWriter="$WRITER_LEVEL" \
        ASPNETCORE_URLS=http://127.0.0.1:$port ./KneeTriage.Web --contentRoot "$pub" ) >"$log" 2>&1 &
    pid=$!
    until [[ "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:$port/healthz/ready)" == 200 ]]; do sleep 0.1; done
    wrk -t2 -c32 -d${WARM}s -s $B/wrk/submit.lua http://127.0.0.1:$port -- $B/wrk/answer-sets.jsonl >/dev/null 2>&1 || true
    : >"$log.batches"; mark=$(wc -l <"$log")
    a0=$(cpu_of $pid); p0=$(cpu_pg)
    out=$(wrk -t2 -c32 -d${SECS}s --timeout 5s -s $B/wrk/submit.lua http://127.0.0.1:$port -- $B/wrk/answer-sets.jsonl)
    line=$(grep '^KTBENCH ' <<<"$out")
    a1=$(cpu_of $pid); p1=$(cpu_pg)
    reqs=$(grep -o 'requests=[0-9]*' <<<"$line" | cut -d= -f2)
    cpu="app $(( (a1 - a0) * 10000 / reqs )) us/req, pg $(( (p1 - p0) * 10000 / reqs )) us/req"
    tail -n +$((mark + 1)) "$log" | grep -o 'Committed [0-9]* results in [0-9.]* ms' | awk '{print $2, $5}' >"$log.batches" || true
    stats=$(awk '{n++; c+=$1; t+=$2; if ($2>m) m=$2} END { if (n) printf "batches %d, mean size %.1f, mean %.1f ms, max %.1f ms", n, c/n, t/n, m }' "$log.batches")
    awk -v name="$(basename "$(dirname "$pub")")" -v s="$stats" -v c="$cpu" '{ for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
      printf "%-10s %7.0f req/s  p99 %6.1f ms  p50 %5.1f ms  %s; %s\n", name, v["requests"] / (v["duration_us"] / 1e6), v["p99_us"] / 1000, v["p50_us"]/1000, c, s }' <<<"$line"
    kill $pid; wait $pid 2>/dev/null || true
  done
done
