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
