#!/usr/bin/env python3
"""Renders a preview of docs/grafana-dashboard.json from live metrics, without Grafana.

Starts the packaged backend and a training host (free ports, a temporary directory), drives them
for a while (host and local trainings followed by several clients, forced refreshes, long-polls,
metrics reads, a data load), kills the host two thirds through, and scrapes /q/metrics every
2 s. It then computes the dashboard's panels the way their PromQL would (rates of counters,
quantiles of histogram buckets over a 10 s window), writes them into one HTML page drawn by
Chart.js (from the project's WebJar) and screenshots it with headless Chromium.

  python3 docs/dashboard/render_preview.py            # after ./mvnw -B package -DskipTests
Output: docs/grafana-dashboard.png (and docs/dashboard/preview.html, not committed: it inlines Chart.js)
"""
import json, os, re, signal, socket, subprocess, sys, tempfile, threading, time, urllib.request, zipfile
from collections import defaultdict

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BACKEND_JAR = os.path.join(ROOT, "backend/target/quarkus-app/quarkus-run.jar")
HOST_JAR = os.path.join(ROOT, "training-host/target/quarkus-app/quarkus-run.jar")
CHART_JAR = os.path.expanduser("~/.m2/repository/org/webjars/npm/chart.js/4.4.1/chart.js-4.4.1.jar")
SECONDS = int(os.environ.get("PREVIEW_SECONDS", "90"))
STEP = 2.0
WINDOW = 5  # samples: rates and quantiles over 10 s


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http(method, url, body=None, timeout=30):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()
    except Exception as e:  # connection refused while starting
        return 0, str(e)


def start(jar, port, work, extra):
    cmd = ["java", "-Xmx384m", "-XX:+UseSerialGC", "-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=1",
           "-Dquarkus.http.port=%d" % port] + ["-D%s=%s" % kv for kv in extra.items()] + ["-jar", jar]
    log = open(os.path.join(work, "%d.log" % port), "w")
    proc = subprocess.Popen(cmd, cwd=work, stdout=log, stderr=subprocess.STDOUT)
    for _ in range(600):
        if http("GET", "http://127.0.0.1:%d/q/health/ready" % port, timeout=2)[0] == 200:
            return proc
        if proc.poll() is not None:
            sys.exit("%s exited, see %s" % (jar, log.name))
        time.sleep(0.25)
    sys.exit("%s did not get ready" % jar)


LINE = re.compile(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{([^}]*)\})? (\S+)$')


def scrape(base):
    status, text = http("GET", base + "/q/metrics")
    series = {}
    for line in text.splitlines():
        m = LINE.match(line)
        if m and m.group(1).startswith("opsbridge_"):
            labels = tuple(sorted(re.findall(r'(\w+)="([^"]*)"', m.group(3) or "")))
            series[(m.group(1), labels)] = float(m.group(4))
    return series


def pick(sample, name, **match):
    for (n, labels), v in sample.items():
        d = dict(labels)
        if n == name and all(d.get(k) == val for k, val in match.items()):
            yield d, v


def quantile(q, buckets):
    """histogram_quantile over {le: count} (cumulative counts of the window)."""
    items = sorted(((float("inf") if le == "+Inf" else float(le)), c) for le, c in buckets.items())
    if not items or items[-1][1] <= 0:
        return None
    rank, prev_le, prev_c = q * items[-1][1], 0.0, 0.0
    for le, c in items:
        if c >= rank:
            if le == float("inf"):
                return prev_le
            return prev_le + (le - prev_le) * ((rank - prev_c) / (c - prev_c) if c > prev_c else 0)
        prev_le, prev_c = le, c
    return prev_le


def drive(base, stop):
    """Clients: trainings on the host and here, each followed by readers; loads, long-polls, metrics."""
    def follow(op_id, readers=4):
        cursor = 0
        while not stop.is_set():
            for _ in range(readers):
                s, body = http("GET", base + "/api/v1/operations/" + op_id)
            http("GET", base + "/api/v1/operations/%s?force_refresh=true" % op_id)
            s, m = http("GET", base + "/api/v1/operations/%s/metrics?cursor=%d" % (op_id, cursor))
            if s == 200:
                cursor = json.loads(m)["new_cursor"]
            if s == 200 and json.loads(body).get("status") in ("completed", "failed", "cancelled"):
                return
            time.sleep(0.2)

    def long_poll(op_id):
        while not stop.is_set():
            s, body = http("GET", base + "/api/v1/operations/" + op_id)
            if s != 200 or json.loads(body)["status"] != "running":
                time.sleep(0.5)
                if s == 200 and json.loads(body)["status"] in ("completed", "failed", "cancelled"):
                    return
                continue
            http("GET", base + "/api/v1/operations/%s?wait=10s&since_version=%d" % (op_id, json.loads(body)["version"]))

    threads = []
    for mode, epochs in (("host", 300), ("local", 300)):
        s, body = http("POST", base + "/api/v1/trainings",
                       {"symbols": ["AAPL"], "timeframe": "1h", "epochs": epochs, "batch_size": 16, "mode": mode})
        if s == 202:
            op = json.loads(body)["operation_id"]
            threads += [threading.Thread(target=follow, args=(op,)), threading.Thread(target=long_poll, args=(op,))]
    for t in threads:
        t.daemon = True
        t.start()
    while not stop.is_set():
        http("POST", base + "/api/v1/data/loads", {"symbols": ["MSFT"], "timeframe": "1h", "start_date": "2024-01-01",
                                                   "end_date": "2024-06-01", "source": "sample"})
        stop.wait(15)


def main():
    work = tempfile.mkdtemp(prefix="opsbridge-preview-")
    host_port, backend_port = free_port(), free_port()
    host = start(HOST_JAR, host_port, work, {"opsbridge.training.data-dir": work + "/host/market",
                                             "opsbridge.training.models-dir": work + "/host/models"})
    host_url = "http://localhost:%d" % host_port
    backend = start(BACKEND_JAR, backend_port, work, {"opsbridge.training.routing.hosts": host_url,
                                                      "opsbridge.data-dir": work + "/data",
                                                      "opsbridge.training.data-dir": work + "/market",
                                                      "opsbridge.training.models-dir": work + "/models",
                                                      "opsbridge.operations.cache-ttl": "500ms"})
    base = "http://127.0.0.1:%d" % backend_port
    stop = threading.Event()
    threading.Thread(target=drive, args=(base, stop), daemon=True).start()
    samples, killed_at = [], None
    begin = time.time()
    try:
        while time.time() - begin < SECONDS:
            if killed_at is None and time.time() - begin > SECONDS * 2 / 3:
                host.kill()
                killed_at = len(samples)
                http("GET", base + "/q/health/ready")  # readiness probes the hosts too
            samples.append((time.time() - begin, scrape(base)))
            time.sleep(STEP)
    finally:
        stop.set()
        ready = http("GET", base + "/q/health/ready")[1]
        backend.send_signal(signal.SIGTERM)
        if host.poll() is None:
            host.kill()
        backend.wait(30)
    render(samples, killed_at, ready)


def render(samples, killed_at, ready):
    t = [round(s[0]) for s in samples]
    panels = []

    def series_over(fn):
        return [fn(i) for i in range(len(samples))]

    def rate(name, i, **match):
        j = max(0, i - WINDOW)
        dt = samples[i][0] - samples[j][0]
        now = sum(v for _, v in pick(samples[i][1], name, **match))
        then = sum(v for _, v in pick(samples[j][1], name, **match))
        return (now - then) / dt if dt > 0 else None

    def hist_quantile(q, name, i, **match):
        j = max(0, i - WINDOW)
        buckets = defaultdict(float)
        for d, v in pick(samples[i][1], name, **match):
            buckets[d["le"]] += v
        for d, v in pick(samples[j][1], name, **match):
            buckets[d["le"]] -= v
        value = quantile(q, buckets)
        return None if value is None else value * 1000

    statuses = ["pending", "running", "completed", "failed", "cancelled"]
    panels.append(("Operations by status (opsbridge_operations)", "count",
                   {s: series_over(lambda i, s=s: sum(v for _, v in pick(samples[i][1], "opsbridge_operations", status=s)))
                    for s in statuses}))
    panels.append(("Reads per second by outcome (opsbridge_queries_total)", "reads/s",
                   {o: series_over(lambda i, o=o: rate("opsbridge_queries_total", i, outcome=o))
                    for o in ("cache_hit", "cache_miss", "forced")}))

    def hit_ratio(i):
        hit = rate("opsbridge_queries_total", i, outcome="cache_hit")
        miss = rate("opsbridge_queries_total", i, outcome="cache_miss")
        return None if not hit and not miss else hit / (hit + miss)
    panels.append(("Cache hit ratio (10 s window)", "ratio", {"hit ratio": series_over(hit_ratio)}))
    refresh = {}
    for source in ("local", "host"):
        for q in (0.5, 0.99):
            refresh["p%d %s" % (q * 100, source)] = series_over(
                lambda i, q=q, source=source: hist_quantile(q, "opsbridge_refresh_seconds_bucket", i, source=source))
    panels.append(("Refresh duration p50 / p99 by source (opsbridge_refresh_seconds)", "ms", refresh))
    hosts = sorted({d["host"] for _, s in samples for d, _ in pick(s, "opsbridge_host_reachable")})
    host_lat = {}
    for h in hosts:
        for q in (0.5, 0.99):
            host_lat["p%d %s" % (q * 100, h)] = series_over(
                lambda i, q=q, h=h: hist_quantile(q, "opsbridge_host_calls_seconds_bucket", i, host=h, outcome="ok"))
    panels.append(("Host call latency, outcome ok (opsbridge_host_calls_seconds)", "ms", host_lat))
    outcomes = {}
    for h in hosts:
        for o in ("ok", "unreachable", "timeout", "rejected"):
            outcomes["%s %s" % (h, o)] = series_over(
                lambda i, h=h, o=o: rate("opsbridge_host_calls_seconds_count", i, host=h, outcome=o))
    panels.append(("Host calls per second by outcome", "calls/s", outcomes))
    panels.append(("Host reachability (opsbridge_host_reachable)", "1 = reachable",
                   {h: series_over(lambda i, h=h: next((v for _, v in pick(samples[i][1], "opsbridge_host_reachable", host=h)), None))
                    for h in hosts}))
    panels.append(("Long-poll waiters and wake-ups", "",
                   {"waiting now": series_over(lambda i: next((v for _, v in pick(samples[i][1], "opsbridge_longpoll_waiters")), None)),
                    "wake-ups/s": series_over(lambda i: rate("opsbridge_longpoll_wakeups_total", i))}))
    panels.append(("Slow reads per second (over opsbridge.monitoring.slow-query)", "reads/s",
                   {"slow reads": series_over(lambda i: rate("opsbridge_slow_reads_total", i))}))
    chart_js = zipfile.ZipFile(CHART_JAR).read("META-INF/resources/webjars/chart.js/4.4.1/dist/chart.umd.js").decode()
    page = TEMPLATE.replace("%CHARTJS%", chart_js).replace("%DATA%", json.dumps(
        {"t": t, "panels": panels, "killedAt": t[killed_at] if killed_at is not None else None}))
    if ready.startswith("{"):
        checks = json.loads(ready)["checks"]
        hosts_first = [c for c in checks if c["name"] == "worker hosts"] + [c for c in checks if c["name"] != "worker hosts"]
        pretty = "status: %s\n" % json.loads(ready)["status"] + "\n".join(json.dumps(c, indent=1) for c in hosts_first)
    else:
        pretty = ready
    page = page.replace("%READY_JSON%", json.dumps(pretty).replace("</", "<\\/"))
    out_html = os.path.join(ROOT, "docs/dashboard/preview.html")
    with open(out_html, "w") as f:
        f.write(page)
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    "--window-size=1500,1500", "--virtual-time-budget=3000",
                    "--screenshot=" + os.path.join(ROOT, "docs/grafana-dashboard.png"), "file://" + out_html], check=True)
    print("wrote", out_html, "and docs/grafana-dashboard.png")


TEMPLATE = """<!doctype html><html><head><meta charset="utf-8"><title>OpsBridge dashboard preview</title>
<script>%CHARTJS%</script>
<style>body{font:13px sans-serif;background:#111217;color:#ccccdc;margin:12px}
h1{font-size:16px;margin:0 0 4px} p{margin:0 0 10px;color:#8e8e9e}
.grid{display:grid;grid-template-columns:repeat(3,1fr);gap:10px}
.panel{background:#181b1f;border:1px solid #2c3235;border-radius:4px;padding:8px;height:300px}
.panel h2{font-size:13px;margin:0 0 6px;font-weight:600}
pre{font-size:10px;white-space:pre-wrap;height:260px;overflow:hidden;margin:0}</style></head><body>
<h1>OpsBridge &mdash; preview of docs/grafana-dashboard.json</h1>
<p>Not Grafana: the dashboard's panels computed from live /q/metrics scrapes (every 2 s, rates and quantiles over 10 s)
of a packaged backend with one training host, drawn with Chart.js. The host was killed at the dashed line.</p>
<div class="grid" id="grid"></div>
<script>
const D = %DATA%;
const colors = ['#73bf69','#f2cc0c','#5794f2','#ff9830','#f2495c','#b877d9','#8ab8ff','#fade2a'];
const killLine = {id:'kill', afterDraw(c){ if(D.killedAt===null) return; const x=c.scales.x.getPixelForValue(D.t.indexOf(D.killedAt));
  const ctx=c.ctx; ctx.save(); ctx.setLineDash([4,4]); ctx.strokeStyle='#f2495c'; ctx.beginPath();
  ctx.moveTo(x,c.chartArea.top); ctx.lineTo(x,c.chartArea.bottom); ctx.stroke(); ctx.restore(); }};
for (const [title, unit, series] of D.panels) {
  const div = document.createElement('div'); div.className='panel';
  div.innerHTML = '<h2>'+title+'</h2><canvas></canvas>'; document.getElementById('grid').appendChild(div);
  new Chart(div.querySelector('canvas'), {type:'line', plugins:[killLine],
    data:{labels:D.t.map(s=>s+'s'), datasets:Object.entries(series).map(([k,v],i)=>({label:k,data:v,borderColor:colors[i%8],
      backgroundColor:colors[i%8],pointRadius:0,borderWidth:1.5,spanGaps:true}))},
    options:{animation:false,maintainAspectRatio:false,responsive:true,
      plugins:{legend:{labels:{color:'#ccccdc',boxWidth:10,font:{size:10}}}},
      scales:{x:{ticks:{color:'#8e8e9e',maxTicksLimit:8},grid:{color:'#2c3235'}},
              y:{title:{display:!!unit,text:unit,color:'#8e8e9e'},ticks:{color:'#8e8e9e'},grid:{color:'#2c3235'},beginAtZero:true}}}});
}
const r = document.createElement('div'); r.className='panel';
r.innerHTML = '<h2>/q/health/ready at the end (host killed): worker hosts first</h2><pre></pre>';
r.querySelector('pre').textContent = %READY_JSON%;
document.getElementById('grid').appendChild(r);
</script></body></html>"""

if __name__ == "__main__":
    main()
