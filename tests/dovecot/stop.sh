#!/usr/bin/env bash
# Copied from the verified recipe (shared/recipes/dovecot-stop.sh).
# Stop a Dovecot started by dovecot-start.sh DIR. Idempotent: exits 0 if not running.
# Usage: dovecot-stop.sh DIR
set -euo pipefail
if [ "$#" -ne 1 ]; then
  echo "usage: $0 DIR" >&2
  exit 2
fi
DIR=$1
PIDFILE=$DIR/run/master.pid
[ -s "$PIDFILE" ] || exit 0
PID=$(cat "$PIDFILE")
if ! kill -0 "$PID" 2>/dev/null; then
  rm -f "$PIDFILE"
  exit 0
fi
kill -TERM "$PID"
# The master waits for its children; give it up to 10 s, then SIGKILL it.
for _ in $(seq 1 100); do
  kill -0 "$PID" 2>/dev/null || { rm -f "$PIDFILE"; exit 0; }
  sleep 0.1
done
echo "dovecot master $PID still alive after 10s, sending SIGKILL" >&2
kill -KILL "$PID" 2>/dev/null || true
rm -f "$PIDFILE"
