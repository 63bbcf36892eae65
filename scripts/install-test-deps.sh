#!/usr/bin/env bash
# Installs the Debian packages the test suite uses, when missing. Needs root; idempotent.
set -euo pipefail
packages=(postgresql-15 postgresql-15-postgis-3 chromium fonts-noto-cjk mosquitto)
command -v npm >/dev/null || packages+=(nodejs npm)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
