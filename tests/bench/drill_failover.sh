#!/usr/bin/env bash
# Benchmark, against the lab: a failover through Relais, from the decision to
# backup serving with DNS verified. `relaisctl drill run --mode failover
# --yes --json` on a site of the bench's own whose main is silent (its
# service's page is looked for on a port main does not serve): relaisctl
# checks main, decides (emergency failover), then starts the copy on backup
# and waits for its page through backup's public address (the HTTP probe
# aimed at backup), switches the bench's record at the lab's BIND, verifies
# (page through backup, the server answering backup's address: no TTL to
# wait for, the authoritative server is asked) and locks replication.
# Prints, per round and as medians: the whole process (vault unlock and
# main's check included), the decision (relaisctl's drill start) to the end
# of the verify step, and the RTO Relais measured (goal: decision to
# verified <= 10 s).
#
#   tests/bench/drill_failover.sh [BUILD_DIR] [ROUNDS]
#
# The lab must be up (this script never starts it). It makes a stopped
# container relais-bench-PID on backup with a proxy of its own
# (backup:8081 → the container's port 80) and the record fo-bench-PID at
# BIND; both are removed on exit, failure included. The lock is written in
# a data directory of the bench's own. www and the lab's web are never
# touched.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
TOP=$(cd "$HERE/../.." && pwd)
BUILD=${1:-build}
ROUNDS=${2:-3}
RELAISCTL="$TOP/$BUILD/app/relaisctl"
LABCTL=${RELAIS_LABCTL:-"$TOP/tests/lab/labctl"}

[ -x "$RELAISCTL" ] || { echo "build relaisctl first ($RELAISCTL)" >&2; exit 2; }
STATUS=$("$LABCTL" status --json)
[ "$(jq -r .state <<<"$STATUS")" = up ] || { echo "the lab is not up" >&2; exit 2; }
STATE=$(jq -r .state_dir <<<"$STATUS")
SECRETS=$(jq -r .secrets_dir <<<"$STATUS")
PORT=$(jq -r .dns.bind.port <<<"$STATUS")
BACKUP=$(jq -r .hosts.backup.address <<<"$STATUS")
MAIN=$(jq -r .hosts.main.address <<<"$STATUS")
export LXD_DIR
LXD_DIR=$(jq -r .hosts.backup.lxd_dir <<<"$STATUS")
WORK=$(mktemp -d)
export LXD_CONF="$WORK/lxc"
NAME="relais-bench-$$"
RECORD="fo-bench-$$"
WEB_PORT=8081

IFS=: read -r key_name key_alg key_secret <"$SECRETS/$(jq -r .dns.tsig_secret <<<"$STATUS")" || true
printf 'key "%s" { algorithm %s; secret "%s"; };\n' "$key_name" "$key_alg" "$key_secret" >"$WORK/key"
chmod 600 "$WORK/key"

nsupdate_to() { # ADDRESS
    printf 'server 127.0.0.1 %s\nzone example.test\nupdate delete %s.example.test A\nupdate add %s.example.test 5 A %s\nsend\n' \
        "$PORT" "$RECORD" "$RECORD" "$1" | nsupdate -k "$WORK/key"
}

cleanup() {
    lxc delete --force "$NAME" >/dev/null 2>&1 || echo "could not delete $NAME" >&2
    printf 'server 127.0.0.1 %s\nzone example.test\nupdate delete %s.example.test A\nsend\n' \
        "$PORT" "$RECORD" | nsupdate -k "$WORK/key" || echo "could not delete the record" >&2
    rm -rf "$WORK"
}
trap cleanup EXIT

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ms_of() { # ISO time with milliseconds → ms since the epoch
    jq -rn --arg t "$1" '($t | sub("\\.[0-9]+Z$"; "Z") | fromdateiso8601) * 1000 + ($t | capture("\\.(?<ms>[0-9]+)Z$").ms | tonumber)'
}

# The copy on backup (stopped), serving its page on backup's address.
lxc init relais-busybox "$NAME" >/dev/null
lxc config device add "$NAME" bench-web proxy "listen=tcp:$BACKUP:$WEB_PORT" \
    "connect=tcp:127.0.0.1:80" >/dev/null

# The lab's site with one service (the copy, its page on WEB_PORT, the
# bench's record) and a plan: start and wait, switch, verify, lock.
jq --arg c "$NAME" --arg rec "$RECORD" --arg url "http://$MAIN:$WEB_PORT/" '
    .services = [.services[0]
        | .name = "bench"
        | .containers = [$c]
        | .dns.record = $rec | .dns.ttl = 5
        | .probes = [{kind: "http", url: $url, keyword: "Relais lab web"}]]
    | .plan = {groups: [{name: "web", steps: [
        {kind: "start", containers: [$c], service: "bench", timeout_seconds: 60},
        {kind: "switch", service: "bench", timeout_seconds: 60},
        {kind: "verify", service: "bench", timeout_seconds: 60},
        {kind: "lock"}]}]}' \
    "$(jq -r .site <<<"$STATUS")" >"$WORK/site.json"

echo "$ROUNDS failovers (main silent): start the copy on backup and wait for its page, switch at BIND, verify, lock"
: >"$WORK/whole" && : >"$WORK/decided" && : >"$WORK/rto"
for round in $(seq 1 "$ROUNDS"); do
    # Each round from the state before a failover: copy stopped, record at
    # main, no lock (a data directory of its own).
    lxc stop --force "$NAME" >/dev/null 2>&1 || true
    nsupdate_to "$MAIN"
    mkdir -p "$WORK/data-$round"
    cp "$STATE/ssh/known_hosts" "$WORK/data-$round/known_hosts"
    t0=$(date +%s%N)
    RELAIS_DATA_DIR="$WORK/data-$round" RELAIS_CONFIG_DIR="$WORK/config" LANG=C.UTF-8 \
        "$RELAISCTL" --lang en drill run --site "$WORK/site.json" --mode failover --yes --json \
        --passphrase-file "$(jq -r .vault_passphrase_file <<<"$STATUS")" >"$WORK/drill.json" || true
    t1=$(date +%s%N)
    jq -e '.succeeded and .mode == "emergency-failover"' "$WORK/drill.json" >/dev/null ||
        { cat "$WORK/drill.json" >&2; exit 1; }
    [ "$(dig +short +norecurse @127.0.0.1 -p "$PORT" "$RECORD.example.test" A)" = "$BACKUP" ] ||
        { echo "the record does not answer backup" >&2; exit 1; }
    curl -sf --max-time 5 "http://$BACKUP:$WEB_PORT/" | grep -q "Relais lab web on" ||
        { echo "backup does not serve the page" >&2; exit 1; }
    echo "$(((t1 - t0) / 1000000))" >>"$WORK/whole"
    started=$(ms_of "$(jq -r .started_at "$WORK/drill.json")")
    verified=$(ms_of "$(jq -r '.steps[] | select(.action == "verify") | .ended_at' "$WORK/drill.json")")
    echo "$((verified - started))" >>"$WORK/decided"
    jq -r .rto_ms "$WORK/drill.json" >>"$WORK/rto"
done
printf '  relaisctl drill run (whole process):  median %6.0f ms  (%s)\n' "$(median <"$WORK/whole")" "$(paste -sd' ' "$WORK/whole")"
printf '  decision to verified (DNS + page):    median %6.0f ms  (%s)  goal <= 10000 ms\n' "$(median <"$WORK/decided")" "$(paste -sd' ' "$WORK/decided")"
printf '  RTO measured by Relais:               median %6.0f ms  (%s)\n' "$(median <"$WORK/rto")" "$(paste -sd' ' "$WORK/rto")"
echo "  the last drill, step by step:"
jq -r '.steps[] | "    \(.action): \(.duration_ms) ms"' "$WORK/drill.json"
