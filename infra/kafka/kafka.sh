#!/usr/bin/env bash
# Runs a real single-node Apache Kafka broker (KRaft) from Maven Central jars, no Docker.
#   infra/kafka/kafka.sh start | stop | status
# Jars land in infra/kafka/libs (fetched once), data, pid file and log in .data/kafka.
# Needs Java 17+ and Maven. KAFKA_DATA_DIR moves its data; it listens on 127.0.0.1:9092 (controller 9093).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
libs="$here/libs"
data="${KAFKA_DATA_DIR:-$root/.data/kafka}"
pidfile="$data/kafka.pid"
logfile="$data/kafka.log"
props="$data/server.properties"
# Any fixed 22-character base64url id will do for a local cluster.
cluster_id="Y2xvc2Vsb29wLWxvY2FsMQ"
start_timeout_s=90

say() { echo "kafka: $*" >&2; }

running() { [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }

fetch_jars() {
  if [ -f "$libs/.complete" ]; then return; fi
  say "fetching broker jars from Maven Central (once)"
  command -v mvn >/dev/null || { say "Maven is needed (apt-get install maven)"; exit 1; }
  rm -rf "$libs"
  mvn -B -q -f "$here/pom.xml" dependency:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$libs" >&2
  touch "$libs/.complete"
}

# Asks the broker itself for its topics: only then is it really serving.
answers() {
  java -cp "$libs/*" -Dlog4j2.configurationFile="$here/log4j2.yaml" \
    org.apache.kafka.tools.TopicCommand --bootstrap-server 127.0.0.1:9092 --list \
    >/dev/null 2>&1
}

start() {
  if running; then say "already running (pid $(cat "$pidfile"))"; return; fi
  command -v java >/dev/null || { say "Java 17+ is needed"; exit 1; }
  fetch_jars
  mkdir -p "$data/logs"
  sed "s#^log.dirs=.*##" "$here/server.properties" > "$props"
  echo "log.dirs=$data/logs" >> "$props"
  if [ ! -f "$data/logs/meta.properties" ]; then
    java -cp "$libs/*" -Dlog4j2.configurationFile="$here/log4j2.yaml" kafka.tools.StorageTool \
      format -t "$cluster_id" -c "$props" --standalone --ignore-formatted >/dev/null
  fi
  # Keep the previous run's log: after a restart it is what explains what happened before.
  [ -f "$logfile" ] && mv -f "$logfile" "$logfile.1"
  say "starting broker on 127.0.0.1:9092 (log: $logfile)"
  nohup java -Xms256m -Xmx512m -XX:+UseG1GC -XX:MaxGCPauseMillis=20 \
    -Djava.awt.headless=true -Dlog4j2.configurationFile="$here/log4j2.yaml" \
    -cp "$libs/*" kafka.Kafka "$props" >"$logfile" 2>&1 &
  echo $! > "$pidfile"
  local waited=0
  until grep -q "Kafka Server started" "$logfile" 2>/dev/null && answers; do
    if ! running; then say "broker exited; last lines of $logfile:"; tail -20 "$logfile" >&2; exit 1; fi
    if [ "$waited" -ge "$start_timeout_s" ]; then say "not ready after ${start_timeout_s}s"; exit 1; fi
    sleep 1; waited=$((waited + 1))
  done
  say "ready (pid $(cat "$pidfile"))"
}

stop() {
  if ! running; then rm -f "$pidfile"; say "not running"; return; fi
  local pid; pid="$(cat "$pidfile")"
  kill -TERM "$pid"
  for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  if kill -0 "$pid" 2>/dev/null; then say "no clean stop in 30s, killing"; kill -KILL "$pid"; fi
  rm -f "$pidfile"
  say "stopped"
}

status() {
  if running && answers; then say "running (pid $(cat "$pidfile")), answering on 127.0.0.1:9092"
  elif running; then say "process up (pid $(cat "$pidfile")) but not answering"; exit 1
  else say "not running"; exit 3; fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
