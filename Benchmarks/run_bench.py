"""Times gongkai, Hugo and the cmark-gfm floor on the benchmark corpora, alternately in one run.

usage: run_bench.py GONGKAI CORPORA_FOLDER RESULTS_JSON [--rounds N]

For each corpus (small, large) it runs one warm-up of each command, then N rounds of: a clean gongkai build (no
output folder, no build cache), hugo, cmark-gfm over all report bodies (the floor), gongkai check, and three
rebuilds over the previous build's output and cache: with nothing changed, after one report's text changed, and
after the report page template changed, then a check that reads the cache; and a clean build of the same portal
with `search: false`, for what the search index adds. Each run is measured with /usr/bin/time: wall time, CPU time (user + sys)
and peak RSS. Medians go into a table and into RESULTS_JSON; each ratio is gongkai's figure over the other's
(floor_ratio: gongkai wall over the floor's wall; the rebuilds' ratios are over the clean build). On the large
corpus it also starts `gongkai serve`, edits one report and times the edit until the reload event arrives. With a
scale corpus (5 times the large one) it times the clean gongkai build there, and Hugo once, against the large
corpus's figures. Last, site search against Pagefind on the large corpus (search_bench.py): Pagefind's indexing
pass over Gongkai's output, and the bytes and time of two-word queries in headless Chromium for both.
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

import search_bench


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


class Edits:
    """The edits the rebuilds measure: each appends a new line to a file, and `restore` puts the files back."""

    def __init__(self, site):
        self.report = os.path.join(site, "Content", "orgs", "dept-001", "2021.md")
        self.template = os.path.join(site, "Templates", "report.mustache")
        self.originals = {path: open(path, "rb").read() for path in (self.report, self.template)}
        self.count = 0

    def append(self, path, line):
        self.count += 1
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(line.format(self.count))

    def report_text(self):
        self.append(self.report, "\n补充说明第{}条。\n")

    def template_text(self):
        self.append(self.template, "<!-- {} -->\n")

    def restore(self):
        for path, data in self.originals.items():
            with open(path, "wb") as handle:
                handle.write(data)


def scratch_folder():
    """Where outputs and caches go: memory when the machine has it. On this kind of VM, ext4's inode allocation after
    thousands of deletions made the kernel's share of a build grow from 0.6 s to 2.8 s within ten runs, for Gongkai
    and Hugo alike; in memory the figures are the programs' own."""
    return tempfile.mkdtemp(prefix="gongkai-bench-", dir="/dev/shm" if os.path.isdir("/dev/shm") else None)


def clean_build(gongkai, site, output, cache):
    def clear():
        shutil.rmtree(output, ignore_errors=True)
        shutil.rmtree(cache, ignore_errors=True)
    return [gongkai, "build", "--output", output, "--cache", cache], site, clear


def bench(gongkai, corpus, rounds):
    out = scratch_folder()
    site = os.path.join(corpus, "gongkai")
    hugo_site = os.path.join(corpus, "hugo")
    edits = Edits(site)
    output, cache = os.path.join(out, "gongkai"), os.path.join(out, "cache")
    rebuild = [gongkai, "build", "--output", output, "--cache", cache]
    # The same portal with search off: what the index adds to a clean build.
    no_search = os.path.join(out, "no-search")
    shutil.copytree(site, no_search)
    with open(os.path.join(no_search, "Content", "portal.yaml"), "a", encoding="utf-8") as portal:
        portal.write("\nsearch: false\n")
    # The clean build and Hugo start from an empty output folder: otherwise Gongkai's time would include deleting
    # the previous site, which it replaces whole, while Hugo writes over its files. The rebuilds that follow start
    # from the clean build's output and cache, as a portal team's next build does.
    commands = {
        "gongkai": clean_build(gongkai, site, output, cache),
        "no_search": clean_build(gongkai, no_search, output + "-no-search", cache + "-no-search"),
        "nothing_changed": (rebuild, site, None),
        "one_report": (rebuild, site, edits.report_text),
        "template": (rebuild, site, edits.template_text),
        # `check` as a team runs it, after a build: what it reads comes from the cache.
        "check_after_build": ([gongkai, "check", "--cache", cache], site, None),
        "hugo": (["hugo", "--quiet", "-d", os.path.join(out, "hugo")], hugo_site,
                 lambda: shutil.rmtree(os.path.join(out, "hugo"), ignore_errors=True)),
        "floor": (["cmark-gfm", "-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tagfilter", "-e", "tasklist",
                   os.path.join(corpus, "floor", "bodies.md")], corpus, None),
        "check": ([gongkai, "check", "--no-cache"], site, None),
    }
    # The sources' stamps must be older than a second for a build to trust them, as they are on a team's machine.
    time.sleep(1.1)
    try:
        for command, cwd, before in commands.values():
            measure(command, cwd, before)
        runs = {name: [] for name in commands}
        for _ in range(rounds):
            for name, (command, cwd, before) in commands.items():
                runs[name].append(measure(command, cwd, before))
    finally:
        edits.restore()
        shutil.rmtree(out, ignore_errors=True)
    result = {name: median(values) for name, values in runs.items()}
    incremental = {name: result.pop(name) for name in ("nothing_changed", "one_report", "template", "check_after_build")}
    for name, row in list(incremental.items()):
        incremental[name + "_ratio"] = round(row["wall_s"] / result["gongkai"]["wall_s"], 3)
    result["incremental"] = incremental
    g, h, f, c = result["gongkai"], result["hugo"], result["floor"], result["check"]
    result["wall_ratio"] = round(g["wall_s"] / h["wall_s"], 3)
    result["cpu_ratio"] = round(g["cpu_s"] / h["cpu_s"], 3)
    result["rss_ratio"] = round(g["rss_mb"] / h["rss_mb"], 3)
    result["floor_ratio"] = round(g["wall_s"] / f["wall_s"], 3)
    result["check_ratio"] = round(c["wall_s"] / g["wall_s"], 3)
    result["search_wall_share"] = round(g["wall_s"] / result["no_search"]["wall_s"] - 1, 3)
    result["search_rss_mb"] = round(g["rss_mb"] - result["no_search"]["rss_mb"], 1)
    return result


def scale(gongkai, corpus, large, rounds):
    """The clean build on the scale corpus, medians of a few rounds, and Hugo once; growth over the large corpus."""
    out = scratch_folder()
    command = clean_build(gongkai, os.path.join(corpus, "gongkai"), os.path.join(out, "gongkai"), os.path.join(out, "cache"))
    try:
        result = {"gongkai": median([measure(*command) for _ in range(max(3, rounds // 2))])}
        result["hugo"] = measure(["hugo", "--quiet", "-d", os.path.join(out, "hugo")], os.path.join(corpus, "hugo"))
    finally:
        shutil.rmtree(out, ignore_errors=True)
    result["wall_growth"] = round(result["gongkai"]["wall_s"] / large["gongkai"]["wall_s"], 3)
    result["rss_growth"] = round(result["gongkai"]["rss_mb"] / large["gongkai"]["rss_mb"], 3)
    result["wall_ratio"] = round(result["gongkai"]["wall_s"] / result["hugo"]["wall_s"], 3)
    result["rss_ratio"] = round(result["gongkai"]["rss_mb"] / result["hugo"]["rss_mb"], 3)
    return result


def main():
    gongkai, corpora, results_path = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2]), sys.argv[3]
    rounds = int(sys.argv[sys.argv.index("--rounds") + 1]) if "--rounds" in sys.argv else 5
    results = {}
    for size in ("small", "large"):
        results[size] = bench(gongkai, os.path.join(corpora, size), rounds)
    results["large"]["edit_to_reload_ms"] = edit_latency(gongkai, os.path.join(corpora, "large", "gongkai"))
    scratch = scratch_folder()
    try:
        results["large"]["search"] = search_bench.bench(gongkai, os.path.join(corpora, "large", "gongkai"), scratch)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    if os.path.isdir(os.path.join(corpora, "scale")):
        results["scale"] = scale(gongkai, os.path.join(corpora, "scale"), results["large"], rounds)
    os.makedirs(os.path.dirname(results_path), exist_ok=True)
    with open(results_path, "w") as handle:
        json.dump(results, handle, indent=2, sort_keys=True)
    print(f"{'corpus':<7} {'command':<24} {'wall s':>8} {'cpu s':>8} {'rss MB':>8}")
    for size in ("small", "large"):
        result = results[size]
        for name in ("gongkai", "no_search", "hugo", "floor", "check"):
            row = result[name]
            print(f"{size:<7} {name:<24} {row['wall_s']:>8.3f} {row['cpu_s']:>8.3f} {row['rss_mb']:>8.1f}")
        for name in ("nothing_changed", "one_report", "template", "check_after_build"):
            row = result["incremental"][name]
            print(f"{size:<7} {'rebuild ' + name:<24} {row['wall_s']:>8.3f} {row['cpu_s']:>8.3f} {row['rss_mb']:>8.1f}"
                  f"   {result['incremental'][name + '_ratio']} of clean")
        print(f"{size:<7} ratios   wall {result['wall_ratio']}  cpu {result['cpu_ratio']}  rss {result['rss_ratio']}  "
              f"floor {result['floor_ratio']}  check/build {result['check_ratio']}")
        print(f"{size:<7} search adds {result['search_wall_share'] * 100:.1f} % wall, {result['search_rss_mb']} MB peak RSS to a clean build")
    if "scale" in results:
        result = results["scale"]
        for name in ("gongkai", "hugo"):
            row = result[name]
            print(f"{'scale':<7} {name:<24} {row['wall_s']:>8.3f} {row['cpu_s']:>8.3f} {row['rss_mb']:>8.1f}")
        print(f"scale   growth over large: wall {result['wall_growth']}  rss {result['rss_growth']}; "
              f"over Hugo: wall {result['wall_ratio']}  rss {result['rss_ratio']}")
    print(f"large   serve: one report edit to reload event {results['large']['edit_to_reload_ms']} ms")
    search = results["large"]["search"]
    indexing, pagefind, ours = search["pagefind_indexing"], search["pagefind_index"], search["gongkai_index"]
    print(f"large   Pagefind indexing the built site: {indexing['wall_s']} s wall, {indexing['cpu_s']} s CPU, "
          f"{indexing['rss_mb']} MB peak; index {pagefind['mb']} MB in {pagefind['files']} files "
          f"(Gongkai's, built in the build: {ours['mb']} MB in {ours['files']} files)")
    for name in ("gongkai_query", "pagefind_query"):
        row = search[name]
        print(f"large   {name}: two-word query to first page {row['median_kb']} KB median ({row['max_kb']} max), "
              f"{row['median_ms']} ms median; results {row['results']}")
    print(f"large   transfer ratio Gongkai/Pagefind {search['transfer_ratio']}")
    print(f"results in {results_path}")


if __name__ == "__main__":
    main()
