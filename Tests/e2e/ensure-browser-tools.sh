#!/usr/bin/env bash
# Installs what the browser audit needs besides the Debian packages (chromium, chromium-driver, a Java runtime for
# the validator, python3-venv): the Python tools of browser-requirements.txt into their own virtual environment
# (.build/browser-tools/venv: nothing is installed into the system's Python, which Debian 12 refuses anyway, PEP 668),
# and axe-core 4.10 into .build/browser-tools/.
# axe-core comes from the axe-selenium-python 3.0 wheel, which ships it: that package wants Python 3.12 while Debian
# 12 has 3.11 (pip would pick its 2.1.6, with axe-core 3.1, too old for the WCAG 2.1 rules), so the wheel is fetched
# without installing it and only its axe.min.js is used; browser_audit.py drives it through selenium itself.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
tools="$repo/.build/browser-tools"

venv="$tools/venv"
if [ ! -x "$venv/bin/python" ]; then
  mkdir -p "$tools"
  python3 -m venv "$venv"
fi
if ! "$venv/bin/python" - "$here/browser-requirements.txt" <<'PY'
import sys
from importlib.metadata import version, PackageNotFoundError
for line in open(sys.argv[1]):
    line = line.split("#")[0].strip()
    if not line:
        continue
    name, wanted = line.split("==")
    try:
        if version(name) != wanted:
            sys.exit(1)
    except PackageNotFoundError:
        sys.exit(1)
PY
then
  echo "installing the browser audit's Python tools"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$here/browser-requirements.txt"
fi

if [ ! -f "$tools/axe.min.js" ]; then
  mkdir -p "$tools"
  python3 -m pip download --quiet --disable-pip-version-check --no-deps --only-binary=:all: --python-version 3.12 \
    --dest "$tools" "axe-selenium-python==3.0.0"
  python3 - "$tools" <<'PY'
import glob, sys, zipfile
tools = sys.argv[1]
wheel = zipfile.ZipFile(glob.glob(tools + "/axe_selenium_python-3.0.0-*.whl")[0])
source = wheel.read("axe_selenium_python/node_modules/axe-core/axe.min.js")
assert source.startswith(b"/*! axe v4.10"), source[:40]
open(tools + "/axe.min.js", "wb").write(source)
PY
fi
