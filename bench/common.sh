# Shared by bench/run.sh and bench/scale.sh (sourced; BENCH_DIR is set by the caller, and
# BENCH_LOG_NAME names the script in its log lines). Knobs, with defaults in brackets:
#   KT_BENCH_ARTIFACTS  build output [/tmp/kt-perf]; the app is published to $KT_BENCH_ARTIFACTS/publish
#                       (give each checkout its own folder: a shared one mixes builds)
#   KT_BENCH_SKIP_PUBLISH=1  reuse the last publish
#   KT_BENCH_DURATION   seconds per measured run [10]      KT_BENCH_WARMUP  seconds of warm-up per run [3]
#   KT_BENCH_CONNECTIONS  connections per run [64]         KT_BENCH_THREADS wrk threads [nproc]

REPO_DIR="$(cd "$BENCH_DIR/.." && pwd)"
ARTIFACTS="${KT_BENCH_ARTIFACTS:-/tmp/kt-perf}"
PUBLISH_DIR="$ARTIFACTS/publish"
DURATION="${KT_BENCH_DURATION:-10}"
WARMUP="${KT_BENCH_WARMUP:-3}"
CONNECTIONS="${KT_BENCH_CONNECTIONS:-64}"
THREADS="${KT_BENCH_THREADS:-$(nproc)}"

log() { printf '[%s %s] %s\n' "${BENCH_LOG_NAME:-bench}" "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }

# A free loopback port: random, and not listened on by anyone (other helpers run apps here too).
free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 30000))
    if [[ -z "$(ss -Hltn "sport = :$port" 2>/dev/null)" ]]; then
      echo "$port"
      return
    fi
  done
}

# publish_app LOGFILE: Release, ReadyToRun (precompiled code needs a runtime identifier), framework-dependent
# like a plain publish, to $PUBLISH_DIR; skipped with KT_BENCH_SKIP_PUBLISH=1.
publish_app() {
  if [[ "${KT_BENCH_SKIP_PUBLISH:-0}" != 1 ]]; then
    local rid
    case "$(uname -m)" in aarch64 | arm64) rid=linux-arm64 ;; *) rid=linux-x64 ;; esac
    log "publishing Release ($rid, ReadyToRun) to $PUBLISH_DIR"
    dotnet publish "$REPO_DIR/src/KneeTriage.Web" -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true \
      -o "$PUBLISH_DIR" --artifacts-path "$ARTIFACTS" -nologo -v quiet >"$1" 2>&1 \
      || { cat "$1" >&2; die "publish"; }
  fi
  [[ -x "$PUBLISH_DIR/KneeTriage.Web" ]] || die "no published app in $PUBLISH_DIR"
}
