#!/usr/bin/env bash
# trunk, building the wasm with the standard library compiled for size: every command that
# builds the site goes through here (serve, test, bench).
#
# The prebuilt standard library for wasm32 is compiled for speed (opt-level 3) and carries the
# whole panic machinery: messages, their formatting, file and line of every check. leptos's book
# ("Optimizing WASM Binary Size") builds it from source instead, with panics that abort at
# once; on this app that is 37 KiB of the download gzipped (README, "Sizes"). A panic is a
# bug here either way (no input may reach one), and it ended the page with or without its
# message. Cargo's build-std is not stable yet: RUSTC_BOOTSTRAP lets the pinned stable
# toolchain use it, with the standard library's sources of that same toolchain (rust-src,
# installed by scripts/setup.sh). Clippy and the native tests build as usual.
set -euo pipefail
export RUSTC_BOOTSTRAP=1
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
# The standard library's own small-code variants (sorts, formatting).
export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
# Cargo adds these to the target's rustflags of .cargo/config.toml. No panic location either:
# nothing is left to print it.
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none"
exec trunk "$@"
