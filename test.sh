#!/usr/bin/env bash
# Runs the whole FireCommand test suite. As root on Debian it first installs and starts what the
# suite needs (PostgreSQL with PostGIS, Chromium, CJK fonts). Lists every skipped test with its
# reason, then ends with one line:
#   N passed, N failed, N skipped
# With FIRECOMMAND_REQUIRE_ALL=1 (CI) a skip is a failure: the tests fail instead of skipping, and
# a skip that still got through makes the run fail.
set -uo pipefail
cd "$(dirname "$0")"
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  bash scripts/install-test-deps.sh || exit 1
fi
# shellcheck source=scripts/start-test-services.sh
source scripts/start-test-services.sh

results="$(mktemp -d)"
log="$results/test.log"
dotnet test FireCommand.slnx -c Release --logger "trx;LogFilePrefix=results" --results-directory "$results/trx" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Each skipped test with its reason, from the TRX reports (one per test assembly).
skips="$results/skips"
for trx in "$results"/trx/*.trx; do
  [ -e "$trx" ] || continue
  awk '
    function unescape(s) {
      gsub(/&lt;/, "<", s); gsub(/&gt;/, ">", s); gsub(/&quot;/, "\"", s); gsub(/&apos;/, "\047", s)
      gsub(/&#xD;|&#xA;/, " ", s); gsub(/&amp;/, "\\&", s)
      return s
    }
    /<UnitTestResult / {
      name = ""
      if ($0 ~ /outcome="NotExecuted"/ && match($0, /testName="[^"]*"/)) name = substr($0, RSTART + 10, RLENGTH - 11)
      if (name != "" && $0 ~ /\/>[ \t]*$/) { print "  " unescape(name) ": (no reason given)"; name = "" }
    }
    name != "" && /<Message>/ {
      line = $0; sub(/.*<Message>/, "", line); sub(/<\/Message>.*/, "", line)
      print "  " unescape(name) ": " unescape(line); name = ""
    }
    name != "" && /<\/UnitTestResult>/ { print "  " unescape(name) ": (no reason given)"; name = "" }
  ' "$trx"
done | sort > "$skips"
if [ -s "$skips" ]; then
  echo
  echo "Skipped tests and why:"
  cat "$skips"
  if [ "${FIRECOMMAND_REQUIRE_ALL:-}" = 1 ]; then
    echo "FIRECOMMAND_REQUIRE_ALL=1: a skipped test fails the run."
    [ "$status" -ne 0 ] || status=1
  fi
fi

# One closing line for the whole suite, summed over the test assemblies.
awk '
  /(Passed|Failed|Skipped)! +- +Failed:/ {
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
read -r passed _ failed _ skipped _ < "$results/summary"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # A test project that did not build (or a runner that died) has no test results of its own: it
  # counts as one failure, so the closing line never reads "0 failed" for a red run.
  echo "# a test project failed to build or its runner failed; see the log above"
  echo "$passed passed, 1 failed, $skipped skipped"
else
  cat "$results/summary"
fi
rm -rf "$results"
exit "$status"
