#!/usr/bin/env bash
# What an out-of-memory training really does, with and without the memory estimate, on the built jar.
# Usage: ./mvnw -q package -DskipTests && bench/oom.sh   (needs curl and python3)
set -euo pipefail
cd "$(dirname "$0")/.."
jar=$(ls target/seqcast-*.jar | head -1)
key=test-admin-key
hash=944650a7cd0f9e14d5c4fb15edbffb7fa45fb9ed36a4fa9be3d7e5476ae51bd9
port=18093
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
python3 -c "
import json, math
values = [round(100 + 10*math.sin(t*0.05) + 0.001*t, 3) for t in range(100000)]
print(json.dumps({'model': 'huge', 'data': {'series': [{'values': values}]},
                  'spec': {'window': 1024, 'horizon': 1, 'hiddenSize': 32}, 'training': {'epochs': 2}}))" > "$work/job.json"

start() { # $1: extra JVM options, $2: extra service arguments
  java -Xmx256m $1 -jar "$jar" --server.port=$port --seqcast.engine.warm-up=false \
    --seqcast.registry.root="$work/registry" --seqcast.training.jobs="$work/jobs" \
    --seqcast.security.keys[0].name=bench --seqcast.security.keys[0].role=ADMIN \
    --seqcast.security.keys[0].sha256=$hash $2 > "$work/service.log" 2>&1 &
  pid=$!
  for _ in $(seq 120); do curl -sf localhost:$port/actuator/health/readiness >/dev/null && return; sleep 0.5; done
  echo "service did not start"; exit 1
}
submit() { curl -s -o "$work/answer.json" -w '%{http_code}' -H "Authorization: Bearer $key" \
  -H 'Content-Type: application/json' --data-binary @"$work/job.json" localhost:$port/api/v1/training-jobs; }
job_status() { python3 -c "import json,sys; j=json.load(open(sys.argv[1])); print(j['status'], '-', j.get('error'))" "$1"; }

echo "# 1. default budget (half of the 256 MB heap), the image's JVM options"
start "-XX:+ExitOnOutOfMemoryError" ""
echo "submit: HTTP $(submit)"; python3 -c "import json; print(json.load(open('$work/answer.json'))['detail'])"
kill $pid; wait $pid 2>/dev/null || true

echo "# 2. the estimate switched off (max-memory=100GB), the image's JVM options (-XX:+ExitOnOutOfMemoryError)"
start "-XX:+ExitOnOutOfMemoryError" "--seqcast.training.max-memory=100GB"
echo "submit: HTTP $(submit)"
id=$(python3 -c "import json; print(json.load(open('$work/answer.json'))['id'])")
set +e; wait $pid; code=$?; set -e
echo "the JVM exited with code $code: $(grep -m1 -o 'Terminating due to java.lang.OutOfMemoryError.*' "$work/service.log" || true)"
echo "job record on disk: $(job_status "$work/jobs/$id.json")"
start "" ""
curl -s -H "Authorization: Bearer $key" localhost:$port/api/v1/training-jobs/$id > "$work/after.json"
echo "after a restart: $(job_status "$work/after.json")"
kill $pid; wait $pid 2>/dev/null || true

echo "# 3. the estimate switched off, no -XX:+ExitOnOutOfMemoryError (as ./mvnw spring-boot:run)"
start "" "--seqcast.training.max-memory=100GB"
echo "submit: HTTP $(submit)"
id=$(python3 -c "import json; print(json.load(open('$work/answer.json'))['id'])")
for _ in $(seq 240); do
  curl -s -H "Authorization: Bearer $key" localhost:$port/api/v1/training-jobs/$id > "$work/after.json" || true
  grep -q '"status":"\(FAILED\|SUCCEEDED\)"' "$work/after.json" && break; sleep 0.5
done
echo "job: $(job_status "$work/after.json")"
echo "service still answers: HTTP $(curl -s -o /dev/null -w '%{http_code}' localhost:$port/actuator/health)"
