#!/usr/bin/env python3
"""One client, one keep-alive connection per target, request by request in turn: the same forced read
through each target, so load on the machine falls on all of them alike. Prints p10 and p50 (ms) per
target and round, and each target's ratio to the second one (the reference) at p10 and p50.

usage: interleaved.py ROUNDS REQUESTS_PER_ROUND NAME=URL NAME=URL [NAME=URL ...]"""
import http.client
import statistics
import sys
import time
from urllib.parse import urlsplit


def connect(url):
    parts = urlsplit(url)
    return http.client.HTTPConnection(parts.hostname, parts.port, timeout=30), parts.path + "?" + parts.query


def timed(connection, path):
    started = time.perf_counter()
    connection.request("GET", path)
    response = connection.getresponse()
    response.read()
    if response.status != 200:
        sys.exit("%s answered %d" % (path, response.status))
    return (time.perf_counter() - started) * 1000


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p / 100))]


rounds, per_round = int(sys.argv[1]), int(sys.argv[2])
targets = [arg.split("=", 1) for arg in sys.argv[3:]]
connections = [connect(url) for _, url in targets]
for _ in range(200):  # warm-up: connections open, JIT warm on every path
    for connection, path in connections:
        timed(connection, path)
for r in range(1, rounds + 1):
    # alternate which target goes first, so none always follows another
    order = list(range(len(targets))) if r % 2 else list(reversed(range(len(targets))))
    samples = [[] for _ in targets]
    for _ in range(per_round):
        for i in order:
            samples[i].append(timed(*connections[i]))
    p10 = [percentile(s, 10) for s in samples]
    p50 = [statistics.median(s) for s in samples]
    line = "    round %d:" % r
    for (name, _), a, b in zip(targets, p10, p50):
        line += "  %s p10 %.3f p50 %.3f ms" % (name, a, b)
    print(line)
    print("      ratio to %s: " % targets[1][0] + "  ".join(
        "%s p10 %.2f p50 %.2f" % (name, a / p10[1], b / p50[1]) for (name, _), a, b in zip(targets, p10, p50)))
