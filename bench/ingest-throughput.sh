#!/usr/bin/env bash
# Device ingest benchmark against the real built host (SQLite in a fresh folder, demo province, embedded
# MQTT broker and GB/T 26875.3 gateway on 127.0.0.1), rules evaluated and alarms persisted:
#   1. the MQTT load (QoS 1 publishers, a window of unacknowledged publishes each) through Mosquitto alone
#      to one QoS 1 subscriber: the broker's own ceiling;
#   2. the same load through the platform's embedded broker into the sink, stored messages/s read from
#      the database;
#   3. GB/T 26875.3 frames from one TCP connection per device, each with a window of unconfirmed frames:
#      stored frames/s, alarm decision latency (fault frame sent -> its confirm, sent after the commit
#      holding the alarm) and confirmed fire -> incident heard on a SignalR console.
# Usage: bench/ingest-throughput.sh [seconds=30] [gb_devices=1000] [mqtt_devices=200] [window=8]
#   (needs mosquitto; run from anywhere inside the repository)
# Prints key=value lines; paste the output into docs/benchmarks.md with the machine's state.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-30}"; gb="${2:-1000}"; mqtt="${3:-200}"; window="${4:-8}"
work="$(mktemp -d)"
broker=""
cleanup() { [ -n "$broker" ] && kill "$broker" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
# One descriptor per connection on each side, and then some.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# dotnet $(dotnet --version); mosquitto $(mosquitto -h 2>/dev/null | head -1 | awk '{print $3}'); $(git -C "$repo" rev-parse --short HEAD)"
for project in src/FireCommand.Web bench/FireCommand.Bench; do
  dotnet build -c Release "$repo/$project" -v quiet -nologo > "$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
done
web="$repo/src/FireCommand.Web/bin/Release/net10.0/firecommand.dll"
bench="$repo/bench/FireCommand.Bench/bin/Release/net10.0/FireCommand.Bench"
common=(--seconds "$seconds" --warmup 10 --window "$window" --mqtt-devices "$mqtt" --gb-devices "$gb")

echo "## Mosquitto alone: $mqtt QoS 1 publishers, window $window, one QoS 1 subscriber"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
printf 'listener %s 127.0.0.1\nallow_anonymous true\nmax_inflight_messages 0\nmax_queued_messages 1000000\n' "$port" > "$work/alone.conf"
mosquitto -c "$work/alone.conf" 2>"$work/alone.log" & broker=$!
sleep 0.5
"$bench" driver ingest --mosquitto "$port" "${common[@]}" | tee "$work/alone.out"
kill "$broker"; wait "$broker" 2>/dev/null || true; broker=""

echo "## platform: $mqtt MQTT devices, then $gb GB/T 26875.3 connections, window $window"
"$bench" driver ingest --web "$web" "${common[@]}" | tee "$work/platform.out" || echo "# the platform run failed, or acknowledged messages were not stored (exit $?)"

value() { sed -n "s/^$1=\([0-9.]*\).*/\1/p" "$2" | head -1; }
ceiling=$(value mosquitto_alone_msgs_per_s "$work/alone.out"); platform=$(value mqtt_msgs_per_s "$work/platform.out")
[ -n "$ceiling" ] && [ -n "$platform" ] && echo "mqtt_over_mosquitto_alone=$(awk -v a="$platform" -v b="$ceiling" 'BEGIN { printf "%.2f", a / b }')"
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
