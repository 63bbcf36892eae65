#!/usr/bin/env bash
# MQTT ingest throughput: messages/s from QoS 1 publishers until the platform's sink has them, through
#   1. Mosquitto alone (publishers -> Mosquitto -> one QoS 1 subscriber): the broker's own ceiling;
#   2. the embedded broker (publishers -> platform);
#   3. Mosquitto and the platform's External ingest (publishers -> Mosquitto -> platform),
# and each platform path as a ratio of the ceiling. The platform paths count the sink's accepted
# messages (GET /api/sensing/mqtt/status), so they need a build in which a device-message sink is
# registered; without one they are reported as skipped.
# Each run starts its own Mosquitto and platform on 127.0.0.1 with fresh temporary folders and stops them.
# Usage: bench/mqtt-throughput.sh [messages=100000] [publishers=4]   (needs mosquitto, mosquitto-clients, curl, jq)
# Prints key=value lines; paste the output into docs/benchmarks.md with the machine's state.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
messages="${1:-100000}"; publishers="${2:-4}"
per=$(( messages / publishers )); messages=$(( per * publishers ))
work="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
now_ns() { date +%s%N; }
rate() { awk -v n="$1" -v ns="$2" 'BEGIN { printf "%.0f", n / (ns / 1e9) }'; }

echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# mosquitto $(mosquitto -h 2>/dev/null | head -1 | awk '{print $3}'); $(git -C "$repo" rev-parse --short HEAD); $messages messages from $publishers publishers, QoS 1"

# One telemetry payload per line, distinct ids, for publisher $1 (device id dev-$1).
payloads() { seq 1 "$per" | awk -v d="$1" '{ printf "{\"ts\":1796256900000,\"metric\":\"pressure_mpa\",\"value\":0.3,\"id\":\"%s-%d\"}\n", d, $1 }'; }
for i in $(seq 1 "$publishers"); do payloads "$i" > "$work/payload-$i"; done

# Publishes every line of every payload file; $1 port, $2 a function printing "user password" for device $i.
publish_all() {
  local port="$1" creds="$2" i
  local ps=()
  for i in $(seq 1 "$publishers"); do
    read -r user pass < <("$creds" "$i")
    mosquitto_pub -h 127.0.0.1 -p "$port" -q 1 -V mqttv5 -i "$user" ${pass:+-u "$user" -P "$pass"} \
      -t "fc/$user/telemetry" -l < "$work/payload-$i" &
    ps+=($!)
  done
  for p in "${ps[@]}"; do wait "$p"; done
}
anonymous() { echo "dev-$1"; }

# 1. Mosquitto alone.
port=$(free_port)
printf 'listener %s 127.0.0.1\nallow_anonymous true\nmax_inflight_messages 0\nmax_queued_messages 1000000\n' "$port" > "$work/alone.conf"
mosquitto -c "$work/alone.conf" 2>"$work/alone.log" & pids+=($!)
sleep 0.5
mosquitto_sub -h 127.0.0.1 -p "$port" -q 1 -V mqttv5 -t 'fc/+/telemetry' -C "$messages" > /dev/null & sub=$!
sleep 0.5
start=$(now_ns)
publish_all "$port" anonymous
wait "$sub"
ceiling=$(rate "$messages" $(( $(now_ns) - start )))
echo "mosquitto_alone_msgs_per_s=$ceiling"

# 2 and 3: the platform.
web="$repo/src/FireCommand.Web/bin/Release/net10.0/firecommand.dll"
dotnet build -c Release "$repo/src/FireCommand.Web" -v quiet -nologo > "$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
admin_password="Bench#$(date +%s)-x"

# Starts the platform with extra environment ($@), signs in as admin; sets $url and $platform.
start_platform() {
  local http; http=$(free_port); url="http://127.0.0.1:$http"
  mkdir -p "$work/data-$http"
  env ASPNETCORE_URLS="$url" Database__DataDirectory="$work/data-$http" Security__AdminPassword="$admin_password" \
    Security__KeysDirectory="$work/data-$http/keys" Demo__Enabled=true Demo__Simulate=false "$@" \
    dotnet "$web" > "$work/platform-$http.log" 2>&1 & platform=$!; pids+=($platform)
  for _ in $(seq 1 600); do curl -fs "$url/health" > /dev/null 2>&1 && break; kill -0 "$platform" 2>/dev/null || return 1; sleep 0.5; done
  jar="$work/cookies-$http"
  xsrf=$(curl -fs -c "$jar" -b "$jar" "$url/api/auth/antiforgery" | jq -r .token)
  curl -fs -c "$jar" -b "$jar" -H "X-XSRF-TOKEN: $xsrf" -H 'Content-Type: application/json' \
    -d "{\"userName\":\"admin\",\"password\":\"$admin_password\"}" "$url/api/auth/login" > /dev/null
  xsrf=$(curl -fs -c "$jar" -b "$jar" "$url/api/auth/antiforgery" | jq -r .token)
}
api() { curl -fs -c "$jar" -b "$jar" -H "X-XSRF-TOKEN: $xsrf" -H 'Content-Type: application/json' "$@"; }
accepted() { api "$url/api/sensing/mqtt/status" | jq -r .acceptedMessages; }
provision() {
  local root i; root=$(api "$url/api/jurisdictions" | jq -r '.[0].id')
  : > "$work/creds"
  for i in $(seq 1 "$publishers"); do
    echo "dev-$i $(api -X POST -d "{\"jurisdictionId\":$root}" "$url/api/sensing/mqtt/devices/dev-$i/credentials" | jq -r .password)" >> "$work/creds"
  done
}
provisioned() { sed -n "${1}p" "$work/creds"; }
# Publishes and waits until the sink has them all; prints the rate.
through_platform() {
  local port="$1" base start; base=$(accepted)
  start=$(now_ns)
  publish_all "$port" provisioned
  until [ "$(( $(accepted) - base ))" -ge "$messages" ]; do sleep 0.05; done
  rate "$messages" $(( $(now_ns) - start ))
}

mqtt_port=$(free_port)
if start_platform Sensing__Mqtt__Mode=Embedded Sensing__Mqtt__Embedded__Port="$mqtt_port"; then
  provision
  embedded=$(through_platform "$mqtt_port")
  echo "embedded_msgs_per_s=$embedded"
  echo "embedded_over_mosquitto_alone=$(awk -v a="$embedded" -v b="$ceiling" 'BEGIN { printf "%.2f", a / b }')"
  kill "$platform"; wait "$platform" 2>/dev/null || true
else
  echo "# embedded: skipped, the platform did not start (a device-message sink must be registered): $(grep -ho -m1 'Unable to resolve[^;]*' "$work"/platform-*.log | head -1)"
fi

# 3. Mosquitto with the devices' password file and ACL of docs/mqtt.md, and the External ingest.
port=$(free_port); ingest_password="ingest-$(date +%s%N)"
printf 'pattern write fc/%%u/telemetry\nuser fc-bench-ingest\ntopic read fc/+/telemetry\ntopic read fc/+/event\ntopic read fc/+/status\n' > "$work/acl"
: > "$work/passwd"; mosquitto_passwd -b "$work/passwd" fc-bench-ingest "$ingest_password"
chmod 755 "$work"; chmod 644 "$work/passwd" "$work/acl"
printf 'listener %s 127.0.0.1\nallow_anonymous false\npassword_file %s\nacl_file %s\nmax_inflight_messages 0\nmax_queued_messages 1000000\n' \
  "$port" "$work/passwd" "$work/acl" > "$work/external.conf"
mosquitto -c "$work/external.conf" 2>"$work/external.log" & broker=$!; pids+=($broker)
if start_platform Sensing__Mqtt__Mode=External Sensing__Mqtt__External__Port="$port" Sensing__Mqtt__External__UserName=fc-bench-ingest \
     Sensing__Mqtt__External__Password="$ingest_password" Sensing__Mqtt__External__ClientId="fc-bench-$$"; then
  provision
  { cat "$work/passwd"; api "$url/api/sensing/mqtt/mosquitto/passwd"; } > "$work/passwd.new" && mv "$work/passwd.new" "$work/passwd"
  chmod 644 "$work/passwd"; kill -HUP "$broker"; sleep 1
  external=$(through_platform "$port")
  echo "external_msgs_per_s=$external"
  echo "external_over_mosquitto_alone=$(awk -v a="$external" -v b="$ceiling" 'BEGIN { printf "%.2f", a / b }')"
else
  echo "# external: skipped, the platform did not start (a device-message sink must be registered)"
fi
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
