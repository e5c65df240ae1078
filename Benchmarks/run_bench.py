"""Times gongkai, Hugo and the cmark-gfm floor on the benchmark corpora, alternately in one run.

usage: run_bench.py GONGKAI CORPORA_FOLDER RESULTS_JSON [--rounds N]

For each corpus (small, large) it runs one warm-up of each command, then N rounds of: gongkai build, hugo,
cmark-gfm over all report bodies (the floor), gongkai check. Each run is measured with /usr/bin/time: wall time,
CPU time (user + sys) and peak RSS. Medians go into a table and into RESULTS_JSON; each ratio is gongkai's figure
over the other's (floor_ratio: gongkai wall over the floor's wall). On the large corpus it also starts
`gongkai serve`, edits one report and times the edit until the reload event arrives.
"""
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time


def measure(command, cwd, before=None):
    if before:
        before()
    with tempfile.NamedTemporaryFile("r") as report:
        subprocess.run(["/usr/bin/time", "-f", "%e %U %S %M", "-o", report.name] + command, cwd=cwd, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wall, user, system, rss = report.read().split()[-4:]
    return {"wall_s": float(wall), "cpu_s": float(user) + float(system), "rss_mb": int(rss) / 1024}


def median(runs):
    return {key: round(statistics.median(run[key] for run in runs), 3) for key in runs[0]}


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def edit_latency(gongkai, folder, edits=5):
    """Milliseconds from saving one report to the preview's reload event, median of a few edits."""
    port = free_port()
    server = subprocess.Popen([gongkai, "serve", "--port", str(port)], cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    try:
        for _ in range(600):
            try:
                socket.create_connection(("127.0.0.1", port), 0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        events = socket.create_connection(("127.0.0.1", port))
        events.sendall(b"GET /__gongkai/events HTTP/1.1\r\nHost: x\r\n\r\n")
        events.settimeout(10)
        buffer = b""
        while b"event: hello" not in buffer:
            buffer += events.recv(4096)
        report = os.path.join(folder, "Content", "orgs", "dept-050", "2022.md")
        latencies = []
        for number in range(edits):
            text = open(report, encoding="utf-8").read()
            text = text.replace("现将有关情况报告如下。", f"现将有关情况报告如下（第{number}次修改）。", 1) if number == 0 else \
                text.replace(f"第{number - 1}次修改", f"第{number}次修改")
            buffer = b""
            started = time.monotonic()
            with open(report, "w", encoding="utf-8") as handle:
                handle.write(text)
            while b"event: reload" not in buffer:
                buffer += events.recv(4096)
            latencies.append((time.monotonic() - started) * 1000)
            time.sleep(0.3)
        events.close()
        return round(statistics.median(latencies), 1)
    finally:
        server.terminate()
        server.wait()


def bench(gongkai, corpus, rounds):
    out = tempfile.mkdtemp(prefix="gongkai-bench-")
    site = os.path.join(corpus, "gongkai")
    hugo_site = os.path.join(corpus, "hugo")
    # Both start from an empty output folder: otherwise Gongkai's time would include deleting the previous site,
    # which it replaces whole, while Hugo writes over its files.
    commands = {
        "gongkai": ([gongkai, "build", "--output", os.path.join(out, "gongkai")], site,
                    lambda: shutil.rmtree(os.path.join(out, "gongkai"), ignore_errors=True)),
        "hugo": (["hugo", "--quiet", "-d", os.path.join(out, "hugo")], hugo_site,
                 lambda: shutil.rmtree(os.path.join(out, "hugo"), ignore_errors=True)),
        "floor": (["cmark-gfm", "-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tagfilter", "-e", "tasklist",
                   os.path.join(corpus, "floor", "bodies.md")], corpus, None),
        "check": ([gongkai, "check"], site, None),
    }
    for command, cwd, before in commands.values():
        measure(command, cwd, before)
    runs = {name: [] for name in commands}
    for _ in range(rounds):
        for name, (command, cwd, before) in commands.items():
            runs[name].append(measure(command, cwd, before))
    shutil.rmtree(out, ignore_errors=True)
    result = {name: median(values) for name, values in runs.items()}
    g, h, f, c = result["gongkai"], result["hugo"], result["floor"], result["check"]
    result["wall_ratio"] = round(g["wall_s"] / h["wall_s"], 3)
    result["cpu_ratio"] = round(g["cpu_s"] / h["cpu_s"], 3)
    result["rss_ratio"] = round(g["rss_mb"] / h["rss_mb"], 3)
    result["floor_ratio"] = round(g["wall_s"] / f["wall_s"], 3)
    result["check_ratio"] = round(c["wall_s"] / g["wall_s"], 3)
    return result


def main():
    gongkai, corpora, results_path = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2]), sys.argv[3]
    rounds = int(sys.argv[sys.argv.index("--rounds") + 1]) if "--rounds" in sys.argv else 5
    results = {}
    for size in ("small", "large"):
        results[size] = bench(gongkai, os.path.join(corpora, size), rounds)
    results["large"]["edit_to_reload_ms"] = edit_latency(gongkai, os.path.join(corpora, "large", "gongkai"))
    os.makedirs(os.path.dirname(results_path), exist_ok=True)
    with open(results_path, "w") as handle:
        json.dump(results, handle, indent=2, sort_keys=True)
    print(f"{'corpus':<7} {'command':<8} {'wall s':>8} {'cpu s':>8} {'rss MB':>8}")
    for size, result in results.items():
        for name in ("gongkai", "hugo", "floor", "check"):
            row = result[name]
            print(f"{size:<7} {name:<8} {row['wall_s']:>8.3f} {row['cpu_s']:>8.3f} {row['rss_mb']:>8.1f}")
        print(f"{size:<7} ratios   wall {result['wall_ratio']}  cpu {result['cpu_ratio']}  rss {result['rss_ratio']}  "
              f"floor {result['floor_ratio']}  check/build {result['check_ratio']}")
    print(f"large   serve: one report edit to reload event {results['large']['edit_to_reload_ms']} ms")
    print(f"results in {results_path}")


if __name__ == "__main__":
    main()
