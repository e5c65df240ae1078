#!/usr/bin/env bash
# End-to-end: prints the sample report with each PDF engine through `gongkai pdf` and reads the PDFs back.
set -euo pipefail
gongkai=${1:?usage: pdf-check.sh PATH-TO-GONGKAI}
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
# Tools' output must not depend on the caller's locale or time zone.
export LC_ALL=C.UTF-8 LANG=C.UTF-8 TZ=UTC
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for engine in chromium weasyprint; do
  echo "== $engine"
  if ! "$gongkai" pdf --engine "$engine" --content "$repo/Content" --templates "$repo/Templates" --output "$work/$engine"; then
    echo "FAIL gongkai pdf --engine $engine"
    status=1
    continue
  fi
  report="$work/$engine/hs-gdb/2023"
  grep -q 'href="report.pdf"' "$report/index.html" || { echo "FAIL the report page does not link its PDF"; status=1; }
  python3 "$here/pdf_layout.py" "$report/report.pdf" "$report/print/index.html" || status=1
  # The author is the department's name as the built page gives it, not a name spelled here.
  author=$(sed -n 's/.*<meta name="author" content="\([^"]*\)">.*/\1/p' "$report/print/index.html")
  pdfinfo "$report/report.pdf" | grep -q "^Author: *$author\$" || { echo "FAIL the PDF's author is not '$author'"; status=1; }
done
exit $status
