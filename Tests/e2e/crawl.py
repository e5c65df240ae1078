"""Crawls a served portal from its root, following every internal link and asset.

Fails unless every URL answers 200, every HTML page is served as text/html; charset=utf-8,
and there is no broken link or missing anchor. Prints the closing line 'N passed, N failed'.
"""
import sys
import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls = []
        self.ids = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        for name in ("href", "src"):
            if name in attrs and attrs[name] is not None:
                self.urls.append(attrs[name])


def main(start):
    origin = urllib.parse.urlsplit(start)
    queue, seen, pages, failures = [start], {start}, {}, []
    anchors = []  # (page, fragment, found on)
    while queue:
        url = queue.pop(0)
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                status, ctype, body = response.status, response.headers.get("Content-Type", ""), response.read()
        except urllib.error.HTTPError as error:
            failures.append(f"{url}: HTTP {error.code}")
            continue
        if status != 200:
            failures.append(f"{url}: HTTP {status}")
            continue
        path = urllib.parse.urlsplit(url).path
        if path.endswith("/") or path.endswith(".html"):
            if ctype.lower().replace(" ", "") != "text/html;charset=utf-8":
                failures.append(f"{url}: Content-Type {ctype!r}")
            parser = Links()
            parser.feed(body.decode("utf-8"))
            pages[url] = parser.ids
            for link in parser.urls:
                absolute = urllib.parse.urljoin(url, link)
                parts = urllib.parse.urlsplit(absolute)
                if parts.scheme not in ("http", "https") or parts.netloc != origin.netloc:
                    continue
                target = urllib.parse.urlunsplit((parts.scheme, parts.netloc, parts.path, parts.query, ""))
                if parts.fragment:
                    anchors.append((target, urllib.parse.unquote(parts.fragment), url))
                if target not in seen:
                    seen.add(target)
                    queue.append(target)
    for target, fragment, source in anchors:
        if target in pages and fragment not in pages[target]:
            failures.append(f"{source}: link to missing anchor {target}#{fragment}")
    # Every sitemap URL, moved from the portal's base URL onto this server, must answer 200.
    import xml.etree.ElementTree as ElementTree
    with urllib.request.urlopen(urllib.parse.urljoin(start, "sitemap.xml"), timeout=10) as response:
        locs = [element.text for element in ElementTree.fromstring(response.read()).iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    for loc in locs:
        local = urllib.parse.urljoin(start, urllib.parse.urlsplit(loc).path.lstrip("/"))
        if local not in pages:
            failures.append(f"sitemap.xml: {loc} is not a page reached from /")
    if not locs:
        failures.append("sitemap.xml lists no URL")
    # The 404 page must answer 404 for unknown paths, with the page itself.
    try:
        urllib.request.urlopen(urllib.parse.urljoin(start, "no-such-page/"), timeout=10)
        failures.append("an unknown path did not answer 404")
    except urllib.error.HTTPError as error:
        if error.code != 404 or "页面不存在" not in error.read().decode("utf-8"):
            failures.append("an unknown path did not get the portal's 404 page")
    checked = len(seen) + len(anchors) + len(locs) + 1
    for failure in failures:
        print("FAIL", failure)
    print(f"crawled {len(seen)} URLs, {len(pages)} HTML pages, {len(anchors)} anchors")
    print(f"{checked - len(failures)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
