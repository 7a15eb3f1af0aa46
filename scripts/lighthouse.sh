#!/usr/bin/env bash
# Lighthouse 12.2.3 (mobile preset: simulated slow 4G, 4x CPU slowdown) against the built site
# in dist/, served by nginx with gzip and the precompressed files, as a real host serves it.
# Prints the median of RUNS runs (default 3). Called by scripts/bench.sh after the build.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${RUNS:-3}"
PORT="${PORT:-8090}"
npm_dir="$PWD/target/lighthouse"
dist="$PWD/dist"
tmp="$(mktemp -d)"
trap 'nginx -c "$tmp/nginx.conf" -s stop 2>/dev/null || true; rm -rf "$tmp"' EXIT

cat >"$tmp/nginx.conf" <<CONF
daemon on;
pid $tmp/nginx.pid;
error_log $tmp/error.log;
events {}
http {
  include /etc/nginx/mime.types;
  access_log off;
  client_body_temp_path $tmp/body;
  proxy_temp_path $tmp/proxy;
  fastcgi_temp_path $tmp/fastcgi;
  uwsgi_temp_path $tmp/uwsgi;
  scgi_temp_path $tmp/scgi;
  gzip on;
  gzip_static on;
  gzip_types application/json application/wasm application/javascript text/css image/svg+xml;
  server {
    listen 127.0.0.1:$PORT;
    root $dist;
    # trunk's hashed files never change under their name.
    location ~* "-[0-9a-f]{16}(_bg)?\.(wasm|js|css)\$" {
      add_header Cache-Control "public, max-age=31536000, immutable";
    }
  }
}
CONF
nginx -c "$tmp/nginx.conf"

for i in $(seq "$RUNS"); do
  CHROME_PATH=/usr/bin/chromium "$npm_dir/node_modules/.bin/lighthouse" "http://127.0.0.1:$PORT/" \
    --chrome-flags="--headless --no-sandbox --disable-gpu" --only-categories=performance \
    --output=json --output-path="$tmp/run-$i.json" --quiet
done

node - "$tmp" "$RUNS" <<'JS'
const [dir, runs] = process.argv.slice(2);
const reports = [...Array(Number(runs)).keys()].map((i) => require(`${dir}/run-${i + 1}.json`));
const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const audit = (name) => median(reports.map((r) => r.audits[name].numericValue));
const score = median(reports.map((r) => Math.round(r.categories.performance.score * 100)));
console.log(
  `lighthouse 12.2.3 mobile (nginx, gzip), median of ${runs}: performance ${score}, ` +
    `FCP ${(audit("first-contentful-paint") / 1000).toFixed(1)} s, ` +
    `LCP ${(audit("largest-contentful-paint") / 1000).toFixed(1)} s, ` +
    `TBT ${audit("total-blocking-time").toFixed(0)} ms, ` +
    `CLS ${audit("cumulative-layout-shift").toFixed(3)}`,
);
JS
