#!/usr/bin/env bash
# Seed experiment 4: words classified by language (bench/words), seqcast's classifier with its defaults and
# the two peers (bench/peers: the PyTorch tutorial's character LSTM, a character n-gram naive Bayes) on the
# same split, one after the other in the same run. Needs Debian's python3-torch for the LSTM peer.
# Usage: bench/classify.sh [train.csv test.csv]; writes bench/results/classify-<date>.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
train=${1:-bench/words/words-train.csv}
test=${2:-bench/words/words-test.csv}
mkdir -p bench/results
out="bench/results/classify-$(date -u +%Y-%m-%d).txt"
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=test
{
  echo "# seed experiment 4, $(date -u +%Y-%m-%dT%H:%MZ), $train / $test"
  echo "# machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
  java -cp "target/test-classes:target/classes:$(cat target/classpath.txt)" io.seqcast.engine.internal.ClassifierBenchmark \
    "$train" "$test" 2>&1 | grep '"peer"'
  /usr/bin/python3 bench/peers/char_nb.py "$train" "$test"
  if /usr/bin/python3 -c 'import torch' 2>/dev/null; then
    /usr/bin/python3 bench/peers/char_lstm.py "$train" "$test"
  else
    echo "# char_lstm peer skipped: apt-get install -y python3-torch"
  fi
} | tee "$out"
echo "written to $out"
