#!/usr/bin/env bash
# scripts/ensure-packages.sh against stand-ins for dpkg-query and apt-get: which packages does it take for missing?
# A removed package whose configuration files remain (`deinstall ok config-files`) must be installed again.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/bin"
# dpkg-query answers from a table: package, then its status; no line means dpkg has never heard of it.
cat > "$work/bin/dpkg-query" <<'STUB'
#!/usr/bin/env bash
package=${!#}
line=$(grep "^$package " "$STATUS_TABLE" || true)
[ -n "$line" ] || { echo "dpkg-query: no packages found matching $package" >&2; exit 1; }
printf '%s' "${line#* }"
STUB
cat > "$work/bin/apt-get" <<'STUB'
#!/usr/bin/env bash
echo "$*" >> "$APT_LOG"
STUB
cat > "$work/bin/id" <<'STUB'
#!/usr/bin/env bash
echo 0
STUB
cat > "$work/bin/present-tool" <<'STUB'
#!/usr/bin/env bash
STUB
chmod +x "$work/bin/"*
export STATUS_TABLE="$work/status" APT_LOG="$work/apt.log"
cat > "$STATUS_TABLE" <<TABLE
fonts-installed install ok installed
fonts-removed deinstall ok config-files
tool-package install ok installed
gone-tool-package install ok installed
TABLE

passed=0 failed=0
expect() {
  local name=$1 wanted=$2
  local got
  got=$(grep '^install ' "$APT_LOG" 2>/dev/null | sed 's/.*--no-install-recommends //' || true)
  if [ "$got" = "$wanted" ]; then passed=$((passed + 1)); echo "ok   $name"
  else failed=$((failed + 1)); echo "FAIL $name: installed '$got', expected '$wanted'"; fi
  rm -f "$APT_LOG"
}

PATH="$work/bin:$PATH" "$repo/scripts/ensure-packages.sh" fonts-installed present-tool=tool-package >/dev/null
expect "nothing is installed when everything is there" ""
PATH="$work/bin:$PATH" "$repo/scripts/ensure-packages.sh" fonts-removed fonts-installed >/dev/null
expect "a removed package with its configuration files left is installed again" "fonts-removed"
PATH="$work/bin:$PATH" "$repo/scripts/ensure-packages.sh" never-heard-of >/dev/null
expect "an unknown package is installed" "never-heard-of"
PATH="$work/bin:$PATH" "$repo/scripts/ensure-packages.sh" no-such-command-here=gone-tool-package >/dev/null
expect "a package whose command is missing is installed again" "gone-tool-package"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
