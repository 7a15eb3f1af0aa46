#!/usr/bin/env bash
# Runs every test: formatting and lints, the native tests of the core and the data, and the
# end-to-end tests in headless Chromium against the release build. Installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n\033[1m[test]\033[0m %s\n' "$*"; }

PARTNERMAP_NEED_BROWSER=1 ./scripts/setup.sh
cargo fetch --locked --quiet

step "formatting"
cargo fmt --check

step "lints (native and wasm)"
cargo clippy --locked --all-targets --quiet -- -D warnings
cargo clippy --locked --target wasm32-unknown-unknown --lib --bin partnermap-web --bin partnermap-check --quiet -- -D warnings

step "the committed basemap is what the preparation step makes"
./scripts/prepare-basemap.sh --check

step "release build of the site"
./scripts/trunk.sh build --release

step "tests"
# One test at a time: the browser tests each start a Chromium, and this machine has two cores.
log=$(mktemp)
set +e
cargo test --locked --no-fail-fast --lib --bins --tests -- --test-threads=1 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
# One closing line for all the test binaries together.
awk '/^test result:/ { p += $4; f += $6 } END { printf "\nall tests: %d passed, %d failed\n", p, f }' "$log"
rm -f "$log"
exit "$status"
