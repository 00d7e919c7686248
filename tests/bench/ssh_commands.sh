#!/usr/bin/env bash
# Benchmark: COUNT remote commands (`true`) against the lab's main host,
#   1. over one Relais SSH session (relais_bench_ssh, libssh),
#   2. as COUNT separate `ssh` invocations,
#   3. as COUNT `ssh` invocations sharing one OpenSSH ControlMaster connection,
# in the same run, and prints the wall time of each and both ratios.
#
#   tests/bench/ssh_commands.sh [BUILD_DIR] [COUNT]
#
# Needs root (it brings the lab up if it is down). Only the lab's main host
# (10.231.0.10, inside the lab's network namespace) is contacted.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
TOP=$(cd "$HERE/../.." && pwd)
BUILD=${1:-build}
COUNT=${2:-100}
BENCH="$TOP/$BUILD/tests/bench/relais_bench_ssh"
LABCTL="$TOP/tests/lab/labctl"

[ -x "$BENCH" ] || { echo "build relais_bench_ssh first ($BENCH)" >&2; exit 2; }
state=$("$LABCTL" status --json | jq -r .state)
[ "$state" = up ] || "$LABCTL" up >/dev/null
STATUS=$("$LABCTL" status --json)
ADDRESS=$(jq -r .hosts.main.address <<<"$STATUS")
STATE_DIR=$(jq -r .state_dir <<<"$STATUS")
KEY="$(jq -r .secrets_dir <<<"$STATUS")/lab-ssh"
KNOWN="$STATE_DIR/ssh/known_hosts"
# Never let a benchmark reach an address outside the lab.
[ "$(ip -o route get "$ADDRESS" | grep -o 'dev [^ ]*')" = "dev relaislab0" ] ||
    { echo "$ADDRESS is not routed to the lab bridge; refusing" >&2; exit 2; }

WORK=$(mktemp -d)
MASTER_PID=""
cleanup() {
    if [ -n "$MASTER_PID" ]; then kill "$MASTER_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

SSH_OPTS=(-F none -o BatchMode=yes -o StrictHostKeyChecking=yes
          -o UserKnownHostsFile="$KNOWN" -o GlobalKnownHostsFile=/dev/null
          -i "$KEY" -o IdentitiesOnly=yes)

now_ms() { date +%s%3N; }

echo "$COUNT x 'true' on root@$ADDRESS"

# 1. One Relais session (connection included).
out=$("$BENCH" "$ADDRESS" 22 root "$KEY" "$KNOWN" "$COUNT" true)
connect_ms=$(awk '/^connect_ms/ {print $2}' <<<"$out")
commands_ms=$(awk '/^commands_ms/ {print $2}' <<<"$out")
relais_ms=$(awk -v a="$connect_ms" -v b="$commands_ms" 'BEGIN {printf "%.0f", a + b}')
printf '  relais, one session:       %6d ms  (connect %.0f ms, %.1f ms per command)\n' \
    "$relais_ms" "$connect_ms" "$(awk -v b="$commands_ms" -v n="$COUNT" 'BEGIN {print b / n}')"

# 2. Separate ssh invocations.
start=$(now_ms)
for _ in $(seq "$COUNT"); do ssh "${SSH_OPTS[@]}" root@"$ADDRESS" true; done
plain_ms=$(( $(now_ms) - start ))
printf '  ssh, one per command:      %6d ms  (%.1f ms per command)\n' "$plain_ms" \
    "$(awk -v b="$plain_ms" -v n="$COUNT" 'BEGIN {print b / n}')"

# 3. OpenSSH with a ControlMaster connection (its set-up included).
SOCK="$WORK/control"
start=$(now_ms)
ssh "${SSH_OPTS[@]}" -o ControlMaster=yes -o ControlPath="$SOCK" -N root@"$ADDRESS" &
MASTER_PID=$!
for _ in $(seq 200); do [ -S "$SOCK" ] && break; sleep 0.005; done
for _ in $(seq "$COUNT"); do
    ssh "${SSH_OPTS[@]}" -o ControlMaster=no -o ControlPath="$SOCK" root@"$ADDRESS" true
done
master_ms=$(( $(now_ms) - start ))
kill "$MASTER_PID"; wait "$MASTER_PID" 2>/dev/null || true; MASTER_PID=""
printf '  ssh with ControlMaster:    %6d ms  (%.1f ms per command)\n' "$master_ms" \
    "$(awk -v b="$master_ms" -v n="$COUNT" 'BEGIN {print b / n}')"

awk -v r="$relais_ms" -v p="$plain_ms" -v m="$master_ms" 'BEGIN {
    printf "ratio separate ssh / relais:     %.1fx\n", p / r
    printf "ratio ControlMaster / relais:    %.1fx\n", m / r
}'
