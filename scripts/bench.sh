#!/usr/bin/env bash
# The benchmark: builds the release site, generates the 25k and 100k datasets (seeded, so the
# same every time), serves everything on 127.0.0.1 and measures the map in headless Chromium.
# Prints medians; see tests/bench/map.rs for what each figure is. Then Lighthouse against the
# same build served by nginx (scripts/lighthouse.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
PARTNERMAP_NEED_BROWSER=1 PARTNERMAP_NEED_LIGHTHOUSE=1 ./scripts/setup.sh
cargo fetch --locked --quiet
./scripts/trunk.sh build --release
mkdir -p target/bench
for size in "2000 25000 25k" "10000 100000 100k"; do
  set -- $size
  [ -f "target/bench/bench-$3.json" ] ||
    cargo run --quiet --locked --bin partnermap -- generate --places "$1" --links "$2" --seed 7 --out "target/bench/bench-$3.json"
done
cargo bench --locked --bench map
./scripts/lighthouse.sh
