#!/usr/bin/env bash
# Usage: scripts/services.sh [postgres] [redis]
# Makes sure the services the test suite talks to run on loopback: uses them when they run,
# starts them when they are installed, installs them with apt-get when they are not.
set -euo pipefail

log() { echo "services: $*" >&2; }

apt_install() {
  if [[ $(id -u) -ne 0 ]]; then
    log "need root (or sudo) to install $*"; exit 1
  fi
  if [[ -z "${APT_UPDATED:-}" ]]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

wait_for() {
  local what="$1"; shift
  for _ in $(seq 1 60); do
    if "$@" >/dev/null 2>&1; then log "$what is up"; return 0; fi
    sleep 1
  done
  log "$what did not come up"; exit 1
}

postgres_up() { pg_isready -q -h 127.0.0.1 -p 5432; }

ensure_postgres() {
  command -v pg_isready >/dev/null || apt_install postgresql postgresql-contrib
  postgres_up && { log "PostgreSQL is running"; return; }
  local version
  version="$(ls /etc/postgresql 2>/dev/null | sort -V | tail -1)"
  [[ -n "$version" ]] || { apt_install postgresql postgresql-contrib; version="$(ls /etc/postgresql | sort -V | tail -1)"; }
  log "starting PostgreSQL $version"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  wait_for PostgreSQL postgres_up
}

# The suite's own role and database, with a password so it works under trust and scram-sha-256 alike.
ensure_test_database() {
  local psql=(psql -v ON_ERROR_STOP=1 -qAt -h 127.0.0.1 -U postgres)
  if ! "${psql[@]}" -c 'select 1' >/dev/null 2>&1; then
    psql=(runuser -u postgres -- psql -v ON_ERROR_STOP=1 -qAt)
  fi
  "${psql[@]}" -c "DO \$\$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'emporium') THEN
        CREATE ROLE emporium LOGIN PASSWORD 'emporium' CREATEDB;
      END IF; END \$\$;"
  if [[ -z "$("${psql[@]}" -c "SELECT 1 FROM pg_database WHERE datname = 'emporium_test'")" ]]; then
    "${psql[@]}" -c "CREATE DATABASE emporium_test OWNER emporium"
    log "created database emporium_test"
  fi
}

redis_up() { [[ "$(redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null)" == "PONG" ]]; }

# The shared rate-limit buckets' store; the suite's Redis tests use it on loopback, without persistence.
ensure_redis() {
  command -v redis-server >/dev/null && command -v redis-cli >/dev/null || apt_install redis-server
  redis_up && { log "Redis is running"; return; }
  log "starting Redis"
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no >/dev/null
  wait_for Redis redis_up
}

# With no argument, everything the test suite needs; otherwise only the services named (postgres, redis).
if [[ $# -eq 0 ]]; then
  set -- postgres redis
fi
for service in "$@"; do
  case "$service" in
    postgres) ensure_postgres; ensure_test_database ;;
    redis) ensure_redis ;;
    *) log "unknown service $service"; exit 2 ;;
  esac
done
