#!/usr/bin/env bash
# Regenerates public/basemap.json from Natural Earth 1:10m (npm world-atlas@2.0.2).
# With --check, regenerates into a temporary file and fails if the committed asset differs.
set -euo pipefail
cd "$(dirname "$0")/.."
npm_dir=.cache/npm
atlas="$npm_dir/node_modules/world-atlas"
if [ ! -f "$atlas/countries-10m.json" ]; then
  mkdir -p "$npm_dir"
  npm install --prefix "$npm_dir" --no-audit --no-fund --silent world-atlas@2.0.2
fi
if [ "${1:-}" = "--check" ]; then
  fresh=$(mktemp)
  cargo run --quiet --locked --bin partnermap -- prepare-basemap --world-atlas "$atlas" --out "$fresh" >/dev/null
  if cmp -s "$fresh" public/basemap.json; then
    echo "public/basemap.json is what scripts/prepare-basemap.sh makes"
  else
    echo "public/basemap.json differs from what scripts/prepare-basemap.sh makes: run it and commit the result" >&2
    exit 1
  fi
else
  cargo run --quiet --locked --release --bin partnermap -- prepare-basemap --world-atlas "$atlas"
fi
