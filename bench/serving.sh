#!/usr/bin/env bash
# Serving throughput and latency (issue 10), every figure from one run on this machine:
#   1. the in-process ceiling: the same model forecast in batches of 64 through the engine (CeilingBenchmark);
#   2. the built jar under wrk: one series per request at 1, 8, 64 and 256 connections, 64 series per
#      request at 8 connections, and 64 connections while a training job runs;
#   3. the Flask + PyTorch peer of ../shared/peers/serving at 64 connections (skipped when its packages are missing).
# Model: LSTM 2 x 64, window 48, horizon 12. Client and server share the machine's cores.
# Needs wrk (apt-get install wrk); the peer needs python3-torch python3-flask gunicorn.
# The model is trained with networkOnly, so every forecast runs the network (no per-series baselines);
# a default model (its blend chosen by validation) is loaded at 1 and 64 connections at the end.
# SEQCAST_PROFILE=1 runs the service under async-profiler (Maven Central's tools.profiler:async-profiler, CPU
# samples by itimer, threads apart) and writes bench/results/serving-<date>.collapsed for bench/profile_top.py.
# Usage: bench/serving.sh [seconds per load=15] [peers dir=../shared/peers]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-15}
peers=$(realpath "${2:-../shared/peers}")
port=18090
mkdir -p bench/results
out="bench/results/serving-$(date -u +%Y-%m-%d).txt"
command -v wrk >/dev/null || { echo "wrk not found: apt-get install wrk" >&2; exit 1; }
./mvnw -q -B -ntp package -DskipTests dependency:build-classpath -Dmdep.outputFile=target/classpath.txt \
  -Dmdep.includeScope=test
jar=$(ls target/seqcast-*.jar | grep -v -- -plain | head -1)
if [ "${SEQCAST_PROFILE:-0}" = 1 ]; then
  ./mvnw -q -B -ntp dependency:copy -Dartifact=tools.profiler:async-profiler:4.2 -DoutputDirectory=target/profiler
  unzip -oq target/profiler/async-profiler-4.2.jar 'linux-x64/*' -d target/profiler
fi
profile() { # $1: start or stop; attached after training (libtorch's training corrupted its heap under the profiler)
  [ "${SEQCAST_PROFILE:-0}" = 1 ] || return 0
  local agent=$PWD/target/profiler/linux-x64/libasyncProfiler.so
  if [ "$1" = start ]; then
    java bench/Attach.java "$pid" "$agent" "start,event=itimer,interval=1ms,threads"
  else
    java bench/Attach.java "$pid" "$agent" "stop,collapsed,file=$PWD/${out%.txt}.collapsed"
  fi
}
work=$(mktemp -d)
key=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
sha=$(printf %s "$key" | sha256sum | cut -d' ' -f1)
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
api() { curl -sS -H "Authorization: Bearer $key" -H 'Content-Type: application/json' "$@"; }
job() { # submits a training job ($1: JSON body) and prints its id
  api -d "$1" "http://127.0.0.1:$port/api/v1/training-jobs" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'
}
status() { api "http://127.0.0.1:$port/api/v1/training-jobs/$1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])'; }
alive() { kill -0 "$pid" 2>/dev/null || { echo "the service stopped:"; tail -40 "$work/service.log"; exit 1; }; }
values() { python3 -c "import math; print(','.join(f'{math.sin(i * 0.2):.4f}' for i in range($1, $2)))"; }
noisy() { python3 -c "import math, random; random.seed(1); print(','.join(f'{100 + 0.2 * i + 10 * math.sin(2 * math.pi * i / 12) + random.gauss(0, 3):.3f}' for i in range($1)))"; }
lua() { # wrk script posting $1 as the body
  printf 'wrk.method = "POST"\nwrk.body = [[%s]]\nwrk.headers["Content-Type"] = "application/json"\nwrk.headers["Authorization"] = "Bearer %s"\n' "$1" "$key" > "$work/$2.lua"
}
meters() { # batches run, windows in them, seconds waited in the queue, passes queued (cumulative)
  api "http://127.0.0.1:$port/actuator/prometheus" | awk '
    /^seqcast_forecast_batch_windows_count/ {b=$2} /^seqcast_forecast_batch_windows_sum/ {w=$2}
    /^seqcast_forecast_queue_wait_seconds_sum/ {q=$2} /^seqcast_forecast_queue_wait_seconds_count/ {n=$2}
    END {print b+0, w+0, q+0, n+0}'
}
load() { # $1 connections, $2 script, $3 label
  local threads=$(( $1 < 2 ? 1 : 2 ))
  local before after
  before=$(meters)
  echo "## $3: $1 connections, ${seconds} s"
  wrk -t$threads -c"$1" -d"${seconds}s" --timeout 5s --latency -s "$work/$2.lua" \
    "http://127.0.0.1:$port/api/v1/models/${model:-bench}/forecast" | grep -E "Requests/sec|  50%|  99%|Socket errors|Non-2xx"
  after=$(meters)
  echo "$before $after" | awk '{b=$5-$1; printf "batches: %d, mean %.1f windows; mean queue wait %.2f ms\n", b,
    b ? ($6-$2)/b : 0, ($8-$4) ? 1000*($7-$3)/($8-$4) : 0}'
  echo
}
{
  echo "# seqcast serving benchmark, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "# machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
  echo "# java: $(java -version 2>&1 | head -1); wrk: $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"
  echo
  java -cp "target/test-classes:target/classes:$(cat target/classpath.txt)" io.seqcast.bench.CeilingBenchmark 3 1 4 64 2>&1 \
    | grep "in-process"
  echo
  java -jar "$jar" --server.port=$port --seqcast.registry.root="$work/registry" --seqcast.training.jobs="$work/jobs" \
    --seqcast.security.keys[0].name=bench --seqcast.security.keys[0].sha256="$sha" \
    --seqcast.security.keys[0].role=ADMIN > "$work/service.log" 2>&1 &
  pid=$!
  for _ in $(seq 120); do curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null && break; sleep 1; done
  alive
  training="{\"model\":\"bench\",\"data\":{\"series\":[{\"id\":\"s\",\"values\":[$(values 0 600)]}]},
    \"spec\":{\"cell\":\"LSTM\",\"hiddenSize\":64,\"layers\":2,\"window\":48,\"horizon\":12},\"training\":{\"epochs\":2,\"networkOnly\":true}}"
  id=$(job "$training")
  for _ in $(seq 300); do alive; [ "$(status "$id")" = SUCCEEDED ] && break; sleep 1; done
  echo "model trained: job $id $(status "$id")"
  one="{\"series\":[{\"id\":\"a\",\"values\":[$(values 352 400)]}],\"horizon\":12}"
  many="{\"series\":[$(for i in $(seq 0 63); do printf '%s{"id":"%d","values":[%s]}' "$([ "$i" = 0 ] || echo ,)" "$i" "$(values $((i * 5)) $((i * 5 + 48)))"; done)],\"horizon\":12}"
  lua "$one" one
  lua "$many" many
  api -d "$one" "http://127.0.0.1:$port/api/v1/models/bench/forecast" | head -c 160; echo; echo
  # Warm-up: on 2 cores the JIT compilers take tens of seconds of load to settle.
  wrk -t2 -c64 -d30s -s "$work/one.lua" "http://127.0.0.1:$port/api/v1/models/bench/forecast" > /dev/null
  profile start
  for connections in 1 8 64 256; do load $connections one "1 series per request"; done
  load 8 many "64 series per request"
  profile stop
  busy=$(job "{\"model\":\"busy\",\"data\":{\"series\":[{\"id\":\"s\",\"values\":[$(values 0 5000)]}]},
    \"spec\":{\"cell\":\"LSTM\",\"hiddenSize\":64,\"layers\":2,\"window\":48,\"horizon\":12},\"training\":{\"epochs\":500}}")
  sleep 2
  echo "training job $busy: $(status "$busy")"
  load 64 one "1 series per request while a job trains"
  echo "training job $busy after the load: $(status "$busy")"
  api -X POST "http://127.0.0.1:$port/api/v1/training-jobs/$busy/cancel" > /dev/null || true
  # A default model (no networkOnly) of a noisy monthly series: validation chooses what it forecasts
  # with, usually exponential smoothing refitted per history; the same history every time, so after the
  # first request its fit is kept.
  plain=$(job "{\"model\":\"plain\",\"data\":{\"series\":[{\"id\":\"s\",\"values\":[$(noisy 240)]}],\"seasonality\":12},
    \"spec\":{\"cell\":\"LSTM\",\"hiddenSize\":64,\"layers\":2,\"window\":48,\"horizon\":12},\"training\":{\"epochs\":2}}")
  for _ in $(seq 300); do alive; [ "$(status "$plain")" = SUCCEEDED ] && break; sleep 1; done
  echo "default model: job $plain $(status "$plain"), forecasts with $(api "http://127.0.0.1:$port/api/v1/models/plain/versions/1" \
    | python3 -c 'import json,sys; print("+".join(json.load(sys.stdin)["manifest"]["blend"]["members"]))')"
  for connections in 1 64; do model=plain load $connections one "1 series per request, default model"; done
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
  echo
  if /usr/bin/python3 -c 'import torch, flask, gunicorn' 2>/dev/null && [ -x "$peers/serving/run_peer.sh" ]; then
    echo "## Flask + PyTorch peer ($peers/serving/run_peer.sh): 64 connections, 15 s"
    "$peers/serving/run_peer.sh" | tail -n +2
  else
    echo "# Flask peer skipped: needs /usr/bin/python3 with torch, flask and gunicorn, and $peers/serving"
  fi
} | tee "$out"
echo "written to $out"
