#!/usr/bin/env python3
"""The portal in a real browser (headless Chromium through chromedriver), one page of each kind:

- axe-core 4.10 finds no violation (every rule axe runs by default, WCAG 2.1 A/AA among them);
- every focusable element, reached with the Tab key, looks different focused than not (its box and a few pixels
  around it, where an outline is drawn);
- no horizontal scrolling at a 375 px phone with the browser's text size at 200 %, nor at 320 CSS px (400 % zoom);
- the reader's text size is followed (print pages too, on screen), body text has a line height of at least 1.5, and
  the text-size switch makes text larger and is remembered on the next page;
- the skip link's target does not paint the page; dates, figures and footer items do not break inside themselves.

Usage: browser_audit.py [--tab-stops N] BASE_URL AXE_JS PATH... (paths from the site root, one per page kind; a
print page's path ends in print/; the focus check follows at most N Tab stops a page, 400 unless told: a city's
commitments page has thousands, all of kinds met in its first hundred). Prints one line per failure and a summary;
exits 1 on any failure.
"""
import base64
import io
import sys
import time

from PIL import Image, ImageChops
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

arguments = sys.argv[1:]
tab_stops = 400
if arguments[0] == "--tab-stops":
    tab_stops, arguments = int(arguments[1]), arguments[2:]
base, axe_path, paths = arguments[0], arguments[1], arguments[2:]
axe_source = open(axe_path, encoding="utf-8").read()
failures = []
passed = 0


def check(ok, message):
    global passed
    if ok:
        passed += 1
    else:
        failures.append(message)
        print("FAIL " + message, flush=True)


def browser(font_size=16):
    options = webdriver.ChromeOptions()
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
                     "--force-device-scale-factor=1", "--lang=zh-CN"]:
        options.add_argument(argument)
    # The browser's text size setting (Chrome's 字体大小), which the pages must follow.
    options.add_experimental_option("prefs", {"webkit.webprefs.default_font_size": font_size})
    service = webdriver.ChromeService(executable_path="/usr/bin/chromedriver")
    driver = webdriver.Chrome(options=options, service=service)
    # axe takes minutes on a page of thousands of items (a city's commitments), past Selenium's 30 s default.
    driver.set_script_timeout(600)
    return driver


def viewport(driver, width, height=900):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})


def clip_png(driver, rect):
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "clip": dict(rect, scale=1)})
    return Image.open(io.BytesIO(base64.b64decode(shot["data"]))).convert("RGB")


def audit_axe(driver, path):
    driver.execute_script(axe_source)
    result = driver.execute_async_script("const done = arguments[arguments.length - 1];"
                                         "axe.run(document).then(r => done(r.violations.map(v => [v.id, v.nodes.length, v.nodes[0].target.join(' ')])))"
                                         ".catch(e => done([['axe-error', 0, String(e)]]));")
    check(result == [], f"{path}: axe violations {result}")


def audit_focus(driver, path):
    """Tabs through the page; each element's surroundings must change when it takes focus."""
    driver.execute_script("document.activeElement.blur(); window.scrollTo(0, 0);")
    seen = set()
    invisible = []
    for _ in range(tab_stops):
        webdriver.ActionChains(driver).send_keys(Keys.TAB).perform()
        element = driver.switch_to.active_element
        # The element itself makes it one (two links may have the same text and address): a number given to it on
        # first focus, not its index among all elements, which is slow to find on a page of tens of thousands.
        key = driver.execute_script("const e = arguments[0]; if (e === document.body) return null;"
                                    "if (!e.auditNumber) e.auditNumber = (window.auditCount = (window.auditCount || 0) + 1);"
                                    "return e.auditNumber + ' ' + e.tagName + ' ' + (e.getAttribute('href') || '') + ' '"
                                    " + e.textContent.trim().slice(0, 20);", element)
        if key is None or key in seen:
            break
        seen.add(key)
        rect = driver.execute_script("const r = arguments[0].getBoundingClientRect(); return {x: r.left + scrollX - 6, "
                                     "y: r.top + scrollY - 6, width: r.width + 12, height: r.height + 12};", element)
        if rect["width"] <= 12 or rect["height"] <= 12:
            continue
        focused = clip_png(driver, rect)
        driver.execute_script("arguments[0].blur()", element)
        blurred = clip_png(driver, rect)
        driver.execute_script("arguments[0].focus({preventScroll: true})", element)
        difference = ImageChops.difference(focused, blurred).convert("L").point(lambda v: 255 if v > 40 else 0)
        changed = sum(difference.histogram()[255:])
        if changed < 20:
            invisible.append(key)
    check(len(seen) > 0, f"{path}: nothing could be focused with Tab")
    check(invisible == [], f"{path}: focus not visible on {len(invisible)} of {len(seen)}: {invisible[:5]}")


def settle(driver):
    """Waits for what a page draws after loading (the search page's results) to be drawn."""
    for _ in range(200):
        if driver.execute_script("return !document.querySelector('[data-state=searching]')"):
            return
        time.sleep(0.05)


def overflow(driver):
    return driver.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth;")


def audit_reflow(driver, path, width):
    viewport(driver, width)
    driver.get(base + path)
    settle(driver)
    extra = overflow(driver)
    culprits = [] if extra <= 0 else driver.execute_script(
        "const w = document.documentElement.clientWidth; return [...document.querySelectorAll('body *')]"
        ".filter(e => e.getBoundingClientRect().right > w + 1).slice(-3).map(e => e.tagName + '.' + e.className);")
    check(extra <= 0, f"{path}: scrolls sideways by {extra} px at {width} px ({culprits})")


def audit_text(driver, path):
    """At a 32 px browser default: the page's text follows it, and reads at 1.5 line height or more."""
    size, ratio = driver.execute_script(
        "const p = document.querySelector('main p') || document.querySelector('p');"
        "const s = getComputedStyle(p); return [parseFloat(getComputedStyle(document.documentElement).fontSize),"
        " parseFloat(s.lineHeight) / parseFloat(s.fontSize)];")
    check(size >= 32, f"{path}: the root font size is {size} px with the browser's text size at 32 px")
    check(ratio >= 1.5, f"{path}: body text line height is {ratio:.2f}, under 1.5")


def audit_page(driver, path):
    driver.execute_script("location.hash = 'main'")
    colour = driver.execute_script("const m = document.getElementById('main'); return m ? getComputedStyle(m).backgroundColor : 'rgba(0, 0, 0, 0)'")
    check(colour in ("rgba(0, 0, 0, 0)", "rgb(255, 255, 255)"), f"{path}: the skip link's target paints <main> {colour}")


def audit_breaks(driver, path):
    """On a phone with large text, where lines are short: a date or a figure is never split across lines, and a
    footer item only at a space or punctuation, never between two letters or digits (联/系电话)."""
    broken = driver.execute_script("""
        function breaks(element) {
          const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
          const chars = [];
          for (let node; (node = walker.nextNode()); ) {
            for (let i = 0; i < node.data.length; i++) {
              const range = document.createRange(); range.setStart(node, i); range.setEnd(node, i + 1);
              const rect = range.getBoundingClientRect();
              // A space at the end of a line has no width: it is kept as a break opportunity, not measured.
              if (rect.width > 0) chars.push([node.data[i], rect.top]);
              else if (/\\s/.test(node.data[i]) && chars.length) chars[chars.length - 1][0] += ' ';
            }
          }
          const found = [];
          for (let i = 1; i < chars.length; i++) {
            if (chars[i][1] > chars[i - 1][1] + 2) found.push([chars[i - 1][0].slice(-1), chars[i][0][0]]);
          }
          return found;
        }
        const word = /[\\p{L}\\p{N}]/u;
        const bad = [];
        for (const e of document.querySelectorAll('time, data')) if (breaks(e).length) bad.push(e.textContent);
        for (const e of document.querySelectorAll('.footer-item')) {
          if (breaks(e).some(([a, b]) => word.test(a) && word.test(b))) bad.push(e.textContent);
        }
        return bad.slice(0, 5);""")
    check(broken == [], f"{path}: dates, figures or footer items broken inside a word: {broken}")


def audit_text_size_switch(driver, path, next_path):
    button = driver.find_elements(By.CSS_SELECTOR, "button.text-size")
    check(len(button) == 1, f"{path}: no text-size switch (button.text-size)")
    if not button:
        return
    before = driver.execute_script("return parseFloat(getComputedStyle(document.querySelector('main p') || document.body).fontSize)")
    button[0].click()
    after = driver.execute_script("return parseFloat(getComputedStyle(document.querySelector('main p') || document.body).fontSize)")
    check(after >= before * 1.2, f"{path}: the text-size switch took text from {before} to {after} px")
    check(button[0].get_attribute("aria-pressed") == "true", f"{path}: the switch does not say it is on (aria-pressed)")
    # The root's size is the same on every page, so the next page is measured by it, not by its own paragraphs.
    root_size = "return parseFloat(getComputedStyle(document.documentElement).fontSize)"
    large_root = driver.execute_script(root_size)
    driver.get(base + next_path)
    next_button = driver.find_element(By.CSS_SELECTOR, "button.text-size")
    check(driver.execute_script(root_size) == large_root and next_button.get_attribute("aria-pressed") == "true",
          f"{path}: large text is not remembered on {next_path}")
    next_button.click()


normal = browser()
try:
    for path in paths:
        print(f"audit /{path}", flush=True)
        viewport(normal, 1280)
        normal.get(base + path)
        settle(normal)
        audit_axe(normal, path)
        audit_page(normal, path)
        normal.get(base + path)
        settle(normal)
        audit_focus(normal, path)
        audit_reflow(normal, path, 320)
    html_paths = [p for p in paths if not p.endswith("print/")]
    viewport(normal, 1280)
    normal.get(base + html_paths[0])
    audit_text_size_switch(normal, html_paths[0], html_paths[-1])
finally:
    normal.quit()

large = browser(font_size=32)
try:
    for path in paths:
        audit_reflow(large, path, 375)
        audit_text(large, path)
        audit_breaks(large, path)
finally:
    large.quit()

print(f"{passed} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
