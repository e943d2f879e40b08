#!/usr/bin/env bash
# Emporium's benchmark harness, run through `./emporium bench` (which builds the jar, prepares the start-up
# cache and exports JAVA_HOME first). It:
#   - seeds a demo catalog (`./emporium seed`) into an embedded database of its own (never ./data), then starts
#     Emporium on it with `./emporium run` and picks the catalog's targets (a product, a leaf category, a word),
#   - starts nginx serving the very bytes Emporium answers at /api/data, as a reference ceiling for this machine,
#   - measures a bare Spring Boot application (scripts/bare-spring-boot) answering the same bytes: what the framework
#     alone reaches beside nginx, before any of Emporium's filters,
#   - measures every scenario below with wrk (warm-up, then measured run), nginx with the same parameters,
#   - measures the PACED scenarios again at half the req/s wrk reached, with wrk sending at evenly spaced times
#     (scripts/bench-paced.lua: latency counted from when each request was due),
#   - samples the Java process's peak resident memory during the measured runs,
#   - restarts Emporium on the now warm database to time start-up, and checks both shutdowns are graceful,
#   - prints a table and writes it to target/bench/results.txt (logs and wrk outputs are next to it).
#
# Adding a scenario is one line in SCENARIOS: "config|name|method|path|headers|body"
#   config   how Emporium runs for it, a name from CONFIGS below (consecutive scenarios with the same config share
#            one running Emporium; a change of config restarts it on the same database)
#   headers  zero or more "Name: value", separated by ";;"; $BENCH_TOKEN is a fresh customer's access token; a value
#            of exactly $BENCH_CLIENT_ADDRESS becomes the next of 10,000 addresses on each request
#   body     the request body verbatim, or @file (relative to the repository root) to read it from a file
#   Path, headers and body may name the seeded catalog's targets: $BENCH_PRODUCT_ID (a published product),
#   $BENCH_CATEGORY (a leaf category's slug) and $BENCH_SEARCH (a word that finds products).
#   Only the body may contain "|" (it is the last field). Each scenario becomes a small wrk Lua script
#   (target/bench/wrk/*.lua) setting method, headers and body. Examples:
#   'local|GET /api/data as a user|GET|/api/data|Authorization: Bearer $BENCH_TOKEN|'   (single quotes: expanded later)
#   "local|create product|POST|/api/v1/products|Content-Type: application/json|{\"name\":\"Mug\",\"price\":12}"
#
# Settings (environment):
#   BENCH_DURATION=15  BENCH_WARMUP=20  (seconds; the JIT of 2 shared cores needs the longer warm-up)   BENCH_CONNECTIONS=64  BENCH_THREADS=2
#   BENCH_FRESH_WARMUP=150 (seconds: the warm-up of a newly started Emporium, by all its scenarios at once, and of the checkout, whose
#            code paths are cold too; on a slow machine the JIT compiles for minutes, and a row measured on a fresh instance
#            would otherwise pay for it where the rows of a long-running one do not: an authenticated GET with Redis limits
#            measured 7,900 req/s after 60 s of warm-up on a fresh instance and 10,200 once it had run 50 s longer)
#   BENCH_HTTP_PORT=18080  BENCH_MANAGEMENT_PORT=18081  BENCH_NGINX_PORT=18082  BENCH_BARE_PORT=18083
#            (the next free port is used if busy)
#   BENCH_STARTUP_TIMEOUT=180 (seconds to wait for Emporium to become ready)   BENCH_PRODUCTS=100000 (seeded)
set -euo pipefail

SCENARIOS=(
  "local|GET /api/data|GET|/api/data||"
  'local|JWT GET, local limits|GET|/api/v1/auth/whoami|Authorization: Bearer $BENCH_TOKEN|'
  'local|product by id|GET|/api/v1/products/$BENCH_PRODUCT_ID||'
  'local|category page of 20|GET|/api/v1/products?category=$BENCH_CATEGORY&limit=20||'
  'local|search|GET|/api/v1/products?q=$BENCH_SEARCH||'
  'local|GET /api/data from 10,000 addresses|GET|/api/data|X-Forwarded-For: $BENCH_CLIENT_ADDRESS|'
  'local|GraphQL page of 20|POST|/graphql|Content-Type: application/json|{"query":"{ products(filter: {category: \"$BENCH_CATEGORY\"}, first: 20) { edges { node { id slug title brand priceFrom { amount currency } variants { sku price { amount } } images { url } } } pageInfo { hasNextPage endCursor } } }"}'
  'uncached|category page of 20, uncached|GET|/api/v1/products?category=$BENCH_CATEGORY&limit=20||'
  'uncached|search, uncached|GET|/api/v1/products?q=$BENCH_SEARCH||'
  'redis|JWT GET, Redis limits|GET|/api/v1/auth/whoami|Authorization: Bearer $BENCH_TOKEN|'
  'redis|GET /api/data from 10,000 addresses, Redis limits|GET|/api/data|X-Forwarded-For: $BENCH_CLIENT_ADDRESS|'
  'unlimited|JWT GET, no limits|GET|/api/v1/auth/whoami|Authorization: Bearer $BENCH_TOKEN|'
)

# Also measured at half the req/s wrk reached on them, with requests due at evenly spaced times and latency counted
# from when each was due (scripts/bench-paced.lua): the latency of a server with headroom, where wrk's shows one
# saturated. (wrk's own p99 is corrected for coordinated omission: a response slower than a connection's mean
# interval adds the samples wrk estimates were delayed behind it, so one stall of a few hundred ms on a saturated
# server becomes its p99.) The connections stay the same CONNECTIONS throughout, as behind a load balancer. (Node
# clients were tried first: loadtest opened a new connection for every late request, up to Emporium's connection
# limit, and took half a core at 5,000 req/s, three times wrk's cost; autocannon's -R sends each second's share in
# one burst.)
PACED=("GET /api/data" "JWT GET, Redis limits" "search" "search, uncached")

# Environment of each configuration. All load comes from one loopback address, so the anonymous and customer
# plans (100 and 600 a minute) would answer nearly everything with 429: the limiter still runs on every request,
# its buckets are just big enough here. One client with a big bucket is a busy key, which with Redis is served
# mostly from tokens taken ahead (docs/rate-limits.md); the rows "from 10,000 addresses" have each request claim
# the next of 10,000 client addresses in X-Forwarded-For (loopback is a trusted proxy here), about one request a
# second per address, as a crowd of shoppers: every key then goes to Redis, in calls shared by the requests that
# arrive together.
BIG_BUCKETS="EMPORIUM_RATE_LIMIT_PLANS_ANONYMOUS_CAPACITY=1000000000 EMPORIUM_RATE_LIMIT_PLANS_CUSTOMER_CAPACITY=1000000000"
BIG_BUCKETS+=" EMPORIUM_RATE_LIMIT_TRUSTED_PROXIES=127.0.0.1"
CLIENT_ADDRESS_MARK='$BENCH_CLIENT_ADDRESS'
declare -A CONFIGS=(
  [local]="$BIG_BUCKETS"
  [redis]="$BIG_BUCKETS EMPORIUM_REDIS_URL=redis://127.0.0.1:6379"
  [unlimited]="EMPORIUM_RATE_LIMIT_ENABLED=false"
  # The same query again and again is a cache hit after the first: these measure the database behind the cache.
  [uncached]="$BIG_BUCKETS EMPORIUM_CACHE_ENABLED=false"
)

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

OUT="target/bench"
NGINX_DIR="$ROOT/$OUT/nginx"
DURATION="${BENCH_DURATION:-15}"
WARMUP="${BENCH_WARMUP:-20}"
FRESH_WARMUP="${BENCH_FRESH_WARMUP:-150}"
CONNECTIONS="${BENCH_CONNECTIONS:-64}"
THREADS="${BENCH_THREADS:-2}"
STARTUP_TIMEOUT="${BENCH_STARTUP_TIMEOUT:-180}"
PRODUCTS="${BENCH_PRODUCTS:-100000}"

# The first admin of the benchmark's own database, so the checkout phase can stock a product.
BENCH_ADMIN_EMAIL="bench-admin@example.com"
BENCH_ADMIN_PASSWORD="bench-admin-password-4Kq9"
APP_PID=""        # the java process (./emporium run execs into it)
NGINX_PID=""
BARE_PID=""       # the bare Spring Boot reference
SAMPLER_PID=""
WRK_PID=""
WORK_DIR=""       # temporary: holds the embedded database's data directory
APP_EXIT_CODES=() # exit status of each Emporium we stopped

log() { echo "bench: $*" >&2; }
die() { log "$*"; exit 1; }

usage() {
  sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'
}

# ---------------------------------------------------------------------------------------------------------------
# Set-up and clean-up

apt_install() {
  [[ $(id -u) -eq 0 ]] || die "need root to install $* (or install it yourself)"
  if [[ -z "${APT_UPDATED:-}" ]]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

ensure_tools() {
  command -v curl >/dev/null || apt_install curl
  command -v wrk >/dev/null || { log "installing wrk"; apt_install wrk; }
  command -v pgbench >/dev/null || { log "installing pgbench"; apt_install postgresql-client postgresql-contrib; }
  if ! command -v nginx >/dev/null && [[ ! -x /usr/sbin/nginx ]]; then
    log "installing nginx"
    local running_before
    running_before="$(pgrep -x nginx || true)"
    apt_install nginx
    # Some systems start the packaged service on port 80 right away; we only want the binary.
    if [[ -z "$running_before" ]] && pgrep -x nginx >/dev/null; then
      log "stopping the nginx service the package started"
      /usr/sbin/nginx -s quit 2>/dev/null || true
    fi
  fi
  NGINX_BIN="$(command -v nginx || echo /usr/sbin/nginx)"
  # Scenarios on the "redis" config need a Redis on loopback: the same bootstrap as the test suite's.
  if printf '%s\n' "${SCENARIOS[@]}" | grep -q '^redis|'; then
    scripts/services.sh redis
  fi
}

port_free() { ! ss -Hltn "sport = :$1" 2>/dev/null | grep -q .; }

# The wanted port if nobody listens on it, else the next free one (the defaults may be taken by other experiments).
free_port() {
  local port="$1"
  while ! port_free "$port"; do port=$((port + 1)); done
  echo "$port"
}

pick_ports() {
  HTTP_PORT="$(free_port "${BENCH_HTTP_PORT:-18080}")"
  MGMT_PORT="$(free_port "${BENCH_MANAGEMENT_PORT:-18081}")"
  [[ "$MGMT_PORT" == "$HTTP_PORT" ]] && MGMT_PORT="$(free_port $((HTTP_PORT + 1)))"
  NGINX_PORT="$(free_port "${BENCH_NGINX_PORT:-18082}")"
  while [[ "$NGINX_PORT" == "$HTTP_PORT" || "$NGINX_PORT" == "$MGMT_PORT" ]]; do
    NGINX_PORT="$(free_port $((NGINX_PORT + 1)))"
  done
  BARE_PORT="$(free_port "${BENCH_BARE_PORT:-18083}")"
  while [[ "$BARE_PORT" == "$HTTP_PORT" || "$BARE_PORT" == "$MGMT_PORT" || "$BARE_PORT" == "$NGINX_PORT" ]]; do
    BARE_PORT="$(free_port $((BARE_PORT + 1)))"
  done
}

stop_sampler() {
  if [[ -n "$SAMPLER_PID" ]]; then
    kill "$SAMPLER_PID" 2>/dev/null || true
    wait "$SAMPLER_PID" 2>/dev/null || true
    SAMPLER_PID=""
  fi
}

# SIGTERM and wait, so Emporium shuts down gracefully and stops its PostgreSQL child cleanly.
stop_app() {
  [[ -n "$APP_PID" ]] || return 0
  local pid="$APP_PID" status=0
  APP_PID=""
  kill -TERM "$pid" 2>/dev/null || true
  # Our child stays a zombie until waited for, so "gone" means no process or state Z.
  local tenths=0
  while [[ "$(ps -o stat= -p "$pid" 2>/dev/null || true)" =~ ^[^Z] ]]; do
    if (( ++tenths > 600 )); then
      log "Emporium ($pid) still runs 60 s after SIGTERM; killing it"
      kill -KILL "$pid" 2>/dev/null || true
      break
    fi
    sleep 0.1
  done
  wait "$pid" || status=$?
  APP_EXIT_CODES+=("$status")
}

stop_bare() {
  [[ -n "$BARE_PID" ]] || return 0
  kill -TERM "$BARE_PID" 2>/dev/null || true
  wait "$BARE_PID" 2>/dev/null || true
  BARE_PID=""
}

stop_nginx() {
  [[ -n "$NGINX_PID" ]] || return 0
  local pid="$NGINX_PID"
  NGINX_PID=""
  kill -QUIT "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

cleanup() {
  local status=$?
  # A second Ctrl-C must not cut the clean-up short and leave Emporium or nginx running.
  trap '' INT TERM
  trap - EXIT
  # shellcheck disable=SC2086 # one pid, or several while a mixed warm-up runs
  if [[ -n "$WRK_PID" ]]; then kill $WRK_PID 2>/dev/null || true; wait $WRK_PID 2>/dev/null || true; fi
  stop_sampler
  stop_app
  stop_bare
  stop_nginx
  # Only once the app (and so its PostgreSQL) is gone: the database files live in here.
  [[ -n "$WORK_DIR" ]] && rm -rf "$WORK_DIR"
  exit "$status"
}

# ---------------------------------------------------------------------------------------------------------------
# Emporium

now() { date +%s.%N; }

# Launched exactly as a user would; setsid keeps a Ctrl-C in the terminal away from it (and from its PostgreSQL),
# so the clean-up can stop both in order. `./emporium run` execs java, so $! is the java process itself.
launch_app() {
  local logfile="$1" config="${2:-local}"
  local -a config_env
  read -r -a config_env <<<"${CONFIGS[$config]}"
  env "${config_env[@]}" EMPORIUM_HTTP_PORT="$HTTP_PORT" EMPORIUM_MANAGEMENT_PORT="$MGMT_PORT" \
    EMPORIUM_ADMIN_EMAIL="$BENCH_ADMIN_EMAIL" EMPORIUM_ADMIN_PASSWORD="$BENCH_ADMIN_PASSWORD" \
    EMPORIUM_DATABASE_EMBEDDED_DATA_DIRECTORY="$WORK_DIR/postgres" \
    EMPORIUM_IDENTITY_MASTER_KEY_FILE="$WORK_DIR/master.key" \
    setsid ./emporium run >"$logfile" 2>"${logfile%.log}.stderr.log" </dev/null &
  APP_PID=$!
}

# Polls a URL until it answers 200; fails early if Emporium died meanwhile.
wait_for_200() {
  local url="$1" logfile="$2" deadline
  deadline=$(( $(date +%s) + STARTUP_TIMEOUT ))
  until [[ "$(curl -s -o /dev/null -w '%{http_code}' "$url" || true)" == 200 ]]; do
    if ! kill -0 "$APP_PID" 2>/dev/null; then
      APP_PID=""
      tail -n 20 "$logfile" "${logfile%.log}.stderr.log" >&2 || true
      die "Emporium exited before $url answered 200 (logs: $logfile)"
    fi
    (( $(date +%s) < deadline )) \
      || die "Emporium did not answer 200 at $url within ${STARTUP_TIMEOUT}s (logs: $logfile)"
    sleep 0.05
  done
}

verify_java_pid() {
  local comm
  comm="$(cat "/proc/$APP_PID/comm" 2>/dev/null || true)"
  [[ "$comm" == java ]] || die "expected pid $APP_PID to be java, it is '${comm:-gone}'"
}

APP_CONFIG=""
APP_FRESH=0
BENCH_TOKEN=""

start_app() {
  local config="${1:-local}"
  log "starting Emporium, config $config (http $HTTP_PORT, management $MGMT_PORT, data in $WORK_DIR/postgres)"
  launch_app "$OUT/emporium-$config.log" "$config"
  wait_for_200 "http://127.0.0.1:$MGMT_PORT/actuator/health/readiness" "$OUT/emporium-$config.log"
  verify_java_pid
  APP_CONFIG="$config"
  APP_FRESH=1
  sign_in_customer
  log "Emporium is ready (java pid $APP_PID)"
}

# A new customer per start, signed in the way a client would: its access token goes into $BENCH_TOKEN.
sign_in_customer() {
  local email="bench-$(date +%s%N)@example.com" password="bench-password-9f3k2"
  curl -sf -o /dev/null -H 'Content-Type: application/json' "http://127.0.0.1:$HTTP_PORT/api/v1/auth/register" \
    -d "{\"email\":\"$email\",\"password\":\"$password\"}" || die "could not register a customer"
  BENCH_TOKEN="$(curl -sf -H 'Content-Type: application/json' "http://127.0.0.1:$HTTP_PORT/api/v1/auth/login" \
    -d "{\"email\":\"$email\",\"password\":\"$password\"}" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')"
  [[ "$BENCH_TOKEN" == ey* ]] || die "could not sign in a customer"
}

# ---------------------------------------------------------------------------------------------------------------
# The catalog

SEED_SUMMARY=""; BENCH_PRODUCT_ID=""; BENCH_CATEGORY=""; BENCH_SEARCH=""

# The demo catalog, written by the product's own command into the database the benchmark's Emporium will use.
seed_catalog() {
  log "seeding $PRODUCTS products (./emporium seed, log in $OUT/seed.log)"
  if ! EMPORIUM_DATABASE_EMBEDDED_DATA_DIRECTORY="$WORK_DIR/postgres" EMPORIUM_IDENTITY_MASTER_KEY_FILE="$WORK_DIR/master.key" \
      EMPORIUM_ADMIN_EMAIL="$BENCH_ADMIN_EMAIL" EMPORIUM_ADMIN_PASSWORD="$BENCH_ADMIN_PASSWORD" \
      ./emporium seed --products "$PRODUCTS" >"$OUT/seed.log" 2>&1 </dev/null; then
    tail -n 20 "$OUT/seed.log" >&2
    die "seeding the catalog failed (see $OUT/seed.log)"
  fi
  SEED_SUMMARY="$(grep -m1 '^Seeded ' "$OUT/seed.log")" || die "no summary line in $OUT/seed.log"
  log "$SEED_SUMMARY"
}

# Real targets, asked of the API as a client would: the first leaf of the category tree, the newest product in it,
# and the first word of the leaf's name (an aisle's name is one of its product nouns, so it finds products).
pick_catalog_targets() {
  local base="http://127.0.0.1:$HTTP_PORT" leaf
  leaf="$(curl -sf "$base/api/v1/categories" | grep -o '"slug":"[^"]*","name":"[^"]*","children":\[\]' | head -n 1)" || true
  [[ -n "$leaf" ]] || die "no leaf category in /api/v1/categories: was the catalog seeded?"
  BENCH_CATEGORY="$(sed -E 's/^"slug":"([^"]*)".*/\1/' <<<"$leaf")"
  BENCH_SEARCH="$(sed -E 's/.*"name":"([A-Za-z]+).*/\1/' <<<"$leaf" | tr '[:upper:]' '[:lower:]')"
  BENCH_PRODUCT_ID="$(curl -sf "$base/api/v1/products?category=$BENCH_CATEGORY&limit=1" \
    | grep -o '"id":"[0-9a-f-]*"' | head -n 1 | cut -d '"' -f 4)" || true
  [[ -n "$BENCH_PRODUCT_ID" ]] || die "no product listed in category $BENCH_CATEGORY"
  curl -sf "$base/api/v1/products?q=$BENCH_SEARCH" | grep -q '"id":' || die "searching '$BENCH_SEARCH' finds nothing"
  log "catalog targets: product $BENCH_PRODUCT_ID, category $BENCH_CATEGORY, search '$BENCH_SEARCH'"
}

# A scenario field with the placeholders filled in.
expand() {
  local text="$1"
  text="${text//\$BENCH_TOKEN/$BENCH_TOKEN}"
  text="${text//\$BENCH_PRODUCT_ID/$BENCH_PRODUCT_ID}"
  text="${text//\$BENCH_CATEGORY/$BENCH_CATEGORY}"
  text="${text//\$BENCH_SEARCH/$BENCH_SEARCH}"
  printf '%s' "$text"
}

# Restart on the same (now initialised) data directory: wall clock from launch to the first 200 of /api/data,
# and what Spring Boot itself reports.
measure_startup() {
  local logfile="$OUT/emporium-restart.log" t0 t1 line
  log "restarting Emporium on the warm database to time start-up"
  t0="$(now)"
  launch_app "$logfile"
  wait_for_200 "http://127.0.0.1:$HTTP_PORT/api/data" "$logfile"
  t1="$(now)"
  verify_java_pid
  STARTUP_WALL="$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')"
  # Tomcat serves a moment before Spring Boot logs that it started: give the line a few seconds to appear.
  local tries=0 started='Started EmporiumApplication in [0-9.]* seconds (process running for [0-9.]*)'
  until line="$(grep -m1 -o "$started" "$logfile")"; do
    (( ++tries < 100 )) || die "no 'Started EmporiumApplication' line in $logfile"
    sleep 0.1
  done
  STARTUP_APP="$(sed -E 's/.* in ([0-9.]+) seconds.*/\1/' <<<"$line")"
  STARTUP_PROCESS="$(sed -E 's/.*running for ([0-9.]+)\)/\1/' <<<"$line")"
}

# ---------------------------------------------------------------------------------------------------------------
# nginx reference

# Fetches Emporium's /api/data and has nginx serve the same bytes with the same Content-Type.
start_nginx() {
  local body="$NGINX_DIR/www/api/data" content_type
  rm -rf "$NGINX_DIR"
  mkdir -p "$NGINX_DIR/www/api" "$NGINX_DIR/tmp" "$NGINX_DIR/logs"
  content_type="$(curl -sSf -o "$body" -w '%{content_type}' "http://127.0.0.1:$HTTP_PORT/api/data")" \
    || die "could not fetch /api/data from Emporium"
  [[ -n "$content_type" ]] || die "Emporium's /api/data has no Content-Type"
  chmod -R a+rX "$NGINX_DIR/www"
  cat >"$NGINX_DIR/nginx.conf" <<CONF
# Generated by scripts/bench.sh: the reference server for /api/data. Everything it writes stays in this directory.
daemon off;
worker_processes auto;
pid $NGINX_DIR/nginx.pid;
error_log $NGINX_DIR/logs/error.log warn;

events {
  worker_connections 4096;
}

http {
  access_log off;
  client_body_temp_path $NGINX_DIR/tmp/client_body;
  proxy_temp_path $NGINX_DIR/tmp/proxy;
  fastcgi_temp_path $NGINX_DIR/tmp/fastcgi;
  uwsgi_temp_path $NGINX_DIR/tmp/uwsgi;
  scgi_temp_path $NGINX_DIR/tmp/scgi;
  # Keeps the file's descriptor and metadata, as a static server tuned for speed would.
  open_file_cache max=16 inactive=60s;
  open_file_cache_valid 60s;

  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $NGINX_DIR/www;
    location = /api/data {
      types { }
      default_type "$content_type";
    }
  }
}
CONF
  "$NGINX_BIN" -t -q -p "$NGINX_DIR" -e "$NGINX_DIR/logs/error.log" -c "$NGINX_DIR/nginx.conf" \
    || die "nginx rejects $NGINX_DIR/nginx.conf"
  setsid "$NGINX_BIN" -p "$NGINX_DIR" -e "$NGINX_DIR/logs/error.log" -c "$NGINX_DIR/nginx.conf" </dev/null &
  NGINX_PID=$!
  local tries=0
  until curl -s -o /dev/null "http://127.0.0.1:$NGINX_PORT/api/data"; do
    kill -0 "$NGINX_PID" 2>/dev/null || { NGINX_PID=""; die "nginx exited (see $NGINX_DIR/logs/error.log)"; }
    (( ++tries < 100 )) || die "nginx did not answer on port $NGINX_PORT"
    sleep 0.05
  done
  same_response "http://127.0.0.1:$NGINX_PORT/api/data" || die "nginx does not answer Emporium's bytes"
  log "nginx is serving the reference on port $NGINX_PORT"
}

# Whether a reference answers exactly Emporium's /api/data: the same body and Content-Type.
same_response() {
  local url="$1" app_body="$OUT/check.emporium" ref_body="$OUT/check.reference" app_type ref_type
  app_type="$(curl -sSf -o "$app_body" -w '%{content_type}' "http://127.0.0.1:$HTTP_PORT/api/data")"
  ref_type="$(curl -sSf -o "$ref_body" -w '%{content_type}' "$url")"
  if ! cmp -s "$app_body" "$ref_body" || [[ "$ref_type" != "$app_type" ]]; then
    log "$url answers '$ref_type' $(cat "$ref_body"), Emporium '$app_type' $(cat "$app_body")"
    return 1
  fi
  rm -f "$app_body" "$ref_body"
}

# ---------------------------------------------------------------------------------------------------------------
# Bare Spring Boot reference

# scripts/bare-spring-boot, built before anything is measured and run with Emporium's JVM options (BENCH_JVM_OPTS,
# set by ./emporium bench) and virtual threads, as Emporium runs.
build_bare() {
  log "building the bare Spring Boot reference (log in $OUT/bare-build.log)"
  ./mvnw -q -B -f scripts/bare-spring-boot/pom.xml -DskipTests package >"$OUT/bare-build.log" 2>&1 \
    || { tail -n 20 "$OUT/bare-build.log" >&2; die "building scripts/bare-spring-boot failed"; }
}

start_bare() {
  local logfile="$OUT/bare-spring-boot.log" deadline
  # shellcheck disable=SC2086 # the options are words
  setsid "$JAVA_HOME/bin/java" ${BENCH_JVM_OPTS:-} -jar scripts/bare-spring-boot/target/bare-spring-boot.jar \
    --server.address=127.0.0.1 --server.port="$BARE_PORT" --spring.threads.virtual.enabled=true \
    >"$logfile" 2>&1 </dev/null &
  BARE_PID=$!
  deadline=$(( $(date +%s) + STARTUP_TIMEOUT ))
  until [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$BARE_PORT/api/data" || true)" == 200 ]]; do
    kill -0 "$BARE_PID" 2>/dev/null || { BARE_PID=""; tail -n 20 "$logfile" >&2; die "the bare reference exited (see $logfile)"; }
    (( $(date +%s) < deadline )) || die "the bare reference did not answer within ${STARTUP_TIMEOUT}s (see $logfile)"
    sleep 0.05
  done
  same_response "http://127.0.0.1:$BARE_PORT/api/data" || die "the bare reference does not answer Emporium's bytes"
  log "the bare Spring Boot reference is serving on port $BARE_PORT"
}

# ---------------------------------------------------------------------------------------------------------------
# Measurement

slug() { tr -cs 'A-Za-z0-9' '-' <<<"$1" | sed 's/^-//; s/-$//'; }

# Writes the wrk Lua script for one scenario: method, headers and body; the path goes in the URL.
write_wrk_script() {
  local file="$1" method="$2" headers="$3" body="$4" header name value
  {
    echo "-- Generated by scripts/bench.sh"
    printf 'wrk.method = "%s"\n' "$method"
    if [[ -n "$headers" ]]; then
      while IFS= read -r header; do
        [[ -n "$header" ]] || continue
        name="${header%%:*}"; value="${header#*:}"; value="${value# }"
        if [[ "$value" == "$CLIENT_ADDRESS_MARK" ]]; then
          # Each request the next of 10,000 addresses, 10.0.0.1 to 10.0.39.16.
          printf 'local client = 0\nrequest = function()\n  client = client %% 10000 + 1\n'
          printf '  wrk.headers[ [==[%s]==] ] = string.format("10.0.%%d.%%d", math.floor(client / 256), client %% 256)\n' "$name"
          printf '  return wrk.format()\nend\n'
        else
          printf 'wrk.headers[ [==[%s]==] ] = [==[%s]==]\n' "$name" "$value"
        fi
      done < <(sed 's/;;/\n/g' <<<"$headers")
    fi
    if [[ -n "$body" ]]; then
      [[ "$body" == @* ]] && body="$(cat "${body#@}")"
      # A long bracket string drops a leading newline, so one is added to keep the body exact.
      printf 'wrk.body = [==[\n%s]==]\n' "$body"
    fi
  } >"$file"
}

# One curl request shaped like the scenario: wrk counts non-2xx/3xx as errors, this says which status it is.
probe() {
  local url="$1" method="$2" headers="$3" body="$4" args=(-s -o /dev/null -w '%{http_code}' -X "$method") header
  while IFS= read -r header; do
    if [[ -n "$header" ]]; then args+=(-H "$header"); fi
  done < <(sed 's/;;/\n/g' <<<"$headers")
  if [[ -n "$body" ]]; then
    if [[ "$body" == @* ]]; then args+=(--data-binary "@${body#@}"); else args+=(--data-binary "$body"); fi
  fi
  curl "${args[@]}" "$url" || true
}

seconds() { [[ "$1" =~ ^[0-9]+$ ]] && echo "${1}s" || echo "$1"; }

run_wrk() {
  local duration="$1" script="$2" url="$3" output="$4"
  # In the background and waited for: wrk survives a Ctrl-C by printing its results, and bash would then carry on
  # with the next run; a wait is interrupted instead, so the INT trap ends the whole benchmark.
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$(seconds "$duration")" --latency -s "$script" "$url" >"$output" 2>&1 &
  WRK_PID=$!
  local status=0
  wait "$WRK_PID" || status=$?
  WRK_PID=""
  (( status == 0 )) || { cat "$output" >&2; die "wrk failed on $url"; }
}

# req/s, p50 ms, p99 ms and errors (non-2xx/3xx responses plus connect/read/write/timeout socket errors).
parse_wrk() {
  awk '
    function ms(v) {
      if (v ~ /us$/) return v / 1000
      if (v ~ /ms$/) return v + 0
      if (v ~ /s$/)  return v * 1000
      if (v ~ /m$/)  return v * 60000
      if (v ~ /h$/)  return v * 3600000
      return v + 0
    }
    $1 == "50%" { p50 = ms($2) }
    $1 == "99%" { p99 = ms($2) }
    /^Requests\/sec:/ { rps = $2 }
    /Socket errors:/ { gsub(",", ""); errors += $4 + $6 + $8 + $10 }
    /Non-2xx or 3xx responses:/ { errors += $NF }
    END {
      if (rps == "" || p50 == "" || p99 == "") exit 1
      printf "%.0f %.2f %.2f %d\n", rps, p50, p99, errors
    }' "$1"
}

# Samples VmRSS and RssAnon (kB) of a process every 0.5 s into a file until stopped. RssAnon leaves out
# file-backed pages, such as the mapped start-up cache, which the kernel can drop and share.
start_sampler() {
  local pid="$1" samples="$2"
  : >"$samples"
  ( while [[ -r "/proc/$pid/status" ]]; do
      awk '/^VmRSS:/ { rss = $2 } /^RssAnon:/ { anon = $2 } END { if (rss) print rss, anon }' "/proc/$pid/status" 2>/dev/null || true
      sleep 0.5
    done ) >>"$samples" &
  SAMPLER_PID=$!
}

# The peak of one column of the samples, in MB.
peak_mb() { awk -v c="${2:-1}" 'BEGIN { m = 0 } $c > m { m = $c } END { if (m == 0) exit 1; printf "%.0f", m / 1024 }' "$1"; }

RESULT_NAMES=(); RESULT_FIGURES=(); RESULT_CPU=(); PEAK_RSS=0; PEAK_ANON=0
BARE_ROW="bare Spring Boot /api/data"

# Warm-up then measured run of one scenario; with a pid, samples its RSS during the measured run. The CPU that pid
# (or MEASURE_CPU_PID's) spent per request served is reported beside it: the process's own cost, apart from what wrk,
# Redis and PostgreSQL take of the same cores.
measure() {
  local name="$1" method="$2" url="$3" headers="$4" body="$5" rss_pid="${6:-}" id figures status
  local cpu_pid="${MEASURE_CPU_PID:-$rss_pid}" ticks_before=""
  id="$(slug "$name")"
  local script="$OUT/wrk/$id.lua"
  write_wrk_script "$script" "$method" "$headers" "$body"
  status="$(probe "$url" "$method" "$headers" "$body")"
  [[ "$status" =~ ^[23] ]] || log "warning: $name answers $status to a single request; wrk will count errors"
  local warmup="${MEASURE_WARMUP:-$WARMUP}"
  if [[ -n "$rss_pid" && "$APP_FRESH" == 1 ]]; then
    warm_with_mix "$APP_CONFIG"
    APP_FRESH=0
  fi
  log "$name: warm-up ${warmup}s"
  run_wrk "$warmup" "$script" "$url" "$OUT/wrk/$id.warmup.txt"
  log "$name: measuring ${DURATION}s (-t$THREADS -c$CONNECTIONS)"
  [[ -n "$rss_pid" ]] && start_sampler "$rss_pid" "$OUT/wrk/$id.rss-kb.txt"
  [[ -n "$cpu_pid" ]] && ticks_before="$(cpu_ticks "$cpu_pid")"
  run_wrk "$DURATION" "$script" "$url" "$OUT/wrk/$id.txt"
  local cpu="-"
  if [[ -n "$cpu_pid" ]]; then
    cpu="$(ticks_per_us $(( $(cpu_ticks "$cpu_pid") - ticks_before )) \
      "$(awk '/ requests in / { print $1 }' "$OUT/wrk/$id.txt")")"
  fi
  if [[ -n "$rss_pid" ]]; then
    stop_sampler
    local mb
    mb="$(peak_mb "$OUT/wrk/$id.rss-kb.txt")" || die "no memory samples for pid $rss_pid"
    (( mb > PEAK_RSS )) && PEAK_RSS="$mb"
    mb="$(peak_mb "$OUT/wrk/$id.rss-kb.txt" 2)" || die "no anonymous memory samples for pid $rss_pid"
    (( mb > PEAK_ANON )) && PEAK_ANON="$mb"
  fi
  figures="$(parse_wrk "$OUT/wrk/$id.txt")" || die "could not parse wrk's output in $OUT/wrk/$id.txt"
  RESULT_NAMES+=("$name"); RESULT_FIGURES+=("$figures"); RESULT_CPU+=("$cpu")
}

# A newly started Emporium is warmed for FRESH_WARMUP by all the requests it will be measured on, together with
# /api/data, at once (one wrk per scenario, sharing the connections), as a server taking mixed traffic is. Warmed
# by one scenario alone, the JIT compiles code shaped for that one request; the next scenario's types then deoptimise
# it, and every row but the first is measured on a JVM the first one specialised (decision 0016).
warm_with_mix() {
  local config="$1" entry c name method path headers body id script pids=() outputs=() urls=() status
  local mix=("$config|/api/data|GET|/api/data||")
  for entry in "${SCENARIOS[@]}"; do
    IFS='|' read -r c name method path headers body <<<"$entry"
    [[ "$c" == "$config" && "$name" != "GET /api/data" ]] && mix+=("$entry")
  done
  local connections=$(( CONNECTIONS / ${#mix[@]} > 2 ? CONNECTIONS / ${#mix[@]} : 2 ))
  log "warm-up ${FRESH_WARMUP}s of the newly started Emporium: ${#mix[@]} scenarios at once, $connections connections each"
  for entry in "${mix[@]}"; do
    IFS='|' read -r c name method path headers body <<<"$entry"
    path="$(expand "$path")"; headers="$(expand "$headers")"; body="$(expand "$body")"
    id="warm-up-$config-$(slug "$name")"
    script="$OUT/wrk/$id.lua"
    write_wrk_script "$script" "$method" "$headers" "$body"
    urls+=("http://127.0.0.1:$HTTP_PORT$path"); outputs+=("$OUT/wrk/$id.txt")
    wrk -t1 -c"$connections" -d"$(seconds "$FRESH_WARMUP")" -s "$script" "${urls[-1]}" >"${outputs[-1]}" 2>&1 &
    pids+=($!)
  done
  WRK_PID="${pids[*]}"
  local i
  for (( i = 0; i < ${#pids[@]}; i++ )); do
    status=0
    wait "${pids[i]}" || status=$?
    (( status == 0 )) || { cat "${outputs[i]}" >&2; die "wrk failed warming up on ${urls[i]}"; }
  done
  WRK_PID=""
}

measure_all() {
  mkdir -p "$OUT/wrk"
  measure "nginx  GET /api/data" GET "http://127.0.0.1:$NGINX_PORT/api/data" "" ""
  # A newly started JVM: the longer warm-up, as for a newly started Emporium. Stopped once measured.
  start_bare
  MEASURE_WARMUP="$FRESH_WARMUP" MEASURE_CPU_PID="$BARE_PID" measure "$BARE_ROW" GET "http://127.0.0.1:$BARE_PORT/api/data" "" ""
  stop_bare
  local entry config name method path headers body
  for entry in "${SCENARIOS[@]}"; do
    IFS='|' read -r config name method path headers body <<<"$entry"
    [[ -n "${CONFIGS[$config]+set}" ]] || die "scenario '$name' names an unknown config '$config'"
    if [[ "$config" != "$APP_CONFIG" ]]; then
      stop_app
      start_app "$config"
    fi
    path="$(expand "$path")"; headers="$(expand "$headers")"; body="$(expand "$body")"
    measure "$name" "$method" "http://127.0.0.1:$HTTP_PORT$path" "$headers" "$body" "$APP_PID"
    if printf '%s\n' "${PACED[@]}" | grep -qxF -- "$name"; then
      measure_paced "$name" "$method" "http://127.0.0.1:$HTTP_PORT$path" "$headers" "$body"
    fi
  done
}

# The scenario again, right after its wrk run (so just as warm), at half the req/s wrk measured.
measure_paced() {
  local name="$1" method="$2" url="$3" headers="$4" body="$5" rps rate id script figures
  read -r rps _ <<<"${RESULT_FIGURES[-1]}"
  rate=$(( rps / 2 > 0 ? rps / 2 : 1 ))
  id="$(slug "$name")-half-rate"
  script="$OUT/wrk/$id.lua"
  write_wrk_script "$script" "$method" "$headers" "$body"
  { echo "RATE = $rate"; echo "CONNECTIONS = $CONNECTIONS"; cat scripts/bench-paced.lua; } >>"$script"
  log "$name: measuring ${DURATION}s at $rate req/s, half its maximum (evenly spaced)"
  # One connection per wrk thread: the script keeps each connection's schedule.
  THREADS="$CONNECTIONS" run_wrk "$DURATION" "$script" "$url" "$OUT/wrk/$id.txt"
  # "paced: requests req/s p50 p99 errors" -> req/s, p50 ms, p99 ms and errors, as parse_wrk prints them.
  figures="$(awk '$1 == "paced:" && $2 > 0 { print $3, $4, $5, $6; found = 1 } END { exit !found }' "$OUT/wrk/$id.txt")" \
    || die "no paced results in $OUT/wrk/$id.txt"
  RESULT_NAMES+=("$name @ $rate/s"); RESULT_FIGURES+=("$figures"); RESULT_CPU+=("-")
}

# ---------------------------------------------------------------------------------------------------------------
# Report

# "0 (all 2 runs)", or the codes as they came, e.g. "0, 137".
exit_codes() {
  local unique
  unique="$(printf '%s\n' "${APP_EXIT_CODES[@]}" | sort -u | paste -sd, | sed 's/,/, /g')"
  if [[ "$unique" != *,* && ${#APP_EXIT_CODES[@]} -gt 1 ]]; then
    echo "$unique (all ${#APP_EXIT_CODES[@]} runs)"
  else
    echo "$(IFS=,; echo "${APP_EXIT_CODES[*]}" | sed 's/,/, /g')"
  fi
}

# ---------------------------------------------------------------------------------------------------------------
# Checkout, beside pgbench on the same PostgreSQL

CHECKOUT_CUSTOMERS="${BENCH_CHECKOUT_CUSTOMERS:-16}"
CHECKOUT_SUMMARY=""; CHECKOUT_CPU=""; CHECKOUT_SPREAD_SUMMARY=""; CHECKOUT_SPREAD_CPU=""; PGBENCH_SUMMARY=""
RUN_RATE=""; RUN_SUMMARY=""; RUN_CPU=""

# One signed-in request body to the API, failing the benchmark when it is refused.
api() {
  local method="$1" path="$2" token="$3" body="${4:-}"
  curl -sf -X "$method" "http://127.0.0.1:$HTTP_PORT$path" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' ${body:+-d "$body"} || die "$method $path was refused"
}

sign_in() {
  curl -sf -H 'Content-Type: application/json' "http://127.0.0.1:$HTTP_PORT/api/v1/auth/login" \
    -d "{\"email\":\"$1\",\"password\":\"$2\"}" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/'
}

# p50 and p99 (ms) of one route from two scrapes of Emporium's Prometheus histogram: the buckets' growth between them.
route_percentiles() {
  local before="$1" after="$2" uri="$3"
  awk -v uri="$uri" '
    FNR == 1 { file++ }
    /^http_server_requests_seconds_bucket/ && index($0, "uri=\"" uri "\"") && index($0, "status=\"201\"") {
      match($0, /le="[^"]*"/); le = substr($0, RSTART + 4, RLENGTH - 5)
      if (file == 1) base[le] += $NF; else count[le] += $NF
    }
    END {
      n = 0
      for (le in count) { if (le == "+Inf") continue; bounds[++n] = le + 0 }
      asort(bounds)
      total = count["+Inf"] - base["+Inf"]
      if (total <= 0) exit 1
      for (i = 1; i <= n; i++) {
        key = sprintf("%g", bounds[i])
        for (k in count) if (k != "+Inf" && k + 0 == bounds[i]) key = k
        seen = count[key] - base[key]
        if (p50 == "" && seen >= 0.5 * total) p50 = bounds[i] * 1000
        if (p99 == "" && seen >= 0.99 * total) p99 = bounds[i] * 1000
      }
      printf "%.1f %.1f\n", p50, p99
    }' "$before" "$after"
}

# Customers (one per wrk thread and connection) put an item in their cart and check out, again and again, each
# checkout with a new Idempotency-Key: first all buying the same item (a hot product, whose stock row every
# checkout queues for), then, as other customers, each buying an item of their own. Then pgbench runs its
# TPC-B-like transactions on the same PostgreSQL. Oversold units: what orders hold beyond what was stocked, from
# the database.
measure_checkout() {
  local admin variant id port products=() hot=() spread=()
  admin="$(sign_in "$BENCH_ADMIN_EMAIL" "$BENCH_ADMIN_PASSWORD")"
  [[ "$admin" == ey* ]] || die "could not sign in the benchmark's admin"
  port="$(pgrep -af -- "-D $WORK_DIR/postgres" | sed -nE 's/.* -p ([0-9]+).*/\1/p' | head -n 1)"
  [[ -n "$port" ]] || die "could not find the embedded PostgreSQL's port"
  mapfile -t products < <(psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -qAt -c \
    "SELECT id FROM products WHERE status = 'published' AND id <> '$BENCH_PRODUCT_ID' ORDER BY id LIMIT $(( CHECKOUT_CUSTOMERS - 1 ))")
  (( ${#products[@]} == CHECKOUT_CUSTOMERS - 1 )) || die "the catalog has too few published products for the checkout"
  for id in "$BENCH_PRODUCT_ID" "${products[@]}"; do
    variant="$(curl -sf "http://127.0.0.1:$HTTP_PORT/api/v1/products/$id" \
      | grep -o '"variants":\[{"id":"[0-9a-f-]*"' | cut -d '"' -f 6)"
    [[ -n "$variant" ]] || die "product $id has no variant"
    api POST "/api/v1/admin/inventory/$variant/adjustments" "$admin" '{"delta":1000000,"reason":"benchmark stock"}' >/dev/null
    spread+=("$variant")
    hot+=("${spread[0]}")
  done

  checkout_run "one item" "$FRESH_WARMUP" "${hot[@]}"
  CHECKOUT_SUMMARY="checkout, $CHECKOUT_CUSTOMERS customers buying one item: $RUN_SUMMARY"
  CHECKOUT_CPU="$RUN_CPU"
  local hot_rate="$RUN_RATE"
  checkout_run "an item each" "$WARMUP" "${spread[@]}"
  CHECKOUT_SPREAD_SUMMARY="checkout, $CHECKOUT_CUSTOMERS customers buying an item each: $RUN_SUMMARY"
  CHECKOUT_SPREAD_CPU="$RUN_CPU"
  local spread_rate="$RUN_RATE"

  local bought oversold
  bought="'$(printf '%s\n' "${spread[@]}" | paste -sd, | sed "s/,/','/g")'"
  oversold="$(psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -qAt -c "
    SELECT coalesce(sum(greatest(ordered - stocked, 0)), 0) FROM (
      SELECT s.on_hand + coalesce(sum(l.quantity) FILTER (WHERE o.status IN ('paid', 'fulfilled', 'shipped', 'completed')), 0) AS stocked,
             coalesce(sum(l.quantity) FILTER (WHERE o.status <> 'cancelled'), 0) AS ordered
      FROM stock s LEFT JOIN order_lines l ON l.variant_id = s.variant_id LEFT JOIN orders o ON o.id = l.order_id
      WHERE s.variant_id IN ($bought) GROUP BY s.variant_id, s.on_hand) AS per_variant")"

  log "pgbench tpcb-like on the same PostgreSQL (port $port)"
  psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -qAt -c "DROP DATABASE IF EXISTS pgbench" -c "CREATE DATABASE pgbench" >/dev/null
  pgbench -h 127.0.0.1 -p "$port" -U postgres -i -s 10 -q pgbench >"$OUT/pgbench-init.txt" 2>&1 || die "pgbench -i failed"
  local postmaster pg_before
  postmaster="$(pgrep -f -- "-D $WORK_DIR/postgres" | head -n 1)"
  pg_before="$(postgres_ticks "$postmaster")"
  pgbench -h 127.0.0.1 -p "$port" -U postgres -b tpcb-like -c "$CHECKOUT_CUSTOMERS" -j 2 -T "$DURATION" pgbench \
    >"$OUT/pgbench.txt" 2>&1 || die "pgbench failed (see $OUT/pgbench.txt)"
  local tps pgbench_ticks pgbench_transactions
  tps="$(sed -nE 's/^tps = ([0-9.]+).*/\1/p' "$OUT/pgbench.txt" | head -n 1)"
  pgbench_ticks=$(( $(postgres_ticks "$postmaster") - pg_before ))
  pgbench_transactions="$(sed -nE 's/^number of transactions actually processed: ([0-9]+).*/\1/p' "$OUT/pgbench.txt")"
  PGBENCH_SUMMARY="$(printf 'pgbench tpcb-like %.0f TPS (%s clients), PostgreSQL %s us of CPU per transaction; checkout/pgbench: one item %s, an item each %s; oversold units %s' \
    "$tps" "$CHECKOUT_CUSTOMERS" "$(ticks_per_us "$pgbench_ticks" "$pgbench_transactions")" \
    "$(ratio "$hot_rate" "$tps")" "$(ratio "$spread_rate" "$tps")" "$oversold")"
  log "$PGBENCH_SUMMARY"
}

# One checkout run: customers of their own (one per variant given, each variant their item), a warm-up of the
# given seconds, then the measured run. Sets RUN_RATE (orders placed a second), RUN_SUMMARY and RUN_CPU.
checkout_run() {
  local label="$1" warmup="$2"; shift 2
  local variants=("$@") i token tokens=() slug script
  slug="$(echo "$label" | tr ' ' '-')"; script="$OUT/wrk/checkout-$slug.lua"
  log "checkout, $label: signing in ${#variants[@]} customers with a cart"
  for (( i = 0; i < ${#variants[@]}; i++ )); do
    local email="bench-buyer-$slug-$i-$(date +%s%N)@example.com" password="bench-password-9f3k2"
    curl -sf -o /dev/null -H 'Content-Type: application/json' "http://127.0.0.1:$HTTP_PORT/api/v1/auth/register" \
      -d "{\"email\":\"$email\",\"password\":\"$password\"}" || die "could not register a customer"
    token="$(sign_in "$email" "$password")"
    api PUT "/api/v1/cart/lines/${variants[$i]}" "$token" '{"quantity":1}' >/dev/null
    api PUT /api/v1/cart/shipping "$token" '{"country":"DE","option":"standard"}' >/dev/null
    tokens+=("\"$token\"")
  done
  mkdir -p "$OUT/wrk"
  { echo "TOKENS = { $(IFS=,; echo "${tokens[*]}") }"
    echo "VARIANTS = { $(printf '"%s",' "${variants[@]}") }"
    cat scripts/bench-checkout.lua; } >"$script"

  log "checkout, $label: warm-up ${warmup}s"
  wrk -t"${#variants[@]}" -c"${#variants[@]}" -d"$(seconds "$warmup")" -s "$script" "http://127.0.0.1:$HTTP_PORT" >"$OUT/wrk-checkout-$slug-warmup.txt" 2>&1
  # wrk stops with requests in flight: a checkout still running would empty a cart the measured run has just
  # filled, and that run's first checkout would find it empty (422 empty-cart). Let them finish first.
  sleep 1
  curl -sf "http://127.0.0.1:$MGMT_PORT/actuator/prometheus" >"$OUT/prometheus-before.txt"
  local postmaster java_before pg_before java_ticks pg_ticks
  postmaster="$(pgrep -f -- "-D $WORK_DIR/postgres" | head -n 1)"
  [[ -n "$postmaster" ]] || die "could not find the embedded PostgreSQL"
  java_before="$(cpu_ticks "$APP_PID")"; pg_before="$(postgres_ticks "$postmaster")"
  log "checkout, $label: measuring ${DURATION}s"
  wrk -t"${#variants[@]}" -c"${#variants[@]}" -d"$(seconds "$DURATION")" -s "$script" "http://127.0.0.1:$HTTP_PORT" >"$OUT/wrk-checkout-$slug.txt" 2>&1
  java_ticks=$(( $(cpu_ticks "$APP_PID") - java_before )); pg_ticks=$(( $(postgres_ticks "$postmaster") - pg_before ))
  curl -sf "http://127.0.0.1:$MGMT_PORT/actuator/prometheus" >"$OUT/prometheus-after.txt"
  local placed refused percentiles answered replayed refusals
  read -r answered refused < <(sed -nE 's/^checkouts placed ([0-9]+) refused ([0-9]+)$/\1 \2/p' "$OUT/wrk-checkout-$slug.txt")
  [[ -n "$answered" ]] || { cat "$OUT/wrk-checkout-$slug.txt" >&2; die "the checkout run reported nothing"; }
  # Each refusal as status:problem-type, counted: "422:empty-cart x1".
  refusals="$(sed -nE 's/^refusals ?//p' "$OUT/wrk-checkout-$slug.txt" | tr ' ' '\n' | sed '/^$/d' | sort | uniq -c \
    | awk '{ printf "%s%s x%s", (NR > 1 ? ", " : ""), $2, $1 }')"
  # A replayed key also answers 201: only orders Emporium itself counts as placed are counted here.
  placed="$(counter_delta "$OUT/prometheus-before.txt" "$OUT/prometheus-after.txt" emporium_checkouts_total 'outcome="placed"')"
  replayed="$(counter_delta "$OUT/prometheus-before.txt" "$OUT/prometheus-after.txt" emporium_checkouts_total 'outcome="replayed"')"
  (( replayed == 0 )) || log "warning: $replayed checkouts were replays of a key used before, not new orders"
  percentiles="$(route_percentiles "$OUT/prometheus-before.txt" "$OUT/prometheus-after.txt" /api/v1/checkout)" \
    || die "no checkout latencies in the metrics"
  RUN_RATE="$(awk -v p="$placed" -v d="$DURATION" 'BEGIN { printf "%.0f", p / d }')"
  RUN_SUMMARY="$(printf '%s/s (%s orders placed, %s replayed, %s refused%s in %ss), p50 %s ms, p99 %s ms (server histogram)' \
    "$RUN_RATE" "$placed" "$replayed" "$refused" "${refusals:+: $refusals}" "$DURATION" ${percentiles})"
  log "checkout, $label: $RUN_SUMMARY"
  # Where the CPU of the two shared cores went: each placed order with its cart update.
  RUN_CPU="$(printf 'CPU per placed order, its cart update included: Emporium %s us, PostgreSQL %s us' \
    "$(ticks_per_us "$java_ticks" "$placed")" "$(ticks_per_us "$pg_ticks" "$placed")")"
  log "checkout, $label: $RUN_CPU"
}

# CPU time (user and system, in clock ticks) a process has used so far.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

# CPU time of a PostgreSQL server so far: the postmaster, its running backends, and the backends it has reaped
# (their time is added to the postmaster's children's time when they exit).
postgres_ticks() {
  local postmaster="$1" total child
  total="$(awk '{ print $14 + $15 + $16 + $17 }' "/proc/$postmaster/stat")"
  for child in $(pgrep -P "$postmaster"); do
    total=$(( total + $(cpu_ticks "$child" 2>/dev/null || echo 0) ))
  done
  echo "$total"
}

# Clock ticks spent on each of n things, in microseconds.
ticks_per_us() { awk -v t="$1" -v n="$2" -v hz="$(getconf CLK_TCK)" 'BEGIN { if (n > 0) printf "%.0f", t * 1e6 / hz / n; else print "-" }'; }

# How much a Prometheus counter (all series whose line contains every given label) grew between two scrapes.
counter_delta() {
  local before="$1" after="$2" name="$3"; shift 3
  awk -v name="$name" -v labels="$*" '
    FNR == 1 { file++ }
    index($0, name "{") == 1 {
      n = split(labels, wanted, " "); ok = 1
      for (i = 1; i <= n; i++) if (!index($0, wanted[i])) ok = 0
      if (ok) { if (file == 1) base += $NF; else now += $NF }
    }
    END { printf "%.0f\n", now - base }' "$before" "$after"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

# Each row beside nginx (the machine's ceiling) and beside Emporium's own /api/data (the cost of the scenario's work).
report() {
  local reference baseline i name rps p50 p99 errors
  read -r reference _ <<<"${RESULT_FIGURES[0]}"
  for i in "${!RESULT_NAMES[@]}"; do
    [[ "${RESULT_NAMES[$i]}" == "GET /api/data" ]] && read -r baseline _ <<<"${RESULT_FIGURES[$i]}"
  done
  {
    printf '%-26s %9s %9s %9s %8s %9s %12s %10s\n' scenario req/s "p50 ms" "p99 ms" errors "vs nginx" "vs /api/data" "CPU us/req"
    for i in "${!RESULT_NAMES[@]}"; do
      name="${RESULT_NAMES[$i]}"
      read -r rps p50 p99 errors <<<"${RESULT_FIGURES[$i]}"
      if [[ "$name" == *" @ "* ]]; then  # a fixed rate, chosen by us: no ratio to compare
        printf '%-26s %9s %9s %9s %8s %9s %12s %10s\n' "$name" "$rps" "$p50" "$p99" "$errors" - - -
        continue
      fi
      # The references themselves get no ratio to Emporium's /api/data; Emporium's rows are compared with it.
      printf '%-26s %9s %9s %9s %8s %9s %12s %10s\n' "$name" "$rps" "$p50" "$p99" "$errors" \
        "$(ratio "$rps" "$reference")" "$( (( i == 0 )) || [[ "$name" == "$BARE_ROW" ]] && echo - || ratio "$rps" "$baseline")" \
        "${RESULT_CPU[$i]}"
    done
    printf 'peak RSS under load: %s MB (anonymous %s MB)   start-up (warm db): %s s to first 200 (app says %s s, process %s s)' \
      "$PEAK_RSS" "$PEAK_ANON" "$STARTUP_WALL" "$STARTUP_APP" "$STARTUP_PROCESS"
    printf '   shutdown exit code: %s\n' "$(exit_codes)"
    printf 'catalog: %s\n' "$SEED_SUMMARY"
    printf '%s\n' "$CHECKOUT_SUMMARY" "$CHECKOUT_CPU" "$CHECKOUT_SPREAD_SUMMARY" "$CHECKOUT_SPREAD_CPU" "$PGBENCH_SUMMARY"
    printf 'targets: product %s, category %s, search %s; "@ N/s" rows: that fixed rate, latency from when each request was due;\n' \
      "$BENCH_PRODUCT_ID" "$BENCH_CATEGORY" "$BENCH_SEARCH"
    printf 'other rows: as fast as the connections go (saturated), p50/p99 as wrk reports them, corrected for coordinated omission;\n'
    printf 'CPU us/req: CPU time of the Java process (from /proc) over the requests it served in the measured run\n'
    printf 'wrk -t%s -c%s, warm-up %s s (after %s s of all scenarios at once on a newly started Emporium; %s s for the first checkout run), measured %s s; nginx %s, %s CPUs; %s\n' \
      "$THREADS" "$CONNECTIONS" "$WARMUP" "$FRESH_WARMUP" "$FRESH_WARMUP" "$DURATION" "$("$NGINX_BIN" -v 2>&1 | sed 's/.*nginx\///')" "$(nproc)" \
      "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  } | tee "$OUT/results.txt"
}

# Emporium exits 0 after a graceful SIGTERM shutdown; 137 (SIGKILL) or anything else means it was not clean.
check_shutdowns() {
  local code
  for code in "${APP_EXIT_CODES[@]}"; do
    [[ "$code" == 0 ]] || log "warning: an Emporium shutdown exited with $code (see $OUT/*.log)"
  done
}

main() {
  case "${1:-}" in -h|--help) usage; exit 0 ;; esac
  [[ -n "${JAVA_HOME:-}" ]] || die "run me through ./emporium bench (it prepares the build and JAVA_HOME)"
  trap cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  ensure_tools
  mkdir -p "$OUT"
  rm -rf "$OUT/wrk"
  WORK_DIR="$(mktemp -d "${TMPDIR:-/tmp}/emporium-bench.XXXXXX")"
  pick_ports
  build_bare
  seed_catalog
  start_app
  pick_catalog_targets
  start_nginx
  measure_all
  measure_checkout
  log "stopping Emporium"
  stop_app
  stop_nginx
  measure_startup
  stop_app
  check_shutdowns
  report
}

main "$@"
