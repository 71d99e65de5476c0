#!/usr/bin/env bash
# infra/local/stack.sh - local service stack for OrleansAI development, tests and CI.
#
#   stack.sh install                      install missing apt packages and the pinned npm tools
#   stack.sh start  [pg|azurite|anvil...] start services (default: all), wait until healthy
#   stack.sh stop   [pg|azurite|anvil...] stop services (default: all), nothing left behind
#   stack.sh status [pg|azurite|anvil...] one line per service; exit 0 if all healthy, else 3
#   stack.sh env                          print `export NAME=value` lines for eval
#   stack.sh reset                        stop everything and delete the state folder
#
# See infra/local/README.md for ports and environment variables.
set -euo pipefail

SCRIPT_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
REPO_ROOT=$(cd -- "$SCRIPT_DIR/../.." && pwd -P)
NODE_MODULES=$SCRIPT_DIR/node_modules

STATE_DIR=$(realpath -m -- "${OAI_STATE_DIR:-$REPO_ROOT/.oai}")
LOG_DIR=$STATE_DIR/logs
RUN_DIR=$STATE_DIR/run

PG_PORT=${OAI_PG_PORT:-15432}
AZ_BLOB_PORT=${OAI_AZURITE_BLOB_PORT:-10000}
AZ_QUEUE_PORT=${OAI_AZURITE_QUEUE_PORT:-10001}
AZ_TABLE_PORT=${OAI_AZURITE_TABLE_PORT:-10002}
ANVIL_PORT=${OAI_ANVIL_PORT:-8545}
START_TIMEOUT=${OAI_START_TIMEOUT:-60}
STOP_TIMEOUT=${OAI_STOP_TIMEOUT:-8}

HOST=127.0.0.1
CHAIN_ID=31337
CHAIN_ID_HEX=0x7a69
ANVIL_MNEMONIC='test test test test test test test test test test test junk'
PG_DB=orleans
PG_APP_USER=orleans
PG_APP_PASSWORD=orleans
# Well-known, public Azurite/Storage-Emulator development account.
AZ_ACCOUNT=devstoreaccount1
AZ_KEY='Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='

ALL_SERVICES=(pg azurite anvil)
APT_PACKAGES=(postgresql dataset-fashion-mnist curl openssl python3-onnx)

log() { printf '[stack] %s\n' "$*" >&2; }
die() {
  log "error: $*"
  exit 1
}

for _p in PG_PORT AZ_BLOB_PORT AZ_QUEUE_PORT AZ_TABLE_PORT ANVIL_PORT START_TIMEOUT STOP_TIMEOUT; do
  [[ ${!_p} =~ ^[0-9]+$ ]] || die "$_p must be a number (got '${!_p}')"
done
unset _p

is_root() { [[ $(id -u) -eq 0 ]]; }

# Run a command as root: directly when we are root, else through sudo.
as_root() {
  if is_root; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    die "need root (or sudo) for: $*"
  fi
}

# ---------------------------------------------------------------- processes --

# True if the process exists and is not a zombie.
pid_alive() {
  local pid=$1 stat
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  stat=$(cat "/proc/$pid/stat" 2>/dev/null) || return 1
  stat=${stat##*) }
  [[ ${stat%% *} != Z ]]
}

# Process group id of a pid (empty if gone).
pgid_of() {
  local stat pgrp
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 0
  stat=${stat##*) }
  # after "comm)": state ppid pgrp ...
  read -r _ _ pgrp _ <<<"$stat"
  printf '%s' "$pgrp"
}

# True if any live (non-zombie) process is in process group $1.
group_alive() {
  local want=$1 f stat rest st pgrp
  for f in /proc/[0-9]*/stat; do
    stat=$(cat "$f" 2>/dev/null) || continue
    rest=${stat##*) }
    read -r st _ pgrp _ <<<"$rest"
    [[ $pgrp == "$want" && $st != Z ]] && return 0
  done
  return 1
}

# True if pid $1 is alive and its command line contains $2.
pid_matches() {
  local cmdline
  pid_alive "$1" || return 1
  cmdline=$(tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null) || return 1
  [[ $cmdline == *"$2"* ]]
}

# True once pid $1 (or, for a target of the form -PGID, its whole group) is gone.
target_gone() {
  if [[ $1 == -* ]]; then
    if group_alive "${1#-}"; then return 1; fi
  elif pid_alive "$1"; then
    return 1
  fi
  return 0
}

# Kill pid $1 (and its whole process group when it leads one): SIGTERM (+SIGCONT so a
# stopped process can act on it), wait STOP_TIMEOUT s, then SIGKILL. Returns 1 if it survives.
kill_tree() {
  local pid=$1 name=$2 pgid target i
  pgid=$(pgid_of "$pid")
  if [[ -n $pgid && $pgid == "$pid" ]]; then target=-$pid; else target=$pid; fi
  kill -TERM -- "$target" 2>/dev/null || true
  kill -CONT -- "$target" 2>/dev/null || true
  for ((i = 0; i < STOP_TIMEOUT * 5; i++)); do
    target_gone "$target" && break
    sleep 0.2
  done
  if ! target_gone "$target"; then
    log "$name: still alive ${STOP_TIMEOUT}s after SIGTERM, sending SIGKILL"
    kill -KILL -- "$target" 2>/dev/null || true
    for ((i = 0; i < 50; i++)); do
      target_gone "$target" && break
      sleep 0.2
    done
  fi
  target_gone "$target" || return 1
  wait "$pid" 2>/dev/null || true # reap it if it was our own child
}

# True if something accepts TCP connections on 127.0.0.1:$1.
port_open() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }

# Print the last lines of a log file (to stderr).
show_log() {
  [[ -f $1 ]] || return 0
  log "---- last lines of $1 ----"
  tail -n "${2:-40}" -- "$1" >&2 || true
  log "---- end of log ----"
}

# wait_until DESCRIPTION TIMEOUT PID COMMAND...: poll COMMAND every 0.5 s; fail early if PID dies.
wait_until() {
  local what=$1 timeout=$2 pid=$3 deadline
  shift 3
  deadline=$((SECONDS + timeout))
  while ((SECONDS < deadline)); do
    "$@" && return 0
    if [[ -n $pid ]] && ! pid_alive "$pid"; then
      log "$what: process $pid exited"
      return 1
    fi
    sleep 0.5
  done
  log "$what: not healthy after ${timeout}s"
  return 1
}

lock_state() {
  mkdir -p -- "$RUN_DIR"
  command -v flock >/dev/null 2>&1 || return 0
  exec 9>"$RUN_DIR/.lock"
  flock -w 300 9 || die "another stack.sh is holding $RUN_DIR/.lock"
}

ensure_dirs() {
  mkdir -p -- "$STATE_DIR" "$LOG_DIR" "$RUN_DIR"
}

# --------------------------------------------------------------- PostgreSQL --

PG_BASE='' # set by pg_resolve_base

# Run a command as the PostgreSQL server user (from / so its cwd is always readable).
as_pg() {
  if is_root; then
    (cd / && runuser -u postgres -- "$@")
  else
    (cd / && "$@")
  fi
}

# Version directory: the one matching an existing data dir, else the newest installed.
pg_bindir() {
  local v=''
  if [[ -n ${OAI_PG_BINDIR:-} ]]; then
    echo "$OAI_PG_BINDIR"
    return
  fi
  if [[ -n $PG_BASE && -r $PG_BASE/data/PG_VERSION ]]; then
    v=$(<"$PG_BASE/data/PG_VERSION")
    [[ -x /usr/lib/postgresql/$v/bin/pg_ctl ]] || v=''
  fi
  if [[ -z $v ]]; then
    v=$(find /usr/lib/postgresql -mindepth 3 -maxdepth 3 -path '*/bin/pg_ctl' -printf '%P\n' 2>/dev/null |
      cut -d/ -f1 | sort -V | tail -n 1)
  fi
  [[ -n $v ]] || die "PostgreSQL server binaries not found under /usr/lib/postgresql (run: $0 install)"
  echo "/usr/lib/postgresql/$v/bin"
}

# Where the cluster lives. Normally $STATE_DIR/pg. When running as root the server runs as
# user "postgres", which needs search (x) permission on every directory above its data dir;
# we make the state folder itself o+x but never touch directories above it (e.g. a repo under
# /root is 0700). Also the socket path must fit in sun_path (~107 bytes). If either check
# fails we use /var/tmp/oai-pg-<hash of state dir> instead: always traversable, unique per
# checkout, not wiped by /tmp cleaners. The choice is recorded in $RUN_DIR/pg-base so stop,
# status and reset find the same cluster; reset deletes it along with the state folder.
pg_fallback_base() {
  printf '/var/tmp/oai-pg-%s' "$(printf '%s' "$STATE_DIR" | sha256sum | cut -c1-12)"
}

pg_resolve_base() {
  local create=${1:-} rec=$RUN_DIR/pg-base cand
  if [[ -n ${OAI_PG_DIR:-} ]]; then
    PG_BASE=$(realpath -m -- "$OAI_PG_DIR")
    return
  fi
  if [[ -s $rec ]]; then
    PG_BASE=$(<"$rec")
    return
  fi
  PG_BASE=$STATE_DIR/pg
  [[ $create == create ]] || return 0
  cand=$STATE_DIR/pg
  if ((${#cand} + 20 > 100)); then
    log "pg: socket path under $cand would be too long; using $(pg_fallback_base)"
    cand=$(pg_fallback_base)
  elif is_root; then
    chmod o+x -- "$STATE_DIR"
    if ! (cd / && runuser -u postgres -- test -x "$STATE_DIR"); then
      log "pg: user postgres cannot traverse $STATE_DIR; using $(pg_fallback_base)"
      cand=$(pg_fallback_base)
    fi
  fi
  PG_BASE=$cand
  printf '%s\n' "$PG_BASE" >"$rec"
}

pg_data() { echo "$PG_BASE/data"; }
pg_sock() { echo "$PG_BASE/sock"; }
pg_log() { echo "$PG_BASE/postgres.log"; }

# TLS for PostgreSQL: a CA and a server certificate of its own, made here with openssl so the stack
# needs nothing of the .NET build (CI starts it from a clean clone). The CA stays in the state
# folder, readable by clients, who verify the server against it (`stack.sh env`); the server's copy
# of its key lives beside the data, owned by the server's user with mode 0600 as PostgreSQL requires.
pg_tls_dir() { echo "$STATE_DIR/pg-tls"; }
pg_server_tls_dir() { echo "$PG_BASE/tls"; }

pg_tls() {
  local dir server serial
  dir=$(pg_tls_dir)
  server=$(pg_server_tls_dir)
  command -v openssl >/dev/null 2>&1 || die "pg: openssl is required for PostgreSQL's TLS certificate"
  mkdir -p -- "$dir"
  if [[ ! -s $dir/ca.crt || ! -s $dir/ca.key ]] || ! openssl x509 -checkend $((30 * 86400)) -noout -in "$dir/ca.crt" >/dev/null 2>&1; then
    log "pg: making the local PostgreSQL CA ($dir/ca.crt)"
    (umask 077 && openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$dir/ca.key" 2>/dev/null) || die "pg: openssl genpkey failed"
    openssl req -x509 -new -key "$dir/ca.key" -sha256 -days 3650 -subj "/CN=OrleansAI local PostgreSQL CA" \
      -addext "basicConstraints=critical,CA:TRUE,pathlen:0" -addext "keyUsage=critical,keyCertSign,cRLSign" \
      -addext "subjectKeyIdentifier=hash" -out "$dir/ca.crt" 2>/dev/null || die "pg: openssl req (CA) failed"
    rm -f -- "$dir/server.crt"
  fi
  # The server certificate: for the address clients use (VerifyFull checks it), issued again when
  # missing, expiring within 30 days or not from the current CA.
  if [[ ! -s $dir/server.crt || ! -s $dir/server.key ]] || ! openssl x509 -checkend $((30 * 86400)) -noout -in "$dir/server.crt" >/dev/null 2>&1 ||
    ! openssl verify -CAfile "$dir/ca.crt" "$dir/server.crt" >/dev/null 2>&1; then
    log "pg: issuing PostgreSQL's server certificate for $HOST and localhost"
    (umask 077 && openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$dir/server.key" 2>/dev/null) || die "pg: openssl genpkey failed"
    serial=0x$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n' | sed 's/^./1/')
    openssl req -new -key "$dir/server.key" -subj "/CN=$HOST" -out "$dir/server.csr" 2>/dev/null || die "pg: openssl req (server) failed"
    openssl x509 -req -in "$dir/server.csr" -CA "$dir/ca.crt" -CAkey "$dir/ca.key" -set_serial "$serial" -days 397 -sha256 \
      -extfile <(printf '%s\n' "subjectAltName=IP:$HOST,DNS:localhost" "basicConstraints=critical,CA:FALSE" \
        "keyUsage=critical,digitalSignature,keyAgreement" "extendedKeyUsage=serverAuth" \
        "subjectKeyIdentifier=hash" "authorityKeyIdentifier=keyid") \
      -out "$dir/server.crt" 2>/dev/null || die "pg: openssl x509 (server) failed"
    rm -f -- "$dir/server.csr"
  fi
  chmod 0644 -- "$dir/ca.crt"
  as_pg mkdir -p -- "$server"
  if is_root; then
    install -o postgres -g postgres -m 0644 -- "$dir/server.crt" "$server/server.crt"
    install -o postgres -g postgres -m 0600 -- "$dir/server.key" "$server/server.key"
  else
    install -m 0644 -- "$dir/server.crt" "$server/server.crt"
    install -m 0600 -- "$dir/server.key" "$server/server.key"
  fi
}

# True when the running server has TLS on (a server started by an older stack.sh has not).
pg_ssl_on() {
  [[ $(pg_super_psql -d postgres -At -c 'SHOW ssl' 2>/dev/null) == on ]]
}

pg_pid() {
  local f
  f="$(pg_data)/postmaster.pid"
  [[ -r $f ]] || return 0
  head -n 1 -- "$f"
}

pg_running() {
  local pid
  pid=$(pg_pid)
  [[ -n $pid ]] && pid_matches "$pid" postgres
}

pg_healthy() {
  "$(pg_bindir)/pg_isready" -q -h "$HOST" -p "$PG_PORT" -d postgres -t 2 >/dev/null 2>&1
}

# psql as the superuser over the Unix socket (trust auth).
pg_super_psql() {
  "$(pg_bindir)/psql" -X -q -v ON_ERROR_STOP=1 -h "$(pg_sock)" -p "$PG_PORT" -U postgres "$@"
}

pg_init() {
  local data bindir
  data=$(pg_data)
  if [[ -L $PG_BASE ]]; then die "pg: $PG_BASE is a symlink; refusing to use it"; fi
  mkdir -p -- "$PG_BASE"
  if is_root; then
    getent passwd postgres >/dev/null || die "user postgres missing (run: $0 install)"
    chown postgres:postgres -- "$PG_BASE"
    chmod 0750 -- "$PG_BASE"
  fi
  as_pg mkdir -p -- "$(pg_sock)"
  [[ -f $(pg_log) ]] || as_pg touch -- "$(pg_log)"
  ln -sfn -- "$(pg_log)" "$LOG_DIR/postgres.log"
  [[ -f $data/PG_VERSION ]] && return 0
  # A data dir without PG_VERSION is a half-finished initdb: start over.
  if [[ -d $data ]]; then as_root rm -rf -- "$data"; fi
  bindir=$(pg_bindir)
  log "pg: initdb $data"
  if ! as_pg "$bindir/initdb" -D "$data" -U postgres -E UTF8 --locale=C \
    --auth-local=trust --auth-host=scram-sha-256 >>"$LOG_DIR/initdb.log" 2>&1; then
    show_log "$LOG_DIR/initdb.log"
    die "pg: initdb failed"
  fi
  pg_require_tls_hba
}

# Connections over TCP must use TLS: every `host` rule becomes `hostssl` (idempotent, and applied
# to clusters made before TLS too; the Unix socket's `local` rules are left as they are).
pg_require_tls_hba() {
  local hba
  hba="$(pg_data)/pg_hba.conf"
  as_pg test -f "$hba" || return 0
  if as_pg grep -qE '^host[[:space:]]' "$hba"; then
    as_pg sed -i -E 's/^host([[:space:]])/hostssl\1/' "$hba"
  fi
}

pg_bootstrap() {
  local f files=()
  # Role and database, idempotently. CREATEDB lets tests make throwaway databases (migration tests).
  pg_super_psql -d postgres <<SQL
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PG_APP_USER') THEN
    CREATE ROLE $PG_APP_USER LOGIN CREATEDB PASSWORD '$PG_APP_PASSWORD';
  ELSE
    ALTER ROLE $PG_APP_USER LOGIN CREATEDB PASSWORD '$PG_APP_PASSWORD';
  END IF;
END
\$\$;
SELECT 'CREATE DATABASE $PG_DB OWNER $PG_APP_USER'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$PG_DB')\gexec
SQL
  # Schema: every infra/sql/*.sql in byte order, as the app user over TCP (password auth).
  # The files are idempotent, so this also runs when the server was already up.
  if [[ -d $REPO_ROOT/infra/sql ]]; then
    mapfile -d '' files < <(find "$REPO_ROOT/infra/sql" -maxdepth 1 -type f -name '*.sql' -print0 | LC_ALL=C sort -z)
  fi
  for f in "${files[@]}"; do
    log "pg: applying ${f#"$REPO_ROOT"/}"
    PGPASSWORD=$PG_APP_PASSWORD PGSSLMODE=verify-full PGSSLROOTCERT="$(pg_tls_dir)/ca.crt" PGOPTIONS='-c client_min_messages=warning' "$(pg_bindir)/psql" -X -q -v ON_ERROR_STOP=1 \
      -h "$HOST" -p "$PG_PORT" -U "$PG_APP_USER" -d "$PG_DB" -f "$f" >/dev/null ||
      die "pg: applying $f failed"
  done
  log "pg: role/database ready, ${#files[@]} sql file(s) applied"
}

pg_start() {
  local bindir pid opts sock
  pg_resolve_base create
  if pg_running; then
    pid=$(pg_pid)
    if wait_until pg 10 "$pid" pg_healthy && pg_ssl_on; then
      log "pg: already running (pid $pid, port $PG_PORT)"
      pg_bootstrap
      return 0
    fi
    log "pg: running without TLS or not healthy on port $PG_PORT; restarting"
    pg_stop
  fi
  if port_open "$PG_PORT"; then die "pg: port $PG_PORT is already in use by another process"; fi
  pg_init
  bindir=$(pg_bindir)
  sock=$(pg_sock)
  [[ $sock != *"'"* ]] || die "pg: socket path must not contain a single quote: $sock"
  # Dev/test cluster: durability is traded for speed (state is disposable, see `reset`).
  pg_tls
  pg_require_tls_hba
  [[ $PG_BASE != *"'"* ]] || die "pg: data path must not contain a single quote: $PG_BASE"
  opts="-c listen_addresses=$HOST -p $PG_PORT -k '$sock' -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  # TLS on, TLS 1.2 at least; the Unix socket (the superuser's bootstrap) is local and stays plaintext.
  opts+=" -c ssl=on -c ssl_cert_file='$(pg_server_tls_dir)/server.crt' -c ssl_key_file='$(pg_server_tls_dir)/server.key' -c ssl_min_protocol_version=TLSv1.2"
  log "pg: starting ($bindir, port $PG_PORT, data $(pg_data))"
  # setsid: the postmaster gets its own session, detached from the caller's terminal/job.
  # 9>&-: the long-lived server must not inherit (and so hold) our lock file descriptor.
  if ! as_pg setsid -w "$bindir/pg_ctl" -D "$(pg_data)" -l "$(pg_log)" -o "$opts" -w -t "$START_TIMEOUT" start >/dev/null 9>&-; then
    show_log "$(pg_log)"
    die "pg: pg_ctl start failed"
  fi
  pid=$(pg_pid)
  if ! wait_until pg "$START_TIMEOUT" "$pid" pg_healthy; then
    show_log "$(pg_log)"
    pg_stop || true
    die "pg: did not become healthy"
  fi
  log "pg: healthy (pid $pid, port $PG_PORT)"
  pg_bootstrap
}

pg_stop() {
  local pid pgid bindir
  pg_resolve_base
  pid=$(pg_pid)
  if [[ -z $pid ]] || ! pid_matches "$pid" postgres; then
    log "pg: not running"
    return 0
  fi
  bindir=$(pg_bindir)
  pgid=$(pgid_of "$pid")
  log "pg: stopping (pid $pid)"
  if ! as_pg "$bindir/pg_ctl" -D "$(pg_data)" -m fast -w -t "$STOP_TIMEOUT" stop >/dev/null 2>&1; then
    log "pg: fast shutdown timed out, trying immediate"
    as_pg "$bindir/pg_ctl" -D "$(pg_data)" -m immediate -w -t 5 stop >/dev/null 2>&1 || true
  fi
  if pid_alive "$pid"; then
    log "pg: still alive, killing"
    if [[ -n $pgid && $pgid == "$pid" ]]; then kill_tree "$pid" pg || true; else kill -KILL "$pid" 2>/dev/null || true; fi
  fi
  # Backends exit on their own once the postmaster is gone; make sure of it.
  if [[ -n $pgid && $pgid != "$(pgid_of $$)" ]] && group_alive "$pgid"; then
    kill -KILL -- "-$pgid" 2>/dev/null || true
    sleep 0.5
  fi
  if pid_alive "$pid"; then die "pg: could not stop pid $pid"; fi
  log "pg: stopped"
}

pg_status_line() {
  local pid='' state=stopped health=unhealthy
  pg_resolve_base
  if pg_running; then
    state=running
    pid=$(pg_pid)
  fi
  if [[ $state == running ]] && pg_healthy; then health=healthy; fi
  printf '%-8s %-8s pid=%-8s port=%-16s %s\n' pg "$state" "${pid:--}" "$PG_PORT" "$health"
  [[ $health == healthy ]]
}

# ------------------------------------------------------ Azurite and Anvil --

node_bin() { command -v node || die "node not found (run: $0 install)"; }

anvil_bin() {
  local arch f
  if [[ -n ${OAI_ANVIL_BIN:-} ]]; then
    echo "$OAI_ANVIL_BIN"
    return
  fi
  case $(uname -m) in
    x86_64) arch=amd64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) arch=$(uname -m) ;;
  esac
  f=$NODE_MODULES/@foundry-rs/anvil-linux-$arch/bin/anvil
  [[ -x $f ]] || die "anvil binary not found at $f (run: $0 install)"
  echo "$f"
}

forge_bin() {
  local f
  f=$(anvil_bin) || return 0
  f=${f/\/anvil-linux-/\/forge-linux-}
  f=${f%/anvil}/forge
  [[ -x $f ]] && echo "$f"
  return 0
}

pidfile() { echo "$RUN_DIR/$1.pid"; }
logfile() { echo "$LOG_DIR/$1.log"; }

# Marker that must appear in the recorded pid's command line (guards against pid reuse).
marker() {
  case $1 in
    azurite) echo azurite ;;
    anvil) echo anvil ;;
  esac
}

svc_pid() {
  local f
  f=$(pidfile "$1")
  [[ -r $f ]] || return 0
  head -n 1 -- "$f"
}

svc_running() {
  local pid
  pid=$(svc_pid "$1")
  [[ -n $pid ]] && pid_matches "$pid" "$(marker "$1")"
}

http_answers() {
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://$HOST:$1/" 2>/dev/null) || true
  [[ -n $code && $code != 000 ]]
}

azurite_healthy() {
  http_answers "$AZ_BLOB_PORT" && http_answers "$AZ_QUEUE_PORT" && http_answers "$AZ_TABLE_PORT"
}

anvil_healthy() {
  local out
  out=$(curl -s --max-time 2 -H 'Content-Type: application/json' \
    --data '{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}' \
    "http://$HOST:$ANVIL_PORT/" 2>/dev/null) || return 1
  [[ $out == *"\"$CHAIN_ID_HEX\""* ]]
}

svc_healthy() { "${1}_healthy"; }

svc_ports() {
  case $1 in
    azurite) echo "$AZ_BLOB_PORT $AZ_QUEUE_PORT $AZ_TABLE_PORT" ;;
    anvil) echo "$ANVIL_PORT" ;;
  esac
}

svc_cmd() {
  case $1 in
    azurite)
      local script=$NODE_MODULES/azurite/dist/src/azurite.js
      [[ -f $script ]] || die "azurite not found at $script (run: $0 install)"
      SVC_CMD=("$(node_bin)" "$script"
        --blobHost "$HOST" --blobPort "$AZ_BLOB_PORT"
        --queueHost "$HOST" --queuePort "$AZ_QUEUE_PORT"
        --tableHost "$HOST" --tablePort "$AZ_TABLE_PORT"
        --location "$STATE_DIR/azurite"
        --skipApiVersionCheck --loose --disableTelemetry)
      if [[ -n ${OAI_AZURITE_DEBUG:-} ]]; then
        SVC_CMD+=(--debug "$LOG_DIR/azurite-debug.log")
      else
        SVC_CMD+=(--silent)
      fi
      mkdir -p -- "$STATE_DIR/azurite"
      ;;
    anvil)
      # Deterministic default accounts (the standard test mnemonic); state is in memory only.
      SVC_CMD=("$(anvil_bin)" --host "$HOST" --port "$ANVIL_PORT" --chain-id "$CHAIN_ID"
        --mnemonic "$ANVIL_MNEMONIC" --accounts 10)
      ;;
  esac
}

svc_start() {
  local name=$1 pid port log
  log=$(logfile "$name")
  if svc_running "$name"; then
    pid=$(svc_pid "$name")
    if wait_until "$name" 10 "$pid" svc_healthy "$name"; then
      log "$name: already running (pid $pid)"
      return 0
    fi
    log "$name: running but not healthy; restarting"
    svc_stop "$name"
  fi
  rm -f -- "$(pidfile "$name")"
  for port in $(svc_ports "$name"); do
    if port_open "$port"; then die "$name: port $port is already in use by another process"; fi
  done
  svc_cmd "$name"
  log "$name: starting (ports $(svc_ports "$name"), log $log)"
  printf '\n==== %s start %s ====\n' "$name" "$(date -Is)" >>"$log"
  # setsid: own session + process group (pid == pgid), so stop can kill the whole group and
  # the service survives the caller's terminal/job ending. nohup: ignore SIGHUP.
  # 9>&-: do not let the service inherit (and so hold) our lock file descriptor.
  setsid nohup "${SVC_CMD[@]}" >>"$log" 2>&1 </dev/null 9>&- &
  pid=$!
  printf '%s\n' "$pid" >"$(pidfile "$name")"
  if ! wait_until "$name" "$START_TIMEOUT" "$pid" svc_healthy "$name"; then
    show_log "$log"
    svc_stop "$name" || true
    die "$name: did not become healthy"
  fi
  log "$name: healthy (pid $pid)"
}

svc_stop() {
  local name=$1 pid
  pid=$(svc_pid "$name")
  if [[ -z $pid ]] || ! pid_matches "$pid" "$(marker "$name")"; then
    rm -f -- "$(pidfile "$name")"
    log "$name: not running"
    return 0
  fi
  log "$name: stopping (pid $pid)"
  kill_tree "$pid" "$name" || die "$name: could not kill pid $pid"
  rm -f -- "$(pidfile "$name")"
  log "$name: stopped"
}

svc_status_line() {
  local name=$1 pid='' state=stopped health=unhealthy ports
  if svc_running "$name"; then
    state=running
    pid=$(svc_pid "$name")
  fi
  if [[ $state == running ]] && svc_healthy "$name"; then health=healthy; fi
  ports=$(svc_ports "$name")
  printf '%-8s %-8s pid=%-8s port=%-16s %s\n' "$name" "$state" "${pid:--}" "${ports// /,}" "$health"
  [[ $health == healthy ]]
}

# ----------------------------------------------------------------- commands --

services_from_args() {
  local s
  SERVICES=()
  if (($# == 0)); then
    SERVICES=("${ALL_SERVICES[@]}")
    return
  fi
  for s in "$@"; do
    case $s in
      pg | postgres | postgresql) SERVICES+=(pg) ;;
      azurite | anvil) SERVICES+=("$s") ;;
      all) SERVICES+=("${ALL_SERVICES[@]}") ;;
      *) die "unknown service '$s' (expected: pg azurite anvil)" ;;
    esac
  done
}

deb_installed() {
  [[ $(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true) == "install ok installed" ]]
}

cmd_install() {
  local missing=() p
  for p in "${APT_PACKAGES[@]}"; do
    deb_installed "$p" || missing+=("$p")
  done
  if ! command -v node >/dev/null 2>&1; then missing+=(nodejs); fi
  if ! command -v npm >/dev/null 2>&1; then missing+=(npm); fi
  if ((${#missing[@]})); then
    log "install: apt packages: ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  else
    log "install: apt packages already present"
  fi
  if [[ ! -d $NODE_MODULES || $SCRIPT_DIR/package-lock.json -nt $NODE_MODULES ||
    ! -f $NODE_MODULES/azurite/dist/src/azurite.js ]] || ! anvil_bin >/dev/null 2>&1; then
    log "install: npm ci in $SCRIPT_DIR"
    # --ignore-scripts: the foundry binaries come from their per-platform packages; no
    # install script needs to run (and none may download anything).
    (cd "$SCRIPT_DIR" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error)
    touch -- "$NODE_MODULES"
  else
    log "install: node_modules up to date"
  fi
}

cmd_start() {
  local s
  services_from_args "$@"
  ensure_dirs
  lock_state
  for s in "${SERVICES[@]}"; do
    case $s in
      pg) pg_start ;;
      *) svc_start "$s" ;;
    esac
  done
}

cmd_stop() {
  local s rc=0
  services_from_args "$@"
  if [[ ! -d $RUN_DIR ]]; then
    log "nothing to stop (no $RUN_DIR)"
    return 0
  fi
  lock_state
  for s in "${SERVICES[@]}"; do
    case $s in
      pg) pg_stop || rc=1 ;;
      *) svc_stop "$s" || rc=1 ;;
    esac
  done
  return "$rc"
}

cmd_status() {
  local s rc=0
  services_from_args "$@"
  for s in "${SERVICES[@]}"; do
    case $s in
      pg) pg_status_line || rc=3 ;;
      *) svc_status_line "$s" || rc=3 ;;
    esac
  done
  return "$rc"
}

cmd_env() {
  local blob="http://$HOST:$AZ_BLOB_PORT/$AZ_ACCOUNT"
  local queue="http://$HOST:$AZ_QUEUE_PORT/$AZ_ACCOUNT"
  local table="http://$HOST:$AZ_TABLE_PORT/$AZ_ACCOUNT"
  local forge
  forge=$(forge_bin 2>/dev/null || true)
  # TLS required and verified: the server's certificate must come from the stack's own CA and name
  # the host (VerifyFull), so neither a plaintext fallback nor another server is accepted.
  printf "export OAI_PG_CONNECTION='%s'\n" \
    "Host=$HOST;Port=$PG_PORT;Database=$PG_DB;Username=$PG_APP_USER;Password=$PG_APP_PASSWORD;SSL Mode=VerifyFull;Root Certificate=$(pg_tls_dir)/ca.crt"
  printf "export OAI_PG_CA='%s'\n" "$(pg_tls_dir)/ca.crt"
  printf "export OAI_AZURITE_CONNECTION='%s'\n" \
    "DefaultEndpointsProtocol=http;AccountName=$AZ_ACCOUNT;AccountKey=$AZ_KEY;BlobEndpoint=$blob;QueueEndpoint=$queue;TableEndpoint=$table;"
  printf "export OAI_ANVIL_URL='%s'\n" "http://$HOST:$ANVIL_PORT"
  printf "export OAI_CHAIN_ID='%s'\n" "$CHAIN_ID"
  printf "export OAI_STATE_DIR='%s'\n" "$STATE_DIR"
  printf "export OAI_NODE_MODULES='%s'\n" "$NODE_MODULES"
  if [[ -n $forge ]]; then printf "export OAI_FORGE_BIN='%s'\n" "$forge"; fi
}

cmd_reset() {
  local fb
  cmd_stop
  fb=$(pg_fallback_base)
  case $STATE_DIR in
    / | "$REPO_ROOT" | "$SCRIPT_DIR" | "${HOME:-/}") die "refusing to delete $STATE_DIR" ;;
  esac
  if [[ -d $fb ]]; then
    log "reset: deleting $fb"
    as_root rm -rf -- "$fb"
  fi
  if [[ -n ${OAI_PG_DIR:-} && -d $OAI_PG_DIR ]]; then
    log "reset: deleting $OAI_PG_DIR"
    as_root rm -rf -- "$OAI_PG_DIR"
  fi
  if [[ -e $STATE_DIR ]]; then
    log "reset: deleting $STATE_DIR"
    as_root rm -rf -- "$STATE_DIR"
  fi
}

usage() {
  sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

main() {
  local cmd=${1:-help}
  (($#)) && shift
  case $cmd in
    install) cmd_install "$@" ;;
    start) cmd_start "$@" ;;
    stop) cmd_stop "$@" ;;
    status) cmd_status "$@" ;;
    env) cmd_env "$@" ;;
    reset) cmd_reset "$@" ;;
    help | -h | --help) usage ;;
    *)
      usage >&2
      exit 2
      ;;
  esac
}

main "$@"
