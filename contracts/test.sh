#!/usr/bin/env bash
# contracts/test.sh - build and test the OrleansAI Solidity contracts with forge.
#
#   contracts/test.sh [forge test args...]      e.g. contracts/test.sh --match-contract Staking -vvv
#
# Runs from any directory. Uses the pinned forge, solcjs, OpenZeppelin and forge-std from
# infra/local/node_modules (install them with `infra/local/stack.sh install`). Exits with
# forge's status, so a failing test fails the caller (CI).
#
# Environment:
#   FOUNDRY_PROFILE   default | ci-deep (10,000 fuzz runs, deeper invariants)
#   OAI_FORGE_JOBS    forge worker threads (default 1; 0 = all cores)
#   OAI_NICE          niceness forge runs at (default 19; the machine is shared with .NET builds)
set -euo pipefail

CONTRACTS_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
REPO_ROOT=$(cd -- "$CONTRACTS_DIR/.." && pwd -P)
NODE_MODULES=$REPO_ROOT/infra/local/node_modules

die() {
  printf 'contracts/test.sh: %s\n' "$*" >&2
  exit 2
}

[[ -d $NODE_MODULES ]] || die "$NODE_MODULES not found - run infra/local/stack.sh install"
missing=()
for pkg in solc @openzeppelin/contracts forge-std @foundry-rs/forge; do
  [[ -e $NODE_MODULES/$pkg/package.json ]] || missing+=("$pkg")
done
if ((${#missing[@]})); then
  die "missing ${missing[*]} - run infra/local/stack.sh install"
fi
command -v node >/dev/null 2>&1 || die "node is not on PATH (tools/solc needs it) - run infra/local/stack.sh install"

# Prefer the platform binary (no node launcher in between); fall back to the npm launcher.
FORGE=
for candidate in "$NODE_MODULES"/@foundry-rs/forge-*/bin/forge; do
  if [[ -x $candidate ]]; then
    FORGE=$candidate
    break
  fi
done
if [[ -z $FORGE ]]; then
  [[ -x $NODE_MODULES/.bin/forge ]] || die "no forge binary under $NODE_MODULES - run infra/local/stack.sh install"
  FORGE=$NODE_MODULES/.bin/forge
fi

jobs=${OAI_FORGE_JOBS:-1}
niceness=${OAI_NICE:-19}
[[ $jobs =~ ^[0-9]+$ ]] || die "OAI_FORGE_JOBS must be a number (got '$jobs')"
[[ $niceness =~ ^-?[0-9]+$ ]] || die "OAI_NICE must be a number (got '$niceness')"

cd -- "$CONTRACTS_DIR"
exec nice -n "$niceness" "$FORGE" test --threads "$jobs" "$@"
