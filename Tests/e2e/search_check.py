#!/usr/bin/env python3
"""Site search in a real browser (headless Chromium through chromedriver), over a built portal served by nginx:

- the browser's tokenizer (assets/search.js) cuts every string of the shared fixture into the tokens, query
  tokens and shards the Swift tokenizer is tested to give for it (Tests/GongkaiKitTests/Fixtures/search-tokens.json);
- recall and precision: for each query below, the sections (report text between consecutive headings, with the
  heading's words) and register documents that hold every word of the query are worked out here from the built
  pages, independently of the index; the search must return exactly those, and nothing for the find-nothing
  queries (whose expected lists must come out empty, so the list cannot rot);
- the page itself: a query typed into the header's box of the home page opens the search page, which shows results
  with the match marked, linking to the section; the department filter keeps only that department's results.

Usage: search_check.py BASE_URL SITE_DIR TOKENS_JSON. Prints one line per failure and a summary; exits 1 on any.
"""
import html.parser
import json
import os
import sys
import time

from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

base, site, tokens_path = sys.argv[1], sys.argv[2], sys.argv[3]
failures = []
passed = 0

# Substrings inside longer words, two-character words, single characters, legal terms, document titles and parts of
# them, figures (whole numbers: 45 must not find 2045), department names, two words with a full-width space, mixed
# Latin and Chinese; then queries that must find nothing.
QUERIES = ["执法", "行政执法", "案卷评查", "地下空间", "学法", "政府", "法", "防", "人民防空", "行政复议", "普法责任制",
           "二十大", "党的二十大文件汇编", "习近平法治思想学习纲要", "工作规则", "示司发", "45", "5", "300", "2023",
           "国动办", "司法局", "国防动员办公室", "执法　责任", "依法 行政", "“谁执法谁普法”", "合法性审核", "营商环境",
           "实施办法", "第9号", "DEPT", "dept-000", "政务公开标准化"]
NOTHING = ["量子计算", "xyzzy", "2045", "执法法执", "公开政府标准"]


def check(ok, message):
    global passed
    if ok:
        passed += 1
    else:
        failures.append(message)
        print("FAIL " + message, flush=True)


# MARK: What each query must find, from the pages

def fold(ch):
    code = ord(ch)
    if code == 0x3000:
        code = 0x20
    elif 0xFF01 <= code <= 0xFF5E:
        code -= 0xFEE0
    if 0x41 <= code <= 0x5A:
        code += 0x20
    return chr(code)


def kind(ch):
    c = ord(ch)
    if 0x30 <= c <= 0x39 or 0x61 <= c <= 0x7A or 0xC0 <= c <= 0xD6 or 0xD8 <= c <= 0xF6 or 0xF8 <= c <= 0x24F:
        return "word"
    if c == 0x3007 or 0x3040 <= c <= 0x30FF or 0x3400 <= c <= 0x4DBF or 0x4E00 <= c <= 0x9FFF or 0xAC00 <= c <= 0xD7AF \
            or 0xF900 <= c <= 0xFAFF or 0x20000 <= c <= 0x3134F:
        return "ideograph"
    return "separator"


def segments(query):
    parts, current = [], ""
    for ch in map(fold, query):
        if kind(ch) == "separator":
            if current:
                parts.append(current)
            current = ""
        else:
            current += ch
    return parts + ([current] if current else [])


def holds(text, part):
    """Whether the folded text holds the part as written; a part starting or ending with a letter or digit not
    inside a longer word."""
    start = text.find(part)
    while start >= 0:
        end = start + len(part)
        left_ok = kind(part[0]) != "word" or start == 0 or kind(text[start - 1]) != "word"
        right_ok = kind(part[-1]) != "word" or end == len(text) or kind(text[end]) != "word"
        if left_ok and right_ok:
            return True
        start = text.find(part, start + 1)
    return False


VOID = {"br", "img", "hr", "input", "meta", "link", "wbr", "source", "col", "area"}
BLOCKS = {"p", "li", "ul", "ol", "div", "blockquote", "pre", "table", "thead", "tbody", "tr", "section", "figure", "dl", "dt", "dd"}


class ReportPage(html.parser.HTMLParser):
    """A report page's sections: the text of `.report-body` between consecutive headings, each with its heading's
    words (without its number), and the text before the first heading with the report's title."""

    def __init__(self):
        super().__init__()
        self.sections = []  # [fragment, title, text]
        self.depth = 0  # inside .report-body, counting its open elements
        self.heading = None  # the id of the heading being read
        self.in_number = False
        self.in_title = False
        self.title = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "h1" and attrs.get("id") == "report-title":
            self.in_title = True
        if self.depth == 0:
            if tag == "div" and "report-body" in (attrs.get("class") or "").split():
                self.depth = 1
                self.sections.append(["", self.title, ""])
            return
        if tag in VOID:
            if tag == "br":
                self.sections[-1][2] += "\n"
            return
        self.depth += 1
        if tag in ("h2", "h3", "h4", "h5", "h6") and attrs.get("id"):
            self.heading = attrs["id"]
            self.sections.append([attrs["id"], "", ""])
        elif tag == "span" and self.heading and "heading-number" in (attrs.get("class") or ""):
            self.in_number = True
        elif tag in BLOCKS or tag in ("td", "th"):
            self.sections[-1][2] += "\n"

    def handle_endtag(self, tag):
        if tag == "h1":
            self.in_title = False
        if self.depth == 0:
            return
        self.depth -= 1
        if tag == "span":
            self.in_number = False
        if tag in ("h2", "h3", "h4", "h5", "h6"):
            self.heading = None
        elif tag in BLOCKS or tag in ("td", "th"):
            self.sections[-1][2] += "\n"

    def handle_data(self, data):
        if self.in_title:
            self.title += data
        if self.depth == 0 or self.in_number:
            return
        self.sections[-1][1 if self.heading else 2] += data


class Register(html.parser.HTMLParser):
    """The documents register: each document's anchor, title (without 《》) and facts line."""

    def __init__(self):
        super().__init__()
        self.documents = []  # [anchor, title, facts]
        self.field = None
        self.depth = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "li" and (attrs.get("id") or "").startswith("doc-"):
            self.documents.append([attrs["id"], "", ""])
            self.depth = 1
            return
        if self.depth and tag not in VOID:
            self.depth += 1
            if tag == "h2":
                self.field = 1
            elif tag == "p" and attrs.get("class") == "document-meta":
                self.field = 2
            elif tag == "span" and self.field == 2:
                self.documents[-1][2] += " "

    def handle_endtag(self, tag):
        if self.depth and tag not in VOID:
            self.depth -= 1
            if tag in ("h2", "p"):
                self.field = None

    def handle_data(self, data):
        if self.depth and self.field:
            self.documents[-1][self.field] += data


def searchable():
    """Every section and document of the built site: (address from the site root, folded title, folded text)."""
    entries = []
    for folder, _, files in sorted(os.walk(site)):
        relative = os.path.relpath(folder, site)
        parts = relative.split(os.sep)
        if "index.html" not in files or len(parts) != 2 or not parts[1].isdigit():
            continue
        page = ReportPage()
        page.feed(open(os.path.join(folder, "index.html"), encoding="utf-8").read())
        for fragment, title, text in page.sections:
            address = relative + "/" + ("#" + fragment if fragment else "")
            entries.append((address, "".join(map(fold, title.strip())), "".join(map(fold, text))))
    register = Register()
    register.feed(open(os.path.join(site, "documents", "index.html"), encoding="utf-8").read())
    for anchor, title, facts in register.documents:
        title = title.strip()
        if title.startswith("《") and title.endswith("》"):
            title = title[1:-1]
        entries.append(("documents/#" + anchor, "".join(map(fold, title)), "".join(map(fold, facts))))
    return entries


def expected(entries, query):
    parts = segments(query)
    return {address for address, title, text in entries if all(holds(title, p) or holds(text, p) for p in parts)}


# MARK: The browser

def browser():
    options = webdriver.ChromeOptions()
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--lang=zh-CN"]:
        options.add_argument(argument)
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path="/usr/bin/chromedriver"))
    driver.set_script_timeout(300)
    return driver


driver = browser()
try:
    driver.get(base + "search/")
    WebDriverWait(driver, 20).until(lambda d: d.execute_script("return !!window.GongkaiSearch"))

    fixture = json.load(open(tokens_path, encoding="utf-8"))
    for case in fixture:
        got = driver.execute_script("return GongkaiSearch.tokens(arguments[0])", case["text"])
        check(got == case["tokens"], "tokens of %r: browser %r, Swift %r" % (case["text"], got, case["tokens"]))
        got = driver.execute_script("return GongkaiSearch.queryTokens(arguments[0])", case["text"])
        check(got == case["query"], "query tokens of %r: browser %r, Swift %r" % (case["text"], got, case["query"]))
        got = driver.execute_script("return arguments[0].map(function (t) { return GongkaiSearch.shardOf(t, 1024); })", case["tokens"])
        check(got == case["shards"], "shards of %r: browser %r, Swift %r" % (case["text"], got, case["shards"]))

    entries = searchable()
    check(len(entries) > 10, "the built pages give %d sections and documents" % len(entries))
    found_any = 0
    for query in QUERIES + NOTHING:
        want = expected(entries, query)
        if query in NOTHING:
            check(not want, "find-nothing query %r is in the pages: %s" % (query, sorted(want)[:3]))
        started = time.monotonic()
        got = driver.execute_async_script(
            "var done = arguments[arguments.length - 1];"
            "GongkaiSearch.all('../', arguments[0]).then(done, function (e) { done('error: ' + e); });", query)
        elapsed = time.monotonic() - started
        if isinstance(got, str):
            check(False, "query %r: %s" % (query, got))
            continue
        # Departments and metrics are found too; the pages' sections and documents are what is compared.
        got_compared = {address for address in got if "#" in address or (address.count("/") == 2 and address.split("/")[1].isdigit())}
        missing, extra = want - got_compared, got_compared - want
        check(not missing, "query %r misses %d of %d: %s" % (query, len(missing), len(want), sorted(missing)[:5]))
        check(not extra, "query %r finds %d not holding it: %s" % (query, len(extra), sorted(extra)[:5]))
        if query in NOTHING:
            check(not got, "find-nothing query %r returned %s" % (query, got[:3]))
        found_any += len(want) > 0
        print("query %-12s %4d expected, %4d found (%.0f ms)" % (query, len(want), len(got), elapsed * 1000), flush=True)
    check(found_any >= 10, "only %d queries find anything on this portal" % found_any)

    # The page: from the header's box of the home page to results with the match marked.
    query = "执法"
    driver.get(base)
    box = driver.find_element(By.CSS_SELECTOR, "form.site-search input[name=q]")
    box.send_keys(query)
    box.send_keys(Keys.ENTER)
    WebDriverWait(driver, 30).until(lambda d: d.execute_script(
        "var p = document.querySelector('.search-page'); return p && p.getAttribute('data-state') === 'done'"))
    check(driver.current_url.startswith(base + "search/"), "the header's search box opens the search page: " + driver.current_url)
    items = driver.find_elements(By.CSS_SELECTOR, ".search-results > li")
    check(0 < len(items) <= 10, "the first page of results for %s shows 1 to 10 results: %d" % (query, len(items)))
    if items:
        link = items[0].find_element(By.CSS_SELECTOR, "h2 a").get_attribute("href")
        check(link.startswith(base) and ("#" in link or link.endswith("/")), "a result links into the site: " + link)
        marks = driver.find_elements(By.CSS_SELECTOR, ".search-results mark")
        check(any(mark.text == query for mark in marks), "the results mark %s" % query)
    status = driver.find_element(By.CSS_SELECTOR, ".search-status[role=status]").text
    check("结果" in status, "the status line counts the results: %r" % status)

    # The department filter: only that department's results.
    orgs = driver.find_elements(By.CSS_SELECTOR, "#search-org option")
    if len(orgs) > 1:
        slug, name = orgs[1].get_attribute("value"), orgs[1].text
        driver.get(base + "search/?q=" + query + "&org=" + slug)
        WebDriverWait(driver, 30).until(lambda d: d.execute_script(
            "var p = document.querySelector('.search-page'); return p && p.getAttribute('data-state') === 'done'"))
        metas = [m.text for m in driver.find_elements(By.CSS_SELECTOR, ".search-results .search-meta")]
        check(metas and all(meta.startswith(name) for meta in metas), "filtered by %s, every result is its own: %s" % (name, metas[:3]))
finally:
    driver.quit()

print("search: %d passed, %d failed" % (passed, len(failures)))
sys.exit(1 if failures else 0)
