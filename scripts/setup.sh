#!/usr/bin/env bash
# Installs everything the serve, test and bench commands need, on a fresh machine.
# Idempotent: every step checks the installed version first, so a second run takes seconds.
set -euo pipefail

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130   # must equal the `wasm-bindgen` pin in Cargo.toml
BINARYEN_VERSION=132           # wasm-opt; Debian's binaryen is too old for today's wasm
ESBUILD_VERSION=0.25.12        # minifies wasm-bindgen's JS glue (a Trunk.toml hook)
AXE_VERSION=4.14.1             # the accessibility check of the browser tests
LIGHTHOUSE_VERSION=12.2.3      # the benchmark's page-load figures (13.x wants Node 22)

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PATH"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The standard library's sources, to build it for size with the wasm (scripts/trunk.sh), and
# the crates it depends on, which cargo then finds offline as trunk builds.
sysroot="$(rustc --print sysroot)"
if [ ! -f "$sysroot/lib/rustlib/src/rust/library/Cargo.lock" ]; then
  say "adding the standard library's sources (rust-src)"
  rustup component add rust-src
fi
RUSTC_BOOTSTRAP=1 cargo fetch --quiet --manifest-path "$sysroot/lib/rustlib/src/rust/library/Cargo.toml"

if ! trunk --version 2>/dev/null | grep -q "trunk $TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (about 10 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q "wasm-bindgen $WASM_BINDGEN_VERSION"; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # Not --locked: the registry mirror lacks one of its locked dependencies.
  cargo install wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION"
fi

if ! wasm-opt --version 2>/dev/null | grep -q "version_$BINARYEN_VERSION"; then
  say "installing wasm-opt (npm binaryen@$BINARYEN_VERSION)"
  npm install --global --no-audit --no-fund "binaryen@$BINARYEN_VERSION" >/dev/null
fi

if ! esbuild --version 2>/dev/null | grep -qx "$ESBUILD_VERSION"; then
  say "installing esbuild $ESBUILD_VERSION (npm)"
  npm install --global --no-audit --no-fund "esbuild@$ESBUILD_VERSION" >/dev/null
fi

if [ "${PARTNERMAP_NEED_BROWSER:-0}" = 1 ]; then
  # Into the project's target/ (not committed), where tests/e2e_a11y.rs reads it.
  axe="$(dirname "$0")/../target/npm"
  if ! grep -qs "\"version\": \"$AXE_VERSION\"" "$axe/node_modules/axe-core/package.json"; then
    say "installing axe-core $AXE_VERSION (npm)"
    mkdir -p "$axe"
    npm install --prefix "$axe" --no-audit --no-fund --no-save "axe-core@$AXE_VERSION" >/dev/null
  fi
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "installing Debian's chromium and chromium-driver"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
fi

if [ "${PARTNERMAP_NEED_LIGHTHOUSE:-0}" = 1 ]; then
  npm_dir="$(dirname "$0")/../target/lighthouse"   # apart from axe: npm prunes what it did not install
  if ! grep -qs "\"version\": \"$LIGHTHOUSE_VERSION\"" "$npm_dir/node_modules/lighthouse/package.json"; then
    say "installing lighthouse $LIGHTHOUSE_VERSION (npm)"
    mkdir -p "$npm_dir"
    npm install --prefix "$npm_dir" --no-audit --no-fund --no-save "lighthouse@$LIGHTHOUSE_VERSION" >/dev/null
  fi
  if ! command -v nginx >/dev/null; then
    say "installing Debian's nginx"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq nginx >/dev/null
  fi
fi

say "toolchain ready"
