#!/usr/bin/env bash
# bench/ab-one-app.sh PUBLISH_DIR PATH [ACCEPT_ENCODING]
# One published app alone on a fresh database (rate limits off), wrk -t2 -c64 for 3 s of warm-up and
# 8 s measured on one path: prints requests per second and the app's CPU per request (clock ticks
# of 10 ms). For A/B runs of two builds, alternated, on a shared machine. Needs wrk and curl.
set -e
PUB=$1; P=$2; AE=${3-}
port=$((30000 + RANDOM % 20000)); db=$(mktemp -d)
(cd $PUB && exec env ConnectionStrings__KneeTriage="Data Source=$db/k.db" RateLimiting__Enabled=false ./KneeTriage.Web --urls http://127.0.0.1:$port --contentRoot $PUB >$db/log 2>&1) &
pid=$!
until curl -sf -o /dev/null http://127.0.0.1:$port/; do sleep 0.1; done
H=(); [[ -n "$AE" ]] && H=(-H "Accept-Encoding: $AE")
wrk -t2 -c64 -d3s "${H[@]}" http://127.0.0.1:$port$P >/dev/null
read u s < <(awk '{print $14, $15}' /proc/$pid/stat)
out=$(wrk -t2 -c64 -d8s "${H[@]}" http://127.0.0.1:$port$P)
read u2 s2 < <(awk '{print $14, $15}' /proc/$pid/stat)
req=$(grep -o '[0-9]* requests' <<<"$out" | cut -d' ' -f1)
rps=$(grep Requests/sec <<<"$out" | awk '{print $2}')
echo "$(basename $PUB) $P AE=[$AE] rps=$rps cpu_us_per_req=$(( (u2+s2-u-s)*10000*1000/req/1000 ))"
kill $pid; wait $pid 2>/dev/null || true; rm -rf $db
