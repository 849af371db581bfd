# Shared by start.sh, stop.sh and test.sh.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
run_dir="$root/.data/run"
services=(ingest classifier followup analytics)
# Node 24 warns about a negative timer kafkajs sets; it is harmless and would clutter the logs.
node_flags=(--disable-warning=TimeoutNegativeWarning)

port_of() {
  case "$1" in
    ingest) echo "${INGEST_PORT:-8080}" ;;
    followup) echo "${FOLLOWUP_PORT:-8081}" ;;
    analytics) echo "${ANALYTICS_PORT:-8082}" ;;
    classifier) echo "${CLASSIFIER_PORT:-8083}" ;;
  esac
}

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

# Starts the local broker unless KAFKA_BROKERS points elsewhere; remembers that it did.
ensure_kafka() {
  if [ -n "${KAFKA_BROKERS:-}" ]; then
    echo "kafka: using KAFKA_BROKERS=$KAFKA_BROKERS" >&2
    return
  fi
  mkdir -p "$run_dir"
  if ! "$root/infra/kafka/kafka.sh" status >/dev/null 2>&1; then
    "$root/infra/kafka/kafka.sh" start
    touch "$run_dir/kafka.started-by-us"
  fi
}

# For one command's run (test, bench): start the local broker if none answers and
# KAFKA_BROKERS is unset, and stop it again when the command exits.
kafka_for_this_run() {
  started_kafka=0
  if [ -z "${KAFKA_BROKERS:-}" ] && ! "$root/infra/kafka/kafka.sh" status >/dev/null 2>&1; then
    "$root/infra/kafka/kafka.sh" start
    started_kafka=1
  fi
  trap 'if [ "$started_kafka" = 1 ]; then "$root/infra/kafka/kafka.sh" stop; fi' EXIT
}
