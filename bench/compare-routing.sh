#!/usr/bin/env bash
# Same-machine comparison of the FireCommand road engine with its peers on DIMACS NY:
#   1. the C reference (../shared/bench/dij.c, cc -O2): one-to-all and 100,000-unit bounded searches;
#   2. our driver with the same query counts, then per-query median/p99 of the dispatch queries;
#   3. graph memory against the raw CSR size and load-from-binary times for every shared graph;
#   4. pgRouting (pgr_dijkstraCost) on the same graph, when PostgreSQL with pgrouting is available:
#      identical travel times required, time per query compared.
# Usage: bench/compare-routing.sh [--no-pgrouting]   (run from anywhere inside the repository)
# Prints key=value lines and the ratios; paste the output into docs/benchmarks.md with the date.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="$(cd "$repo/../shared" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
started_pg=""

echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# $(cc --version | head -1); dotnet $(dotnet --version)"

gunzip -c "$shared/data/dimacs/USA-road-t.NY.gr.gz" > "$work/NY-t.gr"
cc -O2 -o "$work/dij" "$shared/bench/dij.c" 2>/dev/null
dotnet build -c Release "$repo/bench/FireCommand.Bench" -v quiet -nologo > "$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
bench="$repo/bench/FireCommand.Bench/bin/Release/net10.0/FireCommand.Bench"

avg() { sed -n 's/.*avg_ms=\([0-9.]*\).*/\1/p'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

echo "## one-to-all, 50 queries"
c_all=$("$work/dij" "$work/NY-t.gr"); echo "C:  $c_all"
o_all=$(cd "$repo" && "$bench" driver dij "$work/NY-t.gr"); echo "C#: $o_all"
echo "ratio_one_to_all (C#/C) = $(ratio "$(avg <<<"$o_all")" "$(avg <<<"$c_all")")"

echo "## bounded at 100000 units, 200 queries"
c_b=$("$work/dij" "$work/NY-t.gr" 100000 200); echo "C:  $c_b"
o_b=$(cd "$repo" && "$bench" driver dij "$work/NY-t.gr" 100000 200); echo "C#: $o_b"
echo "ratio_bounded (C#/C) = $(ratio "$(avg <<<"$o_b")" "$(avg <<<"$c_b")")"

echo "## dispatch query latency (raw per-query samples)"
(cd "$repo" && "$bench" driver latency 1000)

echo "## footprint and load-from-binary"
(cd "$repo" && "$bench" driver footprint)

if [[ "${1:-}" == "--no-pgrouting" ]]; then exit 0; fi
if ! command -v pg_lsclusters > /dev/null || [[ ! -f /usr/share/postgresql/15/extension/pgrouting.control ]]; then
  echo "## pgRouting: skipped (install postgresql-15-pgrouting to compare)"; exit 0
fi
if ! pg_lsclusters -h | grep -q '^15 *main .*online'; then
  pg_ctlcluster 15 main start && started_pg=1
fi
# A database and role of its own: the benchmark never touches other databases on the same cluster.
runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 <<'SQL'
SELECT 'CREATE ROLE firecommand_bench LOGIN PASSWORD ''firecommand_bench'''
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'firecommand_bench')\gexec
SELECT 'CREATE DATABASE firecommand_bench OWNER firecommand_bench'
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'firecommand_bench')\gexec
SQL
runuser -u postgres -- psql -q -d firecommand_bench -c "CREATE EXTENSION IF NOT EXISTS pgrouting CASCADE" > /dev/null
port=$(pg_lsclusters -h | awk '$1 == 15 && $2 == "main" { print $3 }')
echo "## pgRouting $(runuser -u postgres -- psql -tA -d firecommand_bench -c 'SELECT pgr_version()'), pgr_dijkstraCost 300 units -> incident"
(cd "$repo" && "$bench" driver pgrouting "Host=127.0.0.1;Port=$port;Username=firecommand_bench;Password=firecommand_bench;Database=firecommand_bench;Command Timeout=600" 20)
if [[ -n "$started_pg" ]]; then pg_ctlcluster 15 main stop; fi
