#!/usr/bin/env bash
# Installs the Debian packages named as COMMAND=PACKAGE or PACKAGE (a -dev package is checked with dpkg),
# running `apt-get update` once and only when something is missing. Used by `make run`, `make test`, `make bench`.
set -euo pipefail

missing=()
for spec in "$@"; do
  command=${spec%%=*}
  package=${spec#*=}
  if [[ "$spec" == *=* ]]; then
    command -v "$command" >/dev/null 2>&1 || missing+=("$package")
  else
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
  fi
done
((${#missing[@]})) || exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "need root or sudo to install: ${missing[*]}" >&2; exit 2; }
  sudo=sudo
fi
echo "installing: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
