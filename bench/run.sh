#!/usr/bin/env bash
# Runs seqcast's engine benchmarks and the PyTorch peers in one go and writes bench/results/<date>.txt.
# Usage: bench/run.sh [steps=10000] [peers dir=../shared/peers]
# Needs /usr/bin/python3 with torch (apt-get install python3-torch) for the peers; skips them otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
steps=${1:-10000}
peers=${2:-../shared/peers}
mkdir -p bench/results
out="bench/results/$(date -u +%Y-%m-%d).txt"
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=test
cp="target/test-classes:target/classes:$(cat target/classpath.txt)"
run() { echo "\$ ${*//$cp/<test classpath>}"; "$@" 2>&1 | grep -v -E ' (INFO|WARN) |Warning:' ; echo; }
{
  echo "# seqcast benchmark, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "# machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
  echo "# java: $(java -version 2>&1 | head -1)"
  echo
  run java -cp "$cp" io.seqcast.bench.EngineBenchmark 1 "$steps"
  run java -cp "$cp" io.seqcast.bench.EngineBenchmark 2 3000
  run java -cp "$cp" io.seqcast.bench.DefaultsBenchmark bench/data 3
  run java -cp "$cp" io.seqcast.bench.BudgetBenchmark 3e9 3
  run java -cp "$cp" io.seqcast.engine.internal.AccuracyBenchmark bench/data 3
  if [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import torch' 2>/dev/null && [ -d "$peers" ]; then
    run /usr/bin/python3 "$peers/seed_sine_lstm.py" "$steps" adam
    run /usr/bin/python3 "$peers/seed_sine_lstm.py" "$steps"
    run /usr/bin/python3 "$peers/infer_lstm.py"
    run /usr/bin/python3 "$peers/seed_trajectory_rnn.py"
  else
    echo "# PyTorch peers skipped: /usr/bin/python3 with torch or $peers not found"
  fi
} | tee "$out"
echo "written to $out"
