#!/usr/bin/env bash
# Serves the map on http://127.0.0.1:8080/ (PORT=… for another port), after installing
# whatever the build needs. Rebuilds and reloads when the source changes.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
cargo fetch --locked --quiet
exec ./scripts/trunk.sh serve --release --address 127.0.0.1 --port "${PORT:-8080}"
