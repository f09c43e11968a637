#!/usr/bin/env python3
"""Soak a running seqcast: N forecast requests from C concurrent keep-alive connections, then 100
training jobs submitted at once. Samples the server's resident memory (VmRSS of --pid) and its live
native arrays (seqcast_engine_native_arrays) and prints what docs/reliability.md reports.

  ./mvnw spring-boot:run            # note the generated key, then:
  SEQCAST_KEY=sck_... bench/soak.py --pid $(pgrep -f SeqcastApplication) [--requests 100000] [--connections 32]
"""
import argparse, http.client, json, math, os, re, sys, threading, time

parser = argparse.ArgumentParser()
parser.add_argument("--host", default="localhost")
parser.add_argument("--port", type=int, default=8080)
parser.add_argument("--pid", type=int, required=True)
parser.add_argument("--requests", type=int, default=100_000)
parser.add_argument("--connections", type=int, default=32)
args = parser.parse_args()
auth = {"Authorization": "Bearer " + os.environ["SEQCAST_KEY"], "Content-Type": "application/json"}

def call(conn, method, path, body=None):
    conn.request(method, path, body, auth)
    response = conn.getresponse()
    return response.status, response.read()

def rss_mib():
    with open("/proc/%d/status" % args.pid) as status:
        return int(re.search(r"VmRSS:\s+(\d+)", status.read()).group(1)) / 1024

def native_arrays():
    body = call(http.client.HTTPConnection(args.host, args.port), "GET", "/actuator/prometheus")[1].decode()
    return int(float(re.search(r"^seqcast_engine_native_arrays\S* (\S+)", body, re.M).group(1)))

control = http.client.HTTPConnection(args.host, args.port)
series = [round(math.sin(t * 0.3), 4) for t in range(240)]
training = {"model": "soak", "data": {"series": [{"id": "s", "values": series}]},
            "spec": {"hiddenSize": 16, "window": 24, "horizon": 12}, "training": {"epochs": 20}}
status, job = call(control, "POST", "/api/v1/training-jobs", json.dumps(training))
job_id = json.loads(job)["id"]
while json.loads(call(control, "GET", "/api/v1/training-jobs/" + job_id)[1])["status"] in ("QUEUED", "RUNNING"):
    time.sleep(0.2)
forecast = json.dumps({"series": [{"id": str(i), "values": series[i:i + 48]} for i in range(8)], "horizon": 12})
call(control, "POST", "/api/v1/models/soak/forecast", forecast)
arrays_before, rss_start = native_arrays(), rss_mib()

counter = {"done": 0, "errors": 0}
lock = threading.Lock()
samples = []

def worker(n):
    conn = http.client.HTTPConnection(args.host, args.port)
    for _ in range(n):
        try:
            status, _ = call(conn, "POST", "/api/v1/models/soak/forecast", forecast)
        except http.client.RemoteDisconnected:
            # The server closes a keep-alive connection after max-keep-alive-requests: reconnect, as clients do.
            conn = http.client.HTTPConnection(args.host, args.port)
            status, _ = call(conn, "POST", "/api/v1/models/soak/forecast", forecast)
        except OSError:
            status = None
            conn = http.client.HTTPConnection(args.host, args.port)
        ok = status == 200
        with lock:
            counter["done"] += 1
            counter["errors"] += 0 if ok else 1

started = time.time()
threads = [threading.Thread(target=worker, args=(args.requests // args.connections,)) for _ in range(args.connections)]
for thread in threads:
    thread.start()
while any(thread.is_alive() for thread in threads):
    samples.append((time.time() - started, counter["done"], rss_mib()))
    time.sleep(2)
for thread in threads:
    thread.join()
elapsed = time.time() - started
time.sleep(1)
arrays_after = native_arrays()
half = [rss for (_, done, rss) in samples if done >= counter["done"] / 2] or [rss_mib()]
print("forecasts: %d requests (8 series each), %d connections, %.0f s, %.0f requests/s, %d errors"
      % (counter["done"], args.connections, elapsed, counter["done"] / elapsed, counter["errors"]))
print("resident memory: %.0f MiB after warm-up, %.0f MiB at half-time, %.0f MiB at the end (second-half growth %.1f %%)"
      % (rss_start, half[0], half[-1], 100 * (half[-1] - half[0]) / half[0]))
print("native arrays: %d before, %d after" % (arrays_before, arrays_after))

statuses = {}
def submit():
    conn = http.client.HTTPConnection(args.host, args.port)
    status, _ = call(conn, "POST", "/api/v1/training-jobs", json.dumps(dict(training, model="soak-burst")))
    with lock:
        statuses[status] = statuses.get(status, 0) + 1
burst = [threading.Thread(target=submit) for _ in range(100)]
for thread in burst:
    thread.start()
for thread in burst:
    thread.join()
print("100 training jobs at once: %s; resident memory %.0f MiB" % (json.dumps(statuses, sort_keys=True), rss_mib()))
control = http.client.HTTPConnection(args.host, args.port)
jobs = json.loads(call(control, "GET", "/api/v1/training-jobs?model=soak-burst&size=200")[1])["items"]
for item in jobs:
    if item["status"] in ("QUEUED", "RUNNING"):
        call(control, "POST", "/api/v1/training-jobs/%s/cancel" % item["id"], "")
