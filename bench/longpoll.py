#!/usr/bin/env python3
"""Long-poll cost on a running backend: CLIENTS clients follow one running operation by long-poll
(wait=5s&since_version=<last ETag>) for SECONDS; prints the answers each got per second, the
5th-percentile gap between one client's answers, and the source reads the backend made meanwhile
(opsbridge_refresh_seconds_count over both sources, from /q/metrics before and after).

usage: longpoll.py BASE_URL OPERATION_ID [CLIENTS=10] [SECONDS=5]"""
import http.client
import re
import sys
import threading
import time
from urllib.parse import urlsplit

base, operation = sys.argv[1], sys.argv[2]
clients = int(sys.argv[3]) if len(sys.argv) > 3 else 10
seconds = float(sys.argv[4]) if len(sys.argv) > 4 else 5
parts = urlsplit(base)


def get(connection, path):
    connection.request("GET", path)
    response = connection.getresponse()
    body = response.read()
    return response, body


def refreshes():
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    _, body = get(connection, "/q/metrics")
    return sum(float(v) for v in re.findall(r'^opsbridge_refresh_seconds_count\{[^}]*\} (\S+)$', body.decode(), re.M))


answers = [[] for _ in range(clients)]


def follow(i, until):
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    version = 0
    while time.monotonic() < until:
        response, _ = get(connection, "/api/v1/operations/%s?wait=5s&since_version=%d" % (operation, version))
        if response.status != 200:
            sys.exit("answered %d" % response.status)
        version = int(response.getheader("ETag").strip('"'))
        answers[i].append(time.monotonic())


before = refreshes()
until = time.monotonic() + seconds
threads = [threading.Thread(target=follow, args=(i, until)) for i in range(clients)]
for t in threads:
    t.start()
for t in threads:
    t.join()
reads = refreshes() - before
gaps = sorted(b - a for times in answers for a, b in zip(times[1:], times[2:]))
per_client = sum(len(a) for a in answers) / clients / seconds
print("%d clients, %.0f s: %.1f answers per client per second; source reads %.1f per second (%.2f per answer"
      " of one client); 5th-percentile gap between one client's answers %.0f ms"
      % (clients, seconds, per_client, reads / seconds, reads / seconds / per_client, 1000 * gaps[len(gaps) // 20]))
