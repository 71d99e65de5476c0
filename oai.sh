#!/usr/bin/env bash
# oai.sh - run the OrleansAI platform locally.
#
#   ./oai.sh up      start PostgreSQL, Azurite and Anvil, then the silo and the Api; print the URLs
#   ./oai.sh down    stop the Api, the silo and the local services; nothing is left running
#   ./oai.sh status  what is running and whether it is healthy
#   ./oai.sh demo    up, a smoke round trip, then 10 simulated providers train the Fashion-MNIST CNN
#                    federated (Dirichlet 0.5 partitions) into a registered model; runs until Ctrl-C
#   ./oai.sh test    start what the tests need, run every test, stop what it started
#
# Everything is encrypted: the Api, the provider gateway and the silo's HTTP endpoint serve TLS with a
# development certificate (.oai/tls, made by `oai-deploy certs`; clients pin .oai/tls/ca.crt), the
# silo and the Api talk Orleans over mutual TLS, and PostgreSQL is reached over verified TLS.
# Ports (environment): OAI_API_PORT (5000), OAI_PROVIDER_PORT (5001, the provider gateway, gRPC),
# OAI_SILO_HTTP_PORT (5100, dashboard and health), OAI_SILO_PORT (11111), OAI_GATEWAY_PORT (30000);
# the services' ports are in infra/local/README.md. Demo: OAI_DEMO_PROVIDERS (10), OAI_DEMO_ROUNDS (5),
# OAI_DEMO_EXIT=1 to return once the model is registered instead of waiting for Ctrl-C.
set -euo pipefail

ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
STACK="$ROOT/infra/local/stack.sh"
STATE_DIR=$(realpath -m -- "${OAI_STATE_DIR:-$ROOT/.oai}")
LOG_DIR=$STATE_DIR/logs
TLS_DIR=$STATE_DIR/tls
CA_FILE=$TLS_DIR/ca.crt
RUN_DIR=$STATE_DIR/run
CONFIGURATION=${OAI_CONFIGURATION:-Release}

API_PORT=${OAI_API_PORT:-5000}
PROVIDER_PORT=${OAI_PROVIDER_PORT:-5001}
SILO_HTTP_PORT=${OAI_SILO_HTTP_PORT:-5100}
SILO_PORT=${OAI_SILO_PORT:-11111}
GATEWAY_PORT=${OAI_GATEWAY_PORT:-30000}
READY_TIMEOUT=${OAI_READY_TIMEOUT:-120}

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { printf '[oai] %s\n' "$*" >&2; }
die() {
  log "error: $*"
  exit 1
}

require_dotnet() {
  command -v dotnet >/dev/null 2>&1 || die "the .NET SDK is required (dotnet not found on PATH)"
}

# ------------------------------------------------------------------ apps --

app_dll() { echo "$ROOT/$1/bin/$CONFIGURATION/net10.0/OrleansAI.$1.dll"; }
app_pidfile() { echo "$RUN_DIR/$1.pid"; }
app_url() {
  case $1 in
    Silo) echo "https://127.0.0.1:$SILO_HTTP_PORT" ;;
    Api) echo "https://127.0.0.1:$API_PORT" ;;
  esac
}

app_pid() {
  local file
  file=$(app_pidfile "$1")
  [[ -f $file ]] || return 1
  local pid
  pid=$(<"$file")
  [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null && grep -q "OrleansAI.$1.dll" "/proc/$pid/cmdline" 2>/dev/null && echo "$pid"
}

# curl against the platform: its certificate is checked against the development CA alone.
ocurl() { curl --cacert "$CA_FILE" "$@"; }

app_ready() { ocurl -fsS -m 5 -o /dev/null "$(app_url "$1")/health/ready" 2>/dev/null; }

build_apps() {
  require_dotnet
  log "building the silo and the Api ($CONFIGURATION)"
  # One build of the Api covers the shared projects; the silo then builds incrementally.
  dotnet build "$ROOT/Api/OrleansAI.Api.csproj" -c "$CONFIGURATION" -nologo -v quiet -clp:ErrorsOnly >&2
  dotnet build "$ROOT/Silo/OrleansAI.Silo.csproj" -c "$CONFIGURATION" -nologo -v quiet -clp:ErrorsOnly >&2
  dotnet build "$ROOT/Sdk/OrleansAI.Cli/OrleansAI.Cli.csproj" -c "$CONFIGURATION" -nologo -v quiet -clp:ErrorsOnly >&2
}

# The oai command (Sdk/OrleansAI.Cli) as the demo's client, against this network.
oai_cli() { OAI_URL="$(app_url Api)" OAI_CA_FILE="$CA_FILE" OAI_API_KEY="$(client_key)" dotnet "$ROOT/Sdk/OrleansAI.Cli/bin/$CONFIGURATION/net10.0/oai.dll" "$@"; }

# ----------------------------------------------------------------- fleet --

fleet_pidfile() { echo "$RUN_DIR/fleet.pid"; }

fleet_pid() {
  local file pid
  file=$(fleet_pidfile)
  [[ -f $file ]] || return 1
  pid=$(<"$file")
  [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null && grep -q "oai-node.dll" "/proc/$pid/cmdline" 2>/dev/null && echo "$pid"
}

# A simulated fleet of providers in one process, each with its own key and data partition.
start_fleet() {
  local count=$1 pid
  if pid=$(fleet_pid); then
    log "the provider fleet is already running (pid $pid)"
    return
  fi
  log "building the provider node"
  dotnet build "$ROOT/Node.Host/OrleansAI.Node.Host.csproj" -c "$CONFIGURATION" -nologo -v quiet -clp:ErrorsOnly >&2
  mkdir -p "$LOG_DIR" "$RUN_DIR"
  log "starting $count simulated providers (Dirichlet 0.5 partitions of Fashion-MNIST; they also serve inference, the last one answering wrongly on purpose, and the one before it shirks half its training work) against the gateway on port $PROVIDER_PORT"
  (
    setsid dotnet "$ROOT/Node.Host/bin/$CONFIGURATION/net10.0/linux-x64/oai-node.dll" --gateway "https://127.0.0.1:$PROVIDER_PORT" --ca "$CA_FILE" \
      --simulate "$count" --partition dirichlet:0.5 --seed 1 --serve on --lie "$((count - 1))" --attack "$((count - 2))=shirker" >>"$LOG_DIR/fleet.log" 2>&1 </dev/null &
    echo $! >"$(fleet_pidfile)"
  )
}

verifier_pidfile() { echo "$RUN_DIR/verifier.pid"; }

# The verifier runs as its own process: it re-runs tasks to prove providers' work (docs/verification.md).
start_verifier() {
  local pid
  if [[ -f $(verifier_pidfile) ]] && pid=$(cat "$(verifier_pidfile)") && kill -0 "$pid" 2>/dev/null; then
    log "the verifier node is already running (pid $pid)"
    return
  fi
  log "starting the platform's verifier node ($(verifier_address))"
  (
    setsid dotnet "$ROOT/Node.Host/bin/$CONFIGURATION/net10.0/linux-x64/oai-node.dll" --gateway "https://127.0.0.1:$PROVIDER_PORT" --ca "$CA_FILE" \
      --simulate 1 --seed "$VERIFIER_SEED" --max-tasks 16 --max-examples 1 >>"$LOG_DIR/verifier.log" 2>&1 </dev/null &
    echo $! >"$(verifier_pidfile)"
  )
}

stop_fleet() {
  local pid
  if [[ -f $(verifier_pidfile) ]] && pid=$(cat "$(verifier_pidfile)") && kill -0 "$pid" 2>/dev/null; then
    log "stopping the verifier node (pid $pid)"
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  fi
  rm -f "$(verifier_pidfile)"
  if pid=$(fleet_pid); then
    log "stopping the provider fleet (pid $pid)"
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 20); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.5
    done
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  rm -f "$(fleet_pidfile)"
}

start_app() {
  local name=$1 pid
  shift
  if pid=$(app_pid "$name"); then
    log "$name already running (pid $pid)"
  else
    mkdir -p "$LOG_DIR" "$RUN_DIR"
    log "starting $name on $(app_url "$name")"
    # setsid: the app outlives this script; its own session makes stopping the whole tree reliable.
    (
      cd "$ROOT/$name"
      env "$@" Urls="$(app_url "$name")" Kestrel__Endpoints__Http__Url="$(app_url "$name")" \
        Kestrel__Endpoints__Http__Certificate__Path="$TLS_DIR/server.crt" Kestrel__Endpoints__Http__Certificate__KeyPath="$TLS_DIR/server.key" \
        Logging__Console__FormatterName=json \
        Logging__Console__FormatterOptions__TimestampFormat="yyyy-MM-ddTHH:mm:ss.fffZ" \
        Logging__Console__FormatterOptions__UseUtcTimestamp=true \
        setsid dotnet "$(app_dll "$name")" >>"$LOG_DIR/${name,,}.log" 2>&1 </dev/null &
      echo $! >"$(app_pidfile "$name")"
    )
  fi
  local deadline=$((SECONDS + READY_TIMEOUT))
  until app_ready "$name"; do
    if ! app_pid "$name" >/dev/null; then
      tail -n 30 "$LOG_DIR/${name,,}.log" >&2 || true
      die "$name exited during start (log: $LOG_DIR/${name,,}.log)"
    fi
    ((SECONDS < deadline)) || {
      tail -n 30 "$LOG_DIR/${name,,}.log" >&2 || true
      die "$name not ready after ${READY_TIMEOUT}s (log: $LOG_DIR/${name,,}.log)"
    }
    sleep 1
  done
  log "$name ready"
}

stop_app() {
  local name=$1 pid
  if pid=$(app_pid "$name"); then
    log "stopping $name (pid $pid)"
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.5
    done
    if kill -0 "$pid" 2>/dev/null; then
      log "$name ignored SIGTERM; killing it"
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$(app_pidfile "$name")"
}

stack_env() { "$STACK" env; }

# An API key kept in the state folder (made once, mode 600); only its hash is given to the Api.
state_key() {
  local file="$STATE_DIR/$1.key"
  if [[ ! -s $file ]]; then
    mkdir -p "$STATE_DIR"
    (umask 077 && printf '%s_%s\n' "$2" "$(od -An -tx1 -N24 /dev/urandom | tr -d ' \n')" >"$file")
  fi
  tr -d '\n' <"$file"
}

# The demo client's key; the operator's (smoke checks, the dashboard's password, deciding disputed
# cases); a second client's, "partner", whom the demo shares its model with.
client_key() { state_key client oai; }
operator_key() { state_key operator oai_op; }
partner_key() { state_key partner oai_pt; }

# Settings both apps get when they run against the local stack.
app_settings() {
  eval "$(stack_env)"
  local hash operator_hash partner_hash
  hash=$(printf '%s' "$(client_key)" | sha256sum | cut -d' ' -f1)
  operator_hash=$(printf '%s' "$(operator_key)" | sha256sum | cut -d' ' -f1)
  partner_hash=$(printf '%s' "$(partner_key)" | sha256sum | cut -d' ' -f1)
  printf '%s\n' \
    "Clients__Keys__0__ClientId=demo" \
    "Clients__Keys__0__Sha256=$hash" \
    "Clients__Keys__1__ClientId=operator" \
    "Clients__Keys__1__Sha256=$operator_hash" \
    "Clients__Keys__1__Roles__0=operator" \
    "Clients__Keys__2__ClientId=partner" \
    "Clients__Keys__2__Sha256=$partner_hash" \
    "Postgres__ConnectionString=$OAI_PG_CONNECTION" \
    "BlobStorage__ConnectionString=$OAI_AZURITE_CONNECTION" \
    "Chain__RpcUrl=$OAI_ANVIL_URL" \
    "Chain__ChainId=$OAI_CHAIN_ID" \
    "Chain__DeploymentFile=$STATE_DIR/deployment.json" \
    "Clients__Keys__0__Wallet=$CLIENT_WALLET" \
    "Cluster__SiloPort=$SILO_PORT" \
    "Cluster__GatewayPort=$GATEWAY_PORT" \
    "Cluster__Tls__CertificatePath=$TLS_DIR/server.crt" \
    "Cluster__Tls__KeyPath=$TLS_DIR/server.key" \
    "Cluster__Tls__CaPath=$CA_FILE" \
    "Verification__Verifiers=$(verifier_address)"
}

# The platform's own verifier node: simulated provider 0 of seed $VERIFIER_SEED, trusted by address.
VERIFIER_SEED=2
verifier_address() {
  dotnet "$ROOT/Deploy/bin/$CONFIGURATION/net10.0/oai-deploy.dll" address --index 0 --seed "$VERIFIER_SEED"
}

# ------------------------------------------------------------- commands --

# Anvil's account 1: the platform role holder (starts jobs, releases payments) on the local chain.
PLATFORM_ACCOUNT=0x70997970C51812dc3A010C7d01b50e0d17dc79C8
# Its key (the standard test mnemonic's, public): silos release escrow payments with it.
PLATFORM_KEY=0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d
# Anvil's accounts 3 and 4: the slasher and the arbiter, each a key of its own (the contracts
# refuse an arbiter that slashes or pays). In production the arbiter is Governance or a multisig.
SLASHER_ACCOUNT=0x90F79bf6EB2c4f870365E785982E1f101E93b906
SLASHER_KEY=0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6
ARBITER_ACCOUNT=0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65
ARBITER_KEY=0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a
# Anvil's account 2: the demo client's wallet, which funds its jobs' escrow.
CLIENT_WALLET=0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC
CLIENT_WALLET_KEY=0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a

deploy_contracts() {
  log "deploying the contracts to the local chain (skipped when the deployment file still matches the chain)"
  dotnet build "$ROOT/Deploy/OrleansAI.Deploy.csproj" -c "$CONFIGURATION" -nologo -v quiet -clp:ErrorsOnly >&2
  eval "$(stack_env)"
  dotnet "$ROOT/Deploy/bin/$CONFIGURATION/net10.0/oai-deploy.dll" deploy \
    --rpc "$OAI_ANVIL_URL" --out "$STATE_DIR/deployment.json" --if-missing --platform "$PLATFORM_ACCOUNT" \
    --slasher "$SLASHER_ACCOUNT" --arbiter "$ARBITER_ACCOUNT" >&2
}

# The deployment tool against the local chain and the current deployment file.
chain_tool() {
  eval "$(stack_env)"
  dotnet "$ROOT/Deploy/bin/$CONFIGURATION/net10.0/oai-deploy.dll" "$1" --rpc "$OAI_ANVIL_URL" --file "$STATE_DIR/deployment.json" "${@:2}" >&2
}

# The simulated providers must hold the minimum stake before the gateway admits them.
stake_fleet() {
  local count=$1 seed=${2:-1}
  eval "$(stack_env)"
  log "staking the minimum for $count simulated provider(s) of seed $seed (gas and OAI from Anvil's account 0)"
  dotnet "$ROOT/Deploy/bin/$CONFIGURATION/net10.0/oai-deploy.dll" stake-fleet \
    --rpc "$OAI_ANVIL_URL" --file "$STATE_DIR/deployment.json" --simulated "$count" --seed "$seed" >&2
}

# The development CA and the certificate of the Api, the gateway, the silo and the cluster: kept while
# valid, so nodes and clients that pinned the CA keep working across runs.
make_certs() {
  log "development TLS certificates in $TLS_DIR (clients pin $CA_FILE)"
  dotnet "$ROOT/Deploy/bin/$CONFIGURATION/net10.0/oai-deploy.dll" certs --out "$TLS_DIR" >&2
}

cmd_up() {
  "$STACK" install
  "$STACK" start
  build_apps
  deploy_contracts
  make_certs
  local settings
  mapfile -t settings < <(app_settings)
  # Only the silo signs on chain, one key per role; the Api mirrors the chain and gets no key.
  start_app Silo "${settings[@]}" "Chain__PlatformKey=$PLATFORM_KEY" "Chain__SlasherKey=$SLASHER_KEY" "Chain__ArbiterKey=$ARBITER_KEY"
  start_app Api "${settings[@]}" Kestrel__Endpoints__Providers__Url="https://127.0.0.1:$PROVIDER_PORT" \
    Kestrel__Endpoints__Providers__Certificate__Path="$TLS_DIR/server.crt" Kestrel__Endpoints__Providers__Certificate__KeyPath="$TLS_DIR/server.key" \
    Gateway__Domain=localhost
  cat <<EOF

OrleansAI is up.
  API                 $(app_url Api)
  API reference       $(app_url Api)/reference
  Provider gateway    https://127.0.0.1:$PROVIDER_PORT (gRPC over TLS; docs/protocol.md)
  OpenAPI document    $(app_url Api)/openapi/v1.json
  Orleans dashboard   $(app_url Silo)/dashboard/ (any user name; the password is the operator key)
  Health (api, silo)  $(app_url Api)/health/ready  $(app_url Silo)/health/ready
  Logs                $LOG_DIR
  Contracts           $STATE_DIR/deployment.json (chain 31337)
  Client API key      $STATE_DIR/client.key (client "demo"; send it as "Authorization: Bearer KEY")
  TLS CA              $CA_FILE (curl --cacert, oai --ca, oai-node --ca; every service's certificate is from it)
  Operator key        $STATE_DIR/operator.key (smoke checks, the dashboard, disputed cases)
Stop everything with: ./oai.sh down
EOF
}

cmd_down() {
  stop_fleet
  stop_app Api
  stop_app Silo
  "$STACK" stop
}

cmd_status() {
  local rc=0 name pid
  "$STACK" status || rc=$?
  for name in Silo Api; do
    if pid=$(app_pid "$name"); then
      if app_ready "$name"; then
        printf '%-8s running  pid=%-8s url=%s  ready\n' "${name,,}" "$pid" "$(app_url "$name")"
      else
        printf '%-8s running  pid=%-8s url=%s  NOT READY\n' "${name,,}" "$pid" "$(app_url "$name")"
        rc=3
      fi
    else
      printf '%-8s stopped\n' "${name,,}"
      rc=3
    fi
  done
  return "$rc"
}

cmd_demo() {
  cmd_up
  log "running the smoke round trip: Api -> grain (PostgreSQL) -> Azurite -> Anvil"
  local body
  body=$(ocurl -sS -m 60 -X POST -H "Authorization: Bearer $(operator_key)" -w '\n%{http_code}' "$(app_url Api)/api/diagnostics/smoke") || die "the Api did not answer"
  local code=${body##*$'\n'}
  body=${body%$'\n'*}
  [[ $code == 200 ]] || {
    printf '%s\n' "$body" >&2
    die "smoke round trip failed (HTTP $code)"
  }
  log "smoke round trip passed"

  local providers=${OAI_DEMO_PROVIDERS:-10} rounds=${OAI_DEMO_ROUNDS:-5} key api
  key=$(client_key)
  api=$(app_url Api)
  stake_fleet "$providers"
  stake_fleet 1 "$VERIFIER_SEED"
  start_fleet "$providers"
  start_verifier
  local deadline=$((SECONDS + 180)) online=0
  until ((online >= providers)); do
    online=$(ocurl -fsS -m 5 -H "Authorization: Bearer $key" "$api/api/providers" 2>/dev/null |
      python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])' 2>/dev/null || echo 0)
    ((SECONDS < deadline)) || die "only $online of $providers providers came online (log: $LOG_DIR/fleet.log)"
    sleep 1
  done
  log "$online providers online"

  log "submitting the Fashion-MNIST CNN job: $rounds rounds of FedAvg over $providers providers, as client 'demo'"
  log "(the simulated providers share this machine's $(nproc) cores and train in turn, so a round takes several times the slowest provider's own compute)"
  local spec job id request
  spec=$(cat "$ROOT/Models/Specs/Models/fashion-cnn.json")
  local budget=1000000000000000000000 # 1,000 OAI, shared by the results that shape the model
  # Every provider is asked (fraction 1); the job starts once 80 % are eligible, because providers
  # slashed in an earlier demo run on this machine stay suspended for a week.
  request=$(printf '{"spec": %s, "model": "fashion-cnn", "rounds": %d, "strategy": "fedavg", "minProviders": %d, "quorum": %d, "localEpochs": 1, "learningRate": 0.001, "batchSize": 64, "roundTimeoutSeconds": 600, "budget": "%s"}' \
    "$spec" "$rounds" $(((providers * 8 + 9) / 10)) $(((providers * 8 + 9) / 10)) "$budget")
  job=$(ocurl -sS -m 30 -X POST -H "Authorization: Bearer $key" -H 'Content-Type: application/json' -w '\n%{http_code}' \
    --data "$request" "$api/api/jobs") || die "the Api did not answer"
  code=${job##*$'\n'}
  job=${job%$'\n'*}
  [[ $code == 201 ]] || {
    printf '%s\n' "$job" >&2
    die "the job was refused (HTTP $code)"
  }
  id=$(json_field "$job" id)
  log "job $id accepted; it waits for its escrow. Balances before:"
  chain_tool balances --simulated "$providers" --seed 1
  log "funding the escrow from the client's wallet ($CLIENT_WALLET): 1,000 OAI"
  chain_tool post-job --job "$id" --budget "$budget" --client-key "$CLIENT_WALLET_KEY" --spec "$ROOT/Models/Specs/Models/fashion-cnn.json"
  log "job $id progress (server-sent events from $api/api/jobs/$id/events):"
  ocurl -sS -N -m 7200 -H "Authorization: Bearer $key" "$api/api/jobs/$id/events" | python3 "$ROOT/infra/local/show-progress.py" ||
    die "the progress stream broke"

  job=$(ocurl -fsS -m 30 -H "Authorization: Bearer $key" "$api/api/jobs/$id") || die "the job could not be read"
  local status version
  status=$(json_field "$job" status)
  [[ $status == completed ]] || die "the job ended $status: $(json_field "$job" statusReason)"
  version=$(json_field "$job" modelVersion)
  ocurl -fsS -m 30 -H "Authorization: Bearer $key" "$api/api/models/fashion-cnn/versions/$version" |
    python3 "$ROOT/infra/local/show-model.py" || die "the model version could not be read"
  log "balances after (each result that shaped the model was paid its share, less the platform fee, claimable from the escrow):"
  chain_tool balances --simulated "$providers" --seed 1

  log "deploying fashion-cnn v$version for inference on every serving node (ONNX exported once; nodes check its SHA-256)"
  ocurl -fsS -m 30 -X PUT -H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
    --data "{\"replicas\": $providers, \"auditRate\": 0.05, \"verifyRate\": 0.34}" "$api/api/models/fashion-cnn/versions/$version/deployment" >/dev/null ||
    die "the deployment was refused"
  deadline=$((SECONDS + 120))
  local ready=0
  # Suspended providers (slashed by an earlier run here) get no placement: 80 % of the fleet is enough.
  until ((ready >= (providers * 8 + 9) / 10)); do
    ready=$(ocurl -fsS -m 5 -H "Authorization: Bearer $key" "$api/api/models/fashion-cnn/versions/$version/deployment" 2>/dev/null |
      python3 -c 'import json,sys; print(sum(n["state"] == "ready" for n in json.load(sys.stdin)["nodes"]))' 2>/dev/null || echo 0)
    ((SECONDS < deadline)) || die "the model became ready on only $ready of $providers nodes (log: $LOG_DIR/fleet.log)"
    sleep 1
  done
  log "fashion-cnn v$version is ready on $ready nodes"
  log "calling it through the Open Inference Protocol with 8 test images, each run on 3 nodes and compared:"
  OAI_CA_FILE="$CA_FILE" python3 "$ROOT/infra/local/infer-demo.py" "$api" "$key" fashion-cnn "$version" 8 3 || die "the inference call failed"
  log "a burst of single-image calls; a third of the answers are re-computed by the platform's verifier, so the node that lies is caught and slashed:"
  OAI_CA_FILE="$CA_FILE" python3 "$ROOT/infra/local/catch-liar.py" "$api" "$key" fashion-cnn "$version" 60 || die "the verification burst failed"
  log "proof of compute on training: a data-parallel job on an uploaded part of Fashion-MNIST; shards are re-run by other providers and the verifier node, and the provider that shirks is caught and slashed:"
  OAI_CA_FILE="$CA_FILE" python3 "$ROOT/infra/local/verify-training.py" "$api" "$key" "$ROOT/Models/Specs/Models/fashion-cnn.json" || die "the data-parallel job failed"
  log "sharing: the client grants a second client (partner) use of fashion-cnn v$version, which calls it as demo.fashion-cnn, then revokes it; the client's audit log shows who touched its model:"
  OAI_CA_FILE="$CA_FILE" python3 "$ROOT/infra/local/share-and-audit.py" "$api" "$key" "$(partner_key)" fashion-cnn "$version" || die "sharing the model failed"
  log "the client's jobs, as the oai command (Sdk/OrleansAI.Cli, over the .NET SDK) lists them:"
  oai_cli jobs list || die "the oai command failed"
  printf '\nDemo complete: the model is registered with its provenance.\n'
  printf '  Model version       %s (Authorization: Bearer $(cat %s))\n' "$api/api/models/fashion-cnn/versions/$version" "$STATE_DIR/client.key"
  printf '  Inference (OIP v2)  POST %s\n' "$api/v2/models/fashion-cnn/versions/$version/infer"
  printf '  Orleans dashboard   %s (password: the key in %s)\n' "$(app_url Silo)/dashboard/" "$STATE_DIR/operator.key"
  printf '  Providers           %s\n' "$api/api/providers"
  printf '  oai command         OAI_CA_FILE=%s OAI_API_KEY=$(cat %s) dotnet %s jobs list\n' "$CA_FILE" "$STATE_DIR/client.key" "Sdk/OrleansAI.Cli/bin/$CONFIGURATION/net10.0/oai.dll"
  printf '  Logs                %s (fleet.log: the providers)\n' "$LOG_DIR"
  if [[ ${OAI_DEMO_EXIT:-0} == 1 ]]; then
    log "the network is still up (./oai.sh down to stop it)"
    return
  fi
  log "the network keeps running; press Ctrl-C to stop it"
  trap 'cmd_down; exit 0' INT TERM
  while true; do sleep 3600 & wait $!; done
}

json_field() { printf '%s' "$1" | python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$2"; }

cmd_test() {
  require_dotnet
  "$STACK" install
  # Stop afterwards only what this run started, so a developer's running stack survives.
  local started=() svc
  for svc in pg azurite anvil; do
    "$STACK" status "$svc" >/dev/null 2>&1 || started+=("$svc")
  done
  if ((${#started[@]} > 0)); then
    trap '"$STACK" stop '"${started[*]}"' || true' EXIT
    "$STACK" start "${started[@]}"
  fi
  eval "$(stack_env)"
  export OAI_PG_CONNECTION OAI_AZURITE_CONNECTION OAI_ANVIL_URL OAI_CHAIN_ID

  mkdir -p "$LOG_DIR"
  local out="$LOG_DIR/test.log" rc=0
  dotnet build "$ROOT/OrleansAI.sln" -nologo -v quiet -clp:ErrorsOnly >&2 || die "build failed"
  dotnet test "$ROOT/OrleansAI.sln" --no-build -nologo 2>&1 | tee "$out" || rc=$?
  # The contracts' forge suite (unit, fuzz, invariant); its summary line is folded into the totals below.
  # In CI the deeper profile (10,000 runs per invariant; about 3 min of CPU on one forge thread; docs/contracts.md).
  FOUNDRY_PROFILE=${FOUNDRY_PROFILE:-$([[ -n ${CI:-} ]] && echo ci || echo default)} \
    "$ROOT/contracts/test.sh" 2>&1 | tee -a "$out" || rc=1
  # One closing line across all test assemblies.
  local passed failed skipped
  passed=$(grep -oE 'Passed: +[0-9]+' "$out" | awk '{s+=$2} END {print s+0}')
  failed=$(grep -oE 'Failed: +[0-9]+' "$out" | awk '{s+=$2} END {print s+0}')
  skipped=$(grep -oE 'Skipped: +[0-9]+' "$out" | awk '{s+=$2} END {print s+0}')
  local forge
  forge=$(grep -oE '[0-9]+ tests passed, [0-9]+ failed, [0-9]+ skipped' "$out" | tail -n 1 || true)
  if [[ -n $forge ]]; then
    read -r fp _ _ ff _ fs _ <<<"$forge"
    passed=$((passed + fp))
    failed=$((failed + ff))
    skipped=$((skipped + fs))
  fi
  if ((rc == 0 && passed == 0)); then
    log "no test ran"
    rc=1
  fi
  echo "tests: $passed passed, $failed failed, $skipped skipped"
  return "$rc"
}

usage() { sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

main() {
  local command=${1:-}
  [[ $# -gt 0 ]] && shift
  case $command in
    up) cmd_up "$@" ;;
    down) cmd_down "$@" ;;
    status) cmd_status "$@" ;;
    demo) cmd_demo "$@" ;;
    test) cmd_test "$@" ;;
    -h | --help | help) usage ;;
    *)
      usage >&2
      exit 2
      ;;
  esac
}

main "$@"
