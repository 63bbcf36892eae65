#!/usr/bin/env bash
# Call-surge benchmark over the real HTTP API (SQLite, demo province, host and client on this machine):
#   1. closed loop: N clients back to back (alarm -> recommendation -> dispatch for a fraction), max throughput;
#   2. open loop: pairs started at a fixed rate; latency counted from each pair's scheduled start.
# Each run starts its own host on 127.0.0.1 with a fresh temporary data folder and stops it at the end.
# Usage: bench/load-dispatch.sh [clients=4] [seconds=30] [rate=50]   (run from anywhere inside the repository)
# Prints key=value lines; paste the output into docs/benchmarks.md with the machine's state.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
clients="${1:-4}"; seconds="${2:-30}"; rate="${3:-50}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# dotnet $(dotnet --version); $(git -C "$repo" rev-parse --short HEAD)"
for project in src/FireCommand.Web bench/FireCommand.Bench; do
  dotnet build -c Release "$repo/$project" -v quiet -nologo > "$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
done
web="$repo/src/FireCommand.Web/bin/Release/net10.0/firecommand.dll"
bench="$repo/bench/FireCommand.Bench/bin/Release/net10.0/FireCommand.Bench"

echo "## closed loop: $clients clients, ${seconds} s, 10% of pairs dispatch the first pick"
"$bench" driver load --web "$web" --mode closed --clients "$clients" --seconds "$seconds" --dispatch-fraction 0.1 \
  || echo "# more than 1% of the pairs failed (exit $?)"
echo "## open loop: $rate pairs/s for ${seconds} s, 10% of pairs dispatch the first pick"
"$bench" driver load --web "$web" --mode open --rate "$rate" --seconds "$seconds" --dispatch-fraction 0.1 \
  || echo "# more than 1% of the pairs failed (exit $?)"
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
