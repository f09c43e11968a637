#!/usr/bin/env python3
"""Forecast latency over HTTP against a running seqcast (./mvnw spring-boot:run): trains the Swagger
example 'sine' model if it is missing, then times 500 sequential keep-alive forecasts of 1 and of 64
series (after 100 warm-up requests) and prints p50 and p99. Usage: bench/http_forecast.py [host:port]"""
import http.client, json, os, sys, time

host, port = (sys.argv[1] if len(sys.argv) > 1 else "localhost:8080").split(":")
here = os.path.dirname(os.path.abspath(__file__))
conn = http.client.HTTPConnection(host, int(port))

def call(method, path, body=None, content_type="application/json"):
    conn.request(method, path, body, {"Content-Type": content_type} if body else {})
    response = conn.getresponse()
    return response.status, response.read()

if call("GET", "/api/v1/models/sine")[0] == 404:
    status, job = call("POST", "/api/v1/training-jobs", open(os.path.join(here, "train-sine.json")).read())
    job_id = json.loads(job)["id"]
    while json.loads(call("GET", "/api/v1/training-jobs/" + job_id)[1])["status"] in ("QUEUED", "RUNNING"):
        time.sleep(0.2)

one = json.load(open(os.path.join(here, "forecast-sine.json")))
many = dict(one, series=[dict(one["series"][0], id=str(i)) for i in range(64)])
for name, body in (("1 series", json.dumps(one)), ("64 series", json.dumps(many))):
    latencies = []
    for i in range(600):
        started = time.perf_counter()
        status, _ = call("POST", "/api/v1/models/sine/forecast", body)
        latencies.append(time.perf_counter() - started)
        assert status == 200, status
    latencies = sorted(latencies[100:])
    print("%s: p50 %.2f ms, p99 %.2f ms" % (name, latencies[len(latencies) // 2] * 1e3,
                                           latencies[int(len(latencies) * 0.99)] * 1e3))
