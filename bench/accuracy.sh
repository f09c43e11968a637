#!/usr/bin/env bash
# Accuracy of the defaults against R's forecast package on every univariate series of bench/data, with the
# season given and without any hint, and the ablations (network alone, classical comb alone).
# Usage: bench/accuracy.sh [seeds=3]; writes bench/results/accuracy-<date>.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
seeds=${1:-3}
mkdir -p bench/results
out="bench/results/accuracy-$(date -u +%Y-%m-%d).txt"
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=test
{
  echo "# seqcast accuracy benchmark, $(date -u +%Y-%m-%dT%H:%MZ), seeds $seeds"
  echo "# machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
  java -cp "target/test-classes:target/classes:$(cat target/classpath.txt)" io.seqcast.engine.internal.AccuracyBenchmark \
    bench/data "$seeds" 2>&1 | grep -v -E ' (INFO|WARN) |Warning:'
} | tee "$out"
echo "written to $out"
