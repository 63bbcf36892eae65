#!/usr/bin/env bash
# Runs the whole FireCommand test suite. As root on Debian it first installs and starts what the
# suite needs (PostgreSQL with PostGIS, Chromium, CJK fonts). Ends with one line:
#   N passed, N failed, N skipped
set -uo pipefail
cd "$(dirname "$0")"
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  bash scripts/install-test-deps.sh || exit 1
fi
# shellcheck source=scripts/start-test-services.sh
source scripts/start-test-services.sh

results="$(mktemp -d)"
log="$results/test.log"
dotnet test FireCommand.slnx -c Release "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# One closing line for the whole suite, summed over the test assemblies.
awk '
  /(Passed|Failed)! +- +Failed:/ {
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:")  { f += $(i+1) + 0 }
      if ($i == "Passed:")  { p += $(i+1) + 0 }
      if ($i == "Skipped:") { s += $(i+1) + 0 }
    }
    seen = 1
  }
  END { if (!seen) { print "0 passed, 0 failed, 0 skipped"; exit } ; printf "%d passed, %d failed, %d skipped\n", p, f, s }
' "$log" > "$results/summary"
rm -f "$log"
if [ "$status" -ne 0 ] && grep -q '^0 passed, 0 failed' "$results/summary"; then
  echo "0 passed, 1 failed, 0 skipped"   # the build or the runner failed before any test ran
else
  cat "$results/summary"
fi
rm -rf "$results"
exit "$status"
