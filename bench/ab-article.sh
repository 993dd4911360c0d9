#!/usr/bin/env bash
# bench/ab-article.sh ROUNDS SECONDS NAME=PUBLISH_DIR...
# nginx (gzip_static, a worker per core, the first app's bytes of /article/causes) and each published app
# (fresh SQLite database, rate limits off; any published ASP.NET Core app serving that path works),
# driven in turn with wrk -t2 -c64 and a browser's Accept-Encoding: 2 s of warm-up, then SECONDS
# measured, ROUNDS times, interleaved so a shared machine's luck spreads over every side. Prints
# requests per second and server CPU per request (utime + stime from /proc over the measured run,
# nginx's master and workers together). Loopback only (ports 18301 up and 18399); stops what it started. Needs wrk, nginx, curl.
set -euo pipefail
ROUNDS=$1; DUR=$2; shift 2
AE='Accept-Encoding: gzip, deflate, br, zstd'; P=/article/causes
W=$(mktemp -d /tmp/kt-ab.XXXX); chmod 755 $W
declare -A PIDS URLS
cleanup() { for n in "${!PIDS[@]}"; do kill ${PIDS[$n]} 2>/dev/null || true; done; [[ -n "${NG:-}" ]] && kill $NG 2>/dev/null; sleep 0.5; rm -rf "$W"; true; }
trap cleanup EXIT
port=18300
for spec in "$@"; do
  n=${spec%%=*}; d=${spec#*=}; port=$((port+1)); mkdir -p $W/$n
  (cd $d && exe=$(basename $(ls $d/*.runtimeconfig.json | head -1) .runtimeconfig.json); exec env ConnectionStrings__KneeTriage="Data Source=$W/$n/k.db" RateLimiting__Enabled=false ./$exe --urls http://127.0.0.1:$port --contentRoot $d >$W/$n/log 2>&1) &
  PIDS[$n]=$!; URLS[$n]=http://127.0.0.1:$port
done
for n in "${!URLS[@]}"; do until curl -sf -o /dev/null ${URLS[$n]}$P; do sleep 0.1; done; done
first=${1%%=*}
mkdir -p $W/ng/www/article $W/ng/tmp
curl -sf ${URLS[$first]}$P -o $W/ng/www$P; gzip -9 -k -n $W/ng/www$P; chmod -R a+rX $W/ng
cat > $W/ng/nginx.conf <<NG
daemon off; worker_processes auto; pid $W/ng/nginx.pid; error_log $W/ng/error.log warn;
events { worker_connections 1024; }
http { access_log $W/ng/access.log; client_body_temp_path $W/ng/tmp/b; proxy_temp_path $W/ng/tmp/p; fastcgi_temp_path $W/ng/tmp/f; uwsgi_temp_path $W/ng/tmp/u; scgi_temp_path $W/ng/tmp/s;
 types { } default_type "text/html; charset=utf-8"; sendfile on; tcp_nopush on; keepalive_requests 1000000; gzip_static on;
 server { listen 127.0.0.1:18399; root $W/ng/www; } }
NG
/usr/sbin/nginx -p $W/ng -c $W/ng/nginx.conf -e $W/ng/error.log & NG=$!
until curl -sf -o /dev/null http://127.0.0.1:18399$P; do sleep 0.05; done
cpu() { local t=0; for p in "$@"; do s=$(cat /proc/$p/stat); s=${s##*) }; t=$((t + $(awk '{print $12+$13}' <<<"$s"))); done; echo $t; }
run() { # name url pids...
  local n=$1 u=$2; shift 2
  wrk -t2 -c64 -d2s -H "$AE" $u$P >/dev/null
  local c0; c0=$(cpu "$@"); local out; out=$(wrk -t2 -c64 -d${DUR}s -H "$AE" $u$P); local c1; c1=$(cpu "$@")
  local req rps; req=$(grep -o '[0-9]* requests' <<<"$out" | cut -d' ' -f1); rps=$(grep Requests/sec <<<"$out" | awk '{print $2}')
  echo "$r $n rps=$rps cpu_us_per_req=$(awk -v c=$((c1-c0)) -v q=$req 'BEGIN{printf "%.1f", c*10000/q}') load=$(cut -d' ' -f1 /proc/loadavg)"
}
for ((r=1; r<=ROUNDS; r++)); do
  run nginx http://127.0.0.1:18399 $NG $(pgrep -P $NG | tr '\n' ' ')
  for spec in "$@"; do n=${spec%%=*}; run $n ${URLS[$n]} ${PIDS[$n]}; done
done
