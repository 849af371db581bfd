#!/usr/bin/env bash
# make test: install what is missing, make sure a broker is up, then lint, type-check and run
# every test (unit, integration, end to end). A broker this script started is stopped again.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$root"
tools_path="$(scripts/bootstrap.sh)"
eval "$tools_path"

started_kafka=0
if [ -z "${KAFKA_BROKERS:-}" ] && ! infra/kafka/kafka.sh status >/dev/null 2>&1; then
  infra/kafka/kafka.sh start
  started_kafka=1
fi
cleanup() { if [ "$started_kafka" = 1 ]; then infra/kafka/kafka.sh stop; fi; }
trap cleanup EXIT

echo "== lint"; pnpm run --silent lint
echo "== typecheck"; pnpm run --silent typecheck
echo "== tests"; NODE_OPTIONS="${NODE_OPTIONS:-} --disable-warning=TimeoutNegativeWarning" pnpm exec vitest run
