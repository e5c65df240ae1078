"""Site search side by side with Pagefind, on Gongkai's own build of a corpus (called by run_bench.py).

- Pagefind (`pagefind-bin-extended`, with its Chinese segmentation) indexes the built site as the separate pass
  peers run after their build: wall, CPU and peak RSS, and the size of its index;
- both are then queried in headless Chromium over loopback (a local HTTP server, no compression, the browser's
  cache off), with two-word queries from the corpus's own phrases: the response bytes the server sent (counted
  there: Pagefind fetches from a worker, whose requests the page's own timings and network log do not show) from
  opening the search page to the first page of results (10, Gongkai's page), the page's own HTML left out, its
  script, styles and index files counted; and the time from submitting the query to the results drawn.

Gongkai's query goes through its own search page (type, submit, wait for `data-state="done"`); Pagefind's through
its JavaScript API (`pagefind.js`: init, search, the first ten results' data), which is what its UI calls.
"""
import functools
import http.server
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading

# Two words each, as a reader would type them: parts of the corpus generator's phrases.
QUERIES = ["行政执法 案卷评查", "法治宣传 进企业", "行政复议 应诉", "优化 营商环境", "执法装备 配备",
           "法律顾问 合法性审核", "规范性文件 清理", "包容审慎 监管"]

PAGEFIND_PAGE = """<!doctype html><meta charset="utf-8"><title>pagefind</title>
<script>
window.pagefindQuery = async function (query) {
  const pagefind = await import("./pagefind/pagefind.js");
  await pagefind.init();
  const started = performance.now();
  const search = await pagefind.search(query);
  await Promise.all(search.results.slice(0, 10).map(function (result) { return result.data(); }));
  return { ms: performance.now() - started, results: search.results.length };
};
</script>
"""


def timed(command):
    with tempfile.NamedTemporaryFile("r") as report:
        subprocess.run(["/usr/bin/time", "-f", "%e %U %S %M", "-o", report.name] + command, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wall, user, system, rss = report.read().split()[-4:]
    return {"wall_s": float(wall), "cpu_s": float(user) + float(system), "rss_mb": round(int(rss) / 1024, 1)}


def folder_size(folder):
    files = [os.path.join(root, name) for root, _, names in os.walk(folder) for name in names]
    return {"files": len(files), "mb": round(sum(os.path.getsize(path) for path in files) / 1e6, 2)}


class Server:
    """The folder over loopback HTTP, in a thread."""

    def __init__(self, folder):
        handler = functools.partial(Quiet, directory=folder)
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = "http://127.0.0.1:%d/" % self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()


class Quiet(http.server.SimpleHTTPRequestHandler):
    """Serves quietly, and counts the bytes of every response that is not a page."""
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".wasm": "application/wasm",
                      ".pf_meta": "application/octet-stream"}
    sent = []
    lock = threading.Lock()

    def send_header(self, keyword, value):
        if keyword.lower() == "content-length" and not self.path.split("?")[0].endswith((".html", "/")):
            with Quiet.lock:
                Quiet.sent.append(int(value))
        super().send_header(keyword, value)

    def log_message(self, *arguments):
        pass


def received():
    """Bytes sent since the last call, pages left out."""
    with Quiet.lock:
        total = sum(Quiet.sent)
        Quiet.sent.clear()
    return total


def browser():
    from selenium import webdriver
    options = webdriver.ChromeOptions()
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]:
        options.add_argument(argument)
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path="/usr/bin/chromedriver"))
    driver.set_script_timeout(120)
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    return driver


def gongkai_query(driver, url, query):
    received()
    driver.get(url + "search/")
    result = driver.execute_async_script("""
        var query = arguments[0], done = arguments[arguments.length - 1];
        var page = document.querySelector('.search-page'), form = page.querySelector('form.search-form');
        var started;
        new MutationObserver(function () {
          var state = page.getAttribute('data-state');
          if (state === 'done' || state === 'failed') done({ ms: performance.now() - started, state: state,
            results: page.querySelectorAll('.search-results > li').length });
        }).observe(page, { attributes: true, attributeFilter: ['data-state'] });
        form.querySelector('input[name=q]').value = query;
        started = performance.now();
        form.requestSubmit();
        """, query)
    result["bytes"] = received()
    return result


def pagefind_query(driver, url, query):
    received()
    driver.get(url + "pagefind-bench.html")
    result = driver.execute_async_script(
        "var done = arguments[arguments.length - 1]; pagefindQuery(arguments[0]).then(done, function (e) { done({error: String(e)}); });",
        query)
    if "error" in result:
        raise RuntimeError("pagefind: " + result["error"])
    result["bytes"] = received()
    return result


def summary(runs):
    return {"median_kb": round(statistics.median(r["bytes"] for r in runs) / 1024, 1),
            "max_kb": round(max(r["bytes"] for r in runs) / 1024, 1),
            "median_ms": round(statistics.median(r["ms"] for r in runs), 1),
            "results": [r["results"] for r in runs]}


def bench(gongkai, site, scratch):
    """Builds the site with Gongkai into `scratch`, indexes that output with Pagefind, queries both."""
    output = os.path.join(scratch, "site")
    subprocess.run([gongkai, "build", "--no-cache", "--output", output], cwd=site, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    result = {"gongkai_index": folder_size(os.path.join(output, "search"))}
    pagefind = [sys.executable, "-m", "pagefind_bin_extended", "--site", output]
    result["pagefind_indexing"] = timed(pagefind)
    result["pagefind_index"] = folder_size(os.path.join(output, "pagefind"))
    with open(os.path.join(output, "pagefind-bench.html"), "w", encoding="utf-8") as page:
        page.write(PAGEFIND_PAGE)
    server, driver = Server(output), browser()
    try:
        gongkai_runs = [gongkai_query(driver, server.url, query) for query in QUERIES]
        pagefind_runs = [pagefind_query(driver, server.url, query) for query in QUERIES]
    finally:
        driver.quit()
        server.close()
        shutil.rmtree(output, ignore_errors=True)
    failed = [query for query, run in zip(QUERIES, gongkai_runs) if run["state"] != "done"]
    if failed:
        raise RuntimeError("Gongkai's search failed for " + ", ".join(failed))
    result["gongkai_query"], result["pagefind_query"] = summary(gongkai_runs), summary(pagefind_runs)
    result["queries"] = QUERIES
    result["transfer_ratio"] = round(result["gongkai_query"]["median_kb"] / result["pagefind_query"]["median_kb"], 3)
    return result
