#!/usr/bin/env bash
# make bench: runs every bench/*.bench.ts; each prints its figures next to a ceiling measured
# in the same run. Not pass/fail. A broker this script started is stopped again.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$root"
tools_path="$(scripts/bootstrap.sh)"
eval "$tools_path"
kafka_for_this_run

for b in bench/*.bench.ts; do
  echo "== $b"
  node "${node_flags[@]}" "$b"
done
