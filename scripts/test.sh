#!/usr/bin/env bash
# make test: install what is missing, make sure a broker is up, then lint, type-check and run
# every test (unit, integration, end to end). A broker this script started is stopped again.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$root"
tools_path="$(scripts/bootstrap.sh)"
eval "$tools_path"
kafka_for_this_run

echo "== lint"; pnpm run --silent lint
echo "== typecheck"; pnpm run --silent typecheck
echo "== tests"; NODE_OPTIONS="${NODE_OPTIONS:-} --disable-warning=TimeoutNegativeWarning" pnpm exec vitest run
