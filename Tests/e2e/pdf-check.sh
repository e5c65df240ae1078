#!/usr/bin/env bash
# End-to-end: prints the sample report with each PDF engine through `gongkai pdf` and reads the PDFs back.
set -euo pipefail
gongkai=${1:?usage: pdf-check.sh PATH-TO-GONGKAI}
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
title=$(sed -n 's/^title: //p' "$repo/Content/orgs/hs-gdb/2023.md" | head -1)
status=0
for engine in chromium weasyprint; do
  echo "== $engine"
  "$gongkai" pdf --engine "$engine" --content "$repo/Content" --templates "$repo/Templates" --output "$work/$engine"
  grep -q 'href="report.pdf"' "$work/$engine/hs-gdb/2023/index.html" || { echo "FAIL the report page does not link its PDF"; status=1; }
  python3 "$here/pdf_layout.py" "$work/$engine/hs-gdb/2023/report.pdf" "$title" || status=1
  pdfinfo "$work/$engine/hs-gdb/2023/report.pdf" | grep -q "^Author: *黄石市国防动员办公室" || { echo "FAIL no author"; status=1; }
done
exit $status
