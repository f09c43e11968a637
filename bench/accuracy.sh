#!/usr/bin/env bash
# Accuracy of the defaults against R's forecast package on every univariate series of bench/data and of the
# nine sets held out from tuning (bench/unseen to unseen9), with the season given and without any
# hint, and the ablations (network alone, the M4 comb alone, the prior alone without validation, exponential smoothing alone), with interval coverage; then the storm-track split against linear extrapolation (needs ../shared/data/storms-1975-2010.csv).
# Usage: bench/accuracy.sh [seeds=3] [storms csv]; writes bench/results/accuracy-<date>.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
seeds=${1:-3}
storms=${2:-../shared/data/storms-1975-2010.csv}
mkdir -p bench/results
out="bench/results/accuracy-$(date -u +%Y-%m-%d).txt"
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=test
{
  echo "# seqcast accuracy benchmark, $(date -u +%Y-%m-%dT%H:%MZ), seeds $seeds"
  echo "# machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
  for set in data unseen unseen2 unseen3 unseen4 unseen5 unseen6 unseen7 unseen8 unseen9; do
    echo "## bench/$set"
    java -cp "target/test-classes:target/classes:$(cat target/classpath.txt)" io.seqcast.engine.internal.AccuracyBenchmark \
      "bench/$set" "$seeds" 2>&1 | grep -v -E ' (INFO|WARN) |Warning:|^\[W'
  done
  if [ -f "$storms" ]; then
    java -cp "target/test-classes:target/classes:$(cat target/classpath.txt)" io.seqcast.engine.internal.StormBenchmark \
      "$storms" "$seeds" 200 2>&1 | grep -v -E ' (INFO|WARN) |Warning:'
  else
    echo "# storm tracks skipped: $storms not found"
  fi
} | tee "$out"
python3 bench/summarize.py "$out" | tee -a "$out"
echo "written to $out"
