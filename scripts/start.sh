#!/usr/bin/env bash
# make start: install what is missing, start Kafka (unless KAFKA_BROKERS), the four services
# with the demo tenant, wait until each is ready, and print where to go.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$root"
tools_path="$(scripts/bootstrap.sh)"
eval "$tools_path"
ensure_kafka
mkdir -p "$run_dir"

for s in "${services[@]}"; do
  if alive "$run_dir/$s.pid"; then echo "$s: already running (pid $(cat "$run_dir/$s.pid"))"; continue; fi
  nohup node "${node_flags[@]}" "services/$s/src/main.ts" >"$run_dir/$s.log" 2>&1 &
  echo $! >"$run_dir/$s.pid"
done

deadline=$((SECONDS + 90))
for s in "${services[@]}"; do
  port="$(port_of "$s")"
  until curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; do
    if ! alive "$run_dir/$s.pid"; then
      echo "$s exited; last lines of $run_dir/$s.log:" >&2; tail -n 20 "$run_dir/$s.log" >&2; exit 1
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then echo "$s not ready after 90 s (see $run_dir/$s.log)" >&2; exit 1; fi
    sleep 0.5
  done
done

cat <<TXT

closeloop is running (demo tenant "demo"). Logs: .data/run/<service>.log   Stop: make stop

  intake API     http://127.0.0.1:$(port_of ingest)/v1/feedback      key: demo-source-key
  owner API      http://127.0.0.1:$(port_of followup)/v1/followups     tokens: demo-owner-alice | -bob | -carol
  analytics API  http://127.0.0.1:$(port_of analytics)/v1/feedback/{id} key: demo-analyst-key
  classifier     http://127.0.0.1:$(port_of classifier)/metrics

Post a complaint, then read it back classified and assigned:

  id=\$(curl -s http://127.0.0.1:$(port_of ingest)/v1/feedback \\
    -H 'Authorization: Bearer demo-source-key' -H 'Content-Type: application/json' \\
    -d '{"text":"My order came broken and nobody called back.","customer":{"id":"c-42","name":"Ana","email":"ana@example.com"},"channel":"web"}' \\
    | sed -E 's/.*"id":"([^"]+)".*/\1/')
  sleep 2; curl -s http://127.0.0.1:$(port_of analytics)/v1/feedback/\$id -H 'Authorization: Bearer demo-analyst-key'

TXT
