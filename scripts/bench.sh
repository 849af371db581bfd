#!/usr/bin/env bash
# make bench: runs every bench/*.bench.ts; each prints its figures next to a ceiling measured
# in the same run. Not pass/fail. A broker this script started is stopped again.
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
for b in bench/*.bench.ts; do
  echo "== $b"
  node "${node_flags[@]}" "$b"
done
