#!/usr/bin/env bash
# Installs the Debian packages named as COMMAND=PACKAGE or PACKAGE, running `apt-get update` once and only when
# something is missing. Used by `make run`, `make test`, `make bench`.
# A package counts as present only when dpkg says `install ok installed`: a removed package keeps its
# configuration files and `dpkg -s` still succeeds for it (status `deinstall ok config-files`). For COMMAND=PACKAGE
# the command must also be on PATH.
set -euo pipefail

missing=()
for spec in "$@"; do
  command=${spec%%=*}
  package=${spec#*=}
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  if [ "$status" != "install ok installed" ]; then
    missing+=("$package")
  elif [[ "$spec" == *=* ]] && ! command -v "$command" >/dev/null 2>&1; then
    missing+=("$package")
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
