#!/usr/bin/env bash
# make stop: stops the services `make start` started, then the local broker if it started it.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$root"
# Signal all at once (each stops in order internally), then wait for all.
for s in "${services[@]}"; do
  if alive "$run_dir/$s.pid"; then kill -TERM "$(cat "$run_dir/$s.pid")"; fi
done
for s in "${services[@]}"; do
  pidfile="$run_dir/$s.pid"
  if alive "$pidfile"; then
    for _ in $(seq 1 60); do alive "$pidfile" || break; sleep 0.25; done
    if alive "$pidfile"; then echo "$s: no clean stop in 15 s, killing" >&2; kill -KILL "$(cat "$pidfile")"; fi
  fi
  [ -f "$pidfile" ] && echo "$s: stopped"
  rm -f "$pidfile"
done
if [ -f "$run_dir/kafka.started-by-us" ]; then
  infra/kafka/kafka.sh stop
  rm -f "$run_dir/kafka.started-by-us"
fi
