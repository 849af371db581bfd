#!/usr/bin/env bash
# make stop: stops the services `make start` started, then the local broker if it started it.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$root"
for s in "${services[@]}"; do
  pidfile="$run_dir/$s.pid"
  if alive "$pidfile"; then
    kill -TERM "$(cat "$pidfile")"
    for _ in $(seq 1 40); do alive "$pidfile" || break; sleep 0.25; done
    if alive "$pidfile"; then echo "$s: no clean stop in 10 s, killing" >&2; kill -KILL "$(cat "$pidfile")"; fi
    echo "$s: stopped"
  fi
  rm -f "$pidfile"
done
if [ -f "$run_dir/kafka.started-by-us" ]; then
  infra/kafka/kafka.sh stop
  rm -f "$run_dir/kafka.started-by-us"
fi
