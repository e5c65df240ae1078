"""Reads a report PDF back with poppler-utils and checks it against GB/T 9704-2012.

Usage: pdf_layout.py REPORT.pdf TITLE
Checks: A4 (595 x 842 pt) and a plausible page count; every font embedded; the text of pages 1-2 holds the
title, "一、" and the page numbers "— 1 —" and "— 2 —"; page 1's number lies right of the page centre and page 2's
left of it; the text block's left edge on page 1 is 28 +- 1.5 mm from the page edge and its top 37 +- 1.5 mm.
Word boxes of Chromium's Type 3 fonts are far taller than the glyphs, so x positions come from pdftotext -bbox and
the top from rendered ink (pdftoppm -gray: the first dark row). Prints 'N passed, N failed'.
"""
import re
import subprocess
import sys
import tempfile

MM = 72 / 25.4
TOLERANCE_MM = 1.5


def run(*command):
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def main(pdf, title):
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

    fonts = run("pdffonts", pdf).splitlines()[2:]
    not_embedded = [line for line in fonts if line.split()[-5] != "yes"]
    check("every font embedded", bool(fonts) and not not_embedded, f"{len(fonts)} fonts, not embedded: {not_embedded}")

    text = run("pdftotext", "-f", "1", "-l", "2", "-layout", pdf, "-")
    for needle in (title, "一、", "— 1 —", "— 2 —"):
        check(f"pages 1-2 contain {needle!r}", needle in text.replace("\u00a0", " ").replace("\u2002", " "))

    bbox = run("pdftotext", "-bbox", "-f", "1", "-l", "2", pdf, "-")
    page_words = []
    for page in bbox.split("<page ")[1:]:
        words = [(float(a), float(b), float(c), float(d), w) for a, b, c, d, w in
                 re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', page)]
        page_words.append(words)
    centre = width / 2
    for number, words in enumerate(page_words, start=1):
        digits = [w for w in words if w[4] == str(number) and w[1] > height * 0.85]
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
        import glob
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
