#!/usr/bin/env bash
# Starts the services the integration tests use and exports where they are. Source it.
# PostgreSQL: the Debian cluster 15/main on 127.0.0.1:5432 with a superuser role for the tests,
# which create and drop their own databases (the role needs CREATE EXTENSION postgis).
if [ -z "${FIRECOMMAND_TEST_POSTGRES:-}" ] && command -v pg_ctlcluster >/dev/null && [ "$(id -u)" = 0 ]; then
  if ! pg_lsclusters -h 2>/dev/null | grep -q '^15 *main'; then
    pg_createcluster 15 main >/dev/null
  fi
  if ! pg_lsclusters -h | grep -q '^15 *main .*online'; then
    pg_ctlcluster 15 main start
  fi
  for _ in $(seq 1 30); do
    su postgres -c "psql -qtAc 'select 1'" >/dev/null 2>&1 && break
    sleep 1
  done
  su postgres -c "psql -qtAc \"DO \\\$\\\$BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'firecommand_test') THEN
      CREATE ROLE firecommand_test LOGIN SUPERUSER PASSWORD 'firecommand_test';
    END IF; END\\\$\\\$;\"" >/dev/null
  export FIRECOMMAND_TEST_POSTGRES="Host=127.0.0.1;Port=5432;Username=firecommand_test;Password=firecommand_test;Database=postgres"
fi

# Mosquitto: a broker of the tests' own on a loopback port, with a password file and an ACL that the
# MQTT tests rewrite and reload (SIGHUP). Never the system's broker or its configuration.
# FIRECOMMAND_TEST_MQTT is host:port; FIRECOMMAND_TEST_MQTT_DIR holds mosquitto.conf, passwd, acl and
# mosquitto.pid. A broker left running by an earlier call is reused.
if [ -z "${FIRECOMMAND_TEST_MQTT:-}" ] && command -v mosquitto >/dev/null 2>&1; then
  _fc_mqtt_port="${FIRECOMMAND_TEST_MQTT_PORT:-18830}"
  _fc_mqtt_dir="${TMPDIR:-/tmp}/firecommand-test-mosquitto-$(id -u)"
  mkdir -p "$_fc_mqtt_dir"
  # Mosquitto started as root drops to the mosquitto user, which must still read these files.
  chmod 755 "$_fc_mqtt_dir"
  if ! { [ -f "$_fc_mqtt_dir/mosquitto.pid" ] && kill -0 "$(cat "$_fc_mqtt_dir/mosquitto.pid")" 2>/dev/null; }; then
    : > "$_fc_mqtt_dir/passwd"
    : > "$_fc_mqtt_dir/acl"
    chmod 644 "$_fc_mqtt_dir/passwd" "$_fc_mqtt_dir/acl"
    cat > "$_fc_mqtt_dir/mosquitto.conf" <<CONF
listener $_fc_mqtt_port 127.0.0.1
allow_anonymous false
password_file $_fc_mqtt_dir/passwd
acl_file $_fc_mqtt_dir/acl
use_username_as_clientid false
persistence false
max_inflight_messages 0
max_queued_messages 100000
log_dest stderr
log_type error
log_type warning
CONF
    mosquitto -c "$_fc_mqtt_dir/mosquitto.conf" 2>"$_fc_mqtt_dir/mosquitto.log" &
    echo $! > "$_fc_mqtt_dir/mosquitto.pid"
    disown 2>/dev/null || true
    for _ in $(seq 1 50); do
      (exec 3<>"/dev/tcp/127.0.0.1/$_fc_mqtt_port") 2>/dev/null && break
      sleep 0.1
    done
  fi
  export FIRECOMMAND_TEST_MQTT="127.0.0.1:$_fc_mqtt_port"
  export FIRECOMMAND_TEST_MQTT_DIR="$_fc_mqtt_dir"
  unset _fc_mqtt_port _fc_mqtt_dir
fi
