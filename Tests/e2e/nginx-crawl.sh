#!/usr/bin/env bash
# End-to-end: builds the sample portal with the gongkai binary, serves it with a real nginx on 127.0.0.1
# (its own config in a temporary folder), crawls it from / and stops nginx again, whatever happens.
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
chmod -R a+rX "$work/site"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mkdir -p "$work/tmp"
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
    listen 127.0.0.1:$port;
    root $work/site;
    index index.html;
    error_page 404 /404.html;
  }
}
CONF
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
"$nginx_bin" -p "$work" -c "$work/nginx.conf" -e "$work/error.log"
for _ in $(seq 50); do
  python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 0.2)" 2>/dev/null && break
  sleep 0.1
done
python3 "$here/crawl.py" "http://127.0.0.1:$port/"
