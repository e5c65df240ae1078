"""Reads a report PDF back with poppler-utils and checks it against GB/T 9704-2012.

Usage: pdf_layout.py REPORT.pdf PRINT-PAGE.html
Checks: A4 (595 x 842 pt) and a plausible page count; every font embedded; the text of pages 1-2 holds the
title (read from the built print page's <h1>), "一、" and the page numbers "— 1 —" and "— 2 —"; page 1's number
lies right of the page centre and page 2's left of it; the text block's left edge on page 1 is 28 +- 1.5 mm from
the page edge and its top 37 +- 1.5 mm.
Text extraction decides by itself where spaces go (the en spaces around a page number are layout to some poppler and
font combinations, characters to others; a long title may be broken over two lines), so text is compared with every
kind of white space removed. pdffonts is read by its header's columns, not by word position (a font name may hold
spaces). Word boxes of Chromium's Type 3 fonts are far taller than the glyphs, so x positions come from
pdftotext -bbox and the top from rendered ink (pdftoppm -gray: the first dark row). Prints 'N passed, N failed'.
"""
import glob
import html
import os
import re
import subprocess
import sys
import tempfile

MM = 72 / 25.4
TOLERANCE_MM = 1.5


# poppler's output must not depend on the caller's locale (decimal commas, translated headers).
ENVIRONMENT = dict(os.environ, LC_ALL="C.UTF-8", LANG="C.UTF-8")


def run(*command):
    return subprocess.run(command, check=True, capture_output=True, env=ENVIRONMENT).stdout.decode("utf-8")


def without_spaces(text):
    """The text with every white space character removed (str.split() knows all of Unicode's, en spaces too)."""
    return "".join(text.split())


def title_of(print_page):
    found = re.search(r'<h1 class="document-title">(.*?)</h1>', open(print_page, encoding="utf-8").read(), re.S)
    if not found:
        sys.exit(f"{print_page} has no <h1 class=\"document-title\">")
    return html.unescape(re.sub(r"<[^>]+>", "", found.group(1)))


def embedded_column(lines):
    """pdffonts prints a header, a line of dashes under each column, then one font a line: the dashes give the
    columns' character ranges, and the one headed 'emb' says whether the font is embedded."""
    header, rule = lines[0], lines[1]
    columns = [(match.start(), match.end()) for match in re.finditer(r"-+", rule)]
    for start, end in columns:
        if header[start:end].strip() == "emb":
            return start, end
    sys.exit(f"pdffonts printed no 'emb' column: {header!r}")


def main(pdf, print_page):
    title = title_of(print_page)
    results = []

    def check(name, ok, detail=""):
        results.append(ok)
        print(("ok   " if ok else "FAIL ") + name + (f" ({detail})" if detail else ""))

    info = run("pdfinfo", pdf)
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info)
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    width, height = float(size.group(1)), float(size.group(2))
    check("A4 page size", abs(width - 595) < 1 and abs(height - 842) < 1, f"{width} x {height} pt")
    check("plausible page count", 3 <= pages <= 20, f"{pages} pages")

    font_lines = run("pdffonts", pdf).splitlines()
    start, end = embedded_column(font_lines)
    fonts = [line for line in font_lines[2:] if line.strip()]
    not_embedded = [line for line in fonts if line[start:end].strip() != "yes"]
    check("every font embedded", bool(fonts) and not not_embedded, f"{len(fonts)} fonts, not embedded: {not_embedded}")

    # A figure is never broken between its number and its unit: each lies within one printed line.
    figures = [without_spaces(html.unescape(re.sub(r"<[^>]+>", "", found)))
               for found in re.findall(r'<data class="figure"[^>]*>(.*?)</data>', open(print_page, encoding="utf-8").read(), re.S)]
    lines = [without_spaces(line) for line in run("pdftotext", "-layout", pdf, "-").splitlines()]
    broken = [figure for figure in figures if not any(figure in line for line in lines)]
    check("no figure broken across lines", bool(figures) and not broken, f"{len(figures)} figures, broken: {broken[:5]}")

    text = without_spaces(run("pdftotext", "-f", "1", "-l", "2", "-layout", pdf, "-"))
    check(f"pages 1-2 contain the title {title!r}", without_spaces(title) in text)
    check("pages 1-2 contain '一、'", "一、" in text)
    for number in (1, 2):
        check(f"pages 1-2 contain the page number '— {number} —'", re.search(f"—{number}—", text) is not None)

    bbox = run("pdftotext", "-bbox", "-f", "1", "-l", "2", pdf, "-")
    page_words = []
    for page in bbox.split("<page ")[1:]:
        words = [(float(a), float(b), float(c), float(d), w) for a, b, c, d, w in
                 re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', page)]
        page_words.append(words)
    centre = width / 2
    for number, words in enumerate(page_words, start=1):
        # The number is a word of its own, or one with its dashes ("—1—"): its centre is the number's either way.
        digits = [w for w in words if w[4].strip("—\u2002\u00a0 ") == str(number) and w[1] > height * 0.85]
        if not digits:
            check(f"page {number} number found", False)
            continue
        x = (digits[0][0] + digits[0][2]) / 2
        side = "right" if number % 2 else "left"
        check(f"page {number} number on the {side}", x > centre if number % 2 else x < centre, f"x = {x:.1f} pt, centre {centre:.1f}")
    body = [w for w in page_words[0] if w[1] < height * 0.85]
    left_mm = min(w[0] for w in body) / MM
    check("text block left edge 28 mm", abs(left_mm - 28) <= TOLERANCE_MM, f"{left_mm:.1f} mm")

    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(["pdftoppm", "-gray", "-r", "144", "-f", "1", "-l", "1", pdf, f"{folder}/p"], check=True)
        data = open(glob.glob(f"{folder}/p*.pgm")[0], "rb").read()
        header = data.split(b"\n", 3)
        columns, rows = map(int, header[1].split())
        pixels = header[3]
        first_dark = next(y for y in range(rows) if min(pixels[y * columns:(y + 1) * columns]) < 128)
        top_mm = first_dark / 144 * 25.4
        check("text block top 37 mm (first ink)", abs(top_mm - 37) <= TOLERANCE_MM, f"{top_mm:.1f} mm")

    passed = sum(results)
    print(f"{passed} passed, {len(results) - passed} failed")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
