#!/usr/bin/env bash
# Benchmark, in one run against the lab: a rehearsal through Relais
# (`relaisctl drill run --mode rehearsal --json`, a process from start to
# exit, the vault unlock included) against the same steps as raw commands:
#   lxc copy (only the default profile, boot.autostart=false) + lxc start on
#   backup, curl from backup (one SSH connection, ControlMaster) until the
#   clone's page answers, nsupdate of the drill record to backup + dig at the
#   server until it answers, nsupdate back to main + dig until it answers,
#   lxc delete --force of the clone.
# ROUNDS rounds of each, alternated; prints both medians, the ratio
# relais/raw (goal: <= 1.2), Relais's own drill duration (started_at to
# ended_at, without process start and vault unlock), and each step's median
# beside the raw command(s) that do the same (the drill's per-step durations
# from --json against the script's own timings).
#
#   tests/bench/drill_rehearsal.sh [BUILD_DIR] [ROUNDS]
#
# The lab must be up (this script never starts it). It makes a stopped
# container relais-bench-PID on backup (what replication leaves there) and
# the records svc-bench-PID and drill-bench-PID at the lab's BIND; all are
# removed on exit, failure included. www and the lab's web are never touched.
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
RAW="relais-bench-$$-raw"
SVC="svc-bench-$$"
DRILL="drill-bench-$$"

IFS=: read -r key_name key_alg key_secret <"$SECRETS/$(jq -r .dns.tsig_secret <<<"$STATUS")" || true
printf 'key "%s" { algorithm %s; secret "%s"; };\n' "$key_name" "$key_alg" "$key_secret" >"$WORK/key"
chmod 600 "$WORK/key"
SSH=(ssh -i "$SECRETS/lab-ssh" -o IdentitiesOnly=yes -o BatchMode=yes -o StrictHostKeyChecking=yes
    -o UserKnownHostsFile="$STATE/ssh/known_hosts" -o ControlPath="$WORK/ssh-%C"
    "root@$BACKUP")

nsupdate_to() { # NAME ADDRESS
    printf 'server 127.0.0.1 %s\nzone example.test\nupdate delete %s.example.test A\nupdate add %s.example.test 5 A %s\nsend\n' \
        "$PORT" "$1" "$1" "$2" | nsupdate -k "$WORK/key"
}

cleanup() {
    lxc delete --force "$RAW" >/dev/null 2>&1 || true
    lxc delete --force "relais-drill-$NAME" >/dev/null 2>&1 || true
    lxc delete --force "$NAME" >/dev/null 2>&1 || echo "could not delete $NAME" >&2
    printf 'server 127.0.0.1 %s\nzone example.test\nupdate delete %s.example.test A\nupdate delete %s.example.test A\nsend\n' \
        "$PORT" "$SVC" "$DRILL" | nsupdate -k "$WORK/key" || echo "could not delete the records" >&2
    "${SSH[@]}" -O exit >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT

now_ns() { date +%s%N; }
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# The copy replication leaves on backup (stopped), the records at main.
lxc init relais-busybox "$NAME" >/dev/null
nsupdate_to "$SVC" "$MAIN"
nsupdate_to "$DRILL" "$MAIN"

# The lab's site with one service (the copy, the lab's HTTP probe, the
# bench's own record) and a plan: start it, switch it (in a rehearsal: the
# drill record, the bench's own, pointed at backup and back).
jq --arg c "$NAME" --arg svc "$SVC" --arg drill "$DRILL" --arg port "$PORT" '
    .services = [.services[0]
        | .containers = [$c]
        | .dns.record = $svc | .dns.ttl = 5
        | .probes = [.probes[] | select(.kind == "http")]]
    | .plan = {drill_record: $drill,
               groups: [{name: "web", steps: [{kind: "start", containers: [$c],
                                               service: .services[0].name,
                                               timeout_seconds: 120},
                                              {kind: "switch", service: .services[0].name,
                                               timeout_seconds: 60}]}]}' \
    "$(jq -r .site <<<"$STATUS")" >"$WORK/site.json"
mkdir -p "$WORK/data"
cp "$STATE/ssh/known_hosts" "$WORK/data/known_hosts"

relais_round() {
    RELAIS_DATA_DIR="$WORK/data" RELAIS_CONFIG_DIR="$WORK/config" LANG=C.UTF-8 \
        "$RELAISCTL" --lang en drill run --site "$WORK/site.json" --mode rehearsal --json \
        --passphrase-file "$(jq -r .vault_passphrase_file <<<"$STATUS")" >"$WORK/drill.json" || true
    jq -e .succeeded "$WORK/drill.json" >/dev/null || { cat "$WORK/drill.json" >&2; return 1; }
}

dig_until() { # NAME ADDRESS
    until [ "$(dig +short +norecurse @127.0.0.1 -p "$PORT" "$1.example.test" A)" = "$2" ]; do
        sleep 0.1
    done
}

# One line "STEP MS" per raw step into $WORK/raw-steps, named after the
# drill step that does the same work.
STEP_T=0
step_begin() { STEP_T=$(now_ns); }
step_end() { echo "$1 $((($(now_ns) - STEP_T) / 1000000))" >>"$WORK/raw-steps"; }

raw_round() {
    step_begin
    lxc copy "$NAME" "$RAW" --profile default -c boot.autostart=false >/dev/null
    step_end clone-for-drill
    step_begin
    lxc start "$RAW" >/dev/null 2>&1
    step_end start-clones
    step_begin
    local ip=""
    until [ -n "$ip" ]; do
        ip=$(lxc list "$RAW" -c 4 --format csv | awk '{ print $1 }')
        [ -n "$ip" ] || sleep 0.1
    done
    until "${SSH[@]}" curl -sf --max-time 2 "http://$ip/" | grep -q "Relais lab web"; do
        sleep 0.1
    done
    step_end probe-clones
    step_begin
    nsupdate_to "$DRILL" "$BACKUP"
    step_end switch-drill-record
    step_begin
    dig_until "$DRILL" "$BACKUP"
    step_end verify-drill-record
    step_begin
    lxc delete --force "$RAW"
    step_end remove-clones
    step_begin
    nsupdate_to "$DRILL" "$MAIN"
    dig_until "$DRILL" "$MAIN"
    step_end remove-drill-record
}

"${SSH[@]}" -o ControlMaster=yes -o ControlPersist=600 -fN
echo "$ROUNDS rehearsals of one stopped busybox copy on backup (clone, start, page, drill record at BIND, removal)"
: >"$WORK/relais" && : >"$WORK/raw" && : >"$WORK/inner" && : >"$WORK/raw-steps"
: >"$WORK/relais-steps"
for _ in $(seq 1 "$ROUNDS"); do
    t0=$(now_ns)
    relais_round
    t1=$(now_ns)
    echo "$(((t1 - t0) / 1000000))" >>"$WORK/relais"
    jq -r '((.ended_at | sub("\\.[0-9]+Z$"; "Z") | fromdateiso8601) * 1000 + (.ended_at | capture("\\.(?<ms>[0-9]+)Z$").ms | tonumber))
         - ((.started_at | sub("\\.[0-9]+Z$"; "Z") | fromdateiso8601) * 1000 + (.started_at | capture("\\.(?<ms>[0-9]+)Z$").ms | tonumber))' \
        "$WORK/drill.json" >>"$WORK/inner"
    jq -r '.steps[] | "\(.action) \(.duration_ms)"' "$WORK/drill.json" >>"$WORK/relais-steps"
    t0=$(now_ns)
    raw_round
    t1=$(now_ns)
    echo "$(((t1 - t0) / 1000000))" >>"$WORK/raw"
done
relais_ms=$(median <"$WORK/relais")
inner_ms=$(median <"$WORK/inner")
raw_ms=$(median <"$WORK/raw")
printf '  relaisctl drill run (whole process): median %7.0f ms  (%s)\n' "$relais_ms" "$(paste -sd' ' "$WORK/relais")"
printf '  of which the drill itself:           median %7.0f ms  (%s)\n' "$inner_ms" "$(paste -sd' ' "$WORK/inner")"
printf '  raw lxc/curl/nsupdate/dig:           median %7.0f ms  (%s)\n' "$raw_ms" "$(paste -sd' ' "$WORK/raw")"
printf '  ratio relais/raw:  %.2f (goal <= 1.2); drill alone/raw: %.2f\n' \
    "$(awk -v a="$relais_ms" -v b="$raw_ms" 'BEGIN { print a / b }')" \
    "$(awk -v a="$inner_ms" -v b="$raw_ms" 'BEGIN { print a / b }')"
# Per step: the medians over the rounds, Relais (the drill's own step
# timings) beside the raw commands; the drill's order.
step_median() { # FILE STEP
    awk -v s="$2" '$1 == s { print $2 }' "$1" | median
}
echo "  step by step (medians over $ROUNDS rounds, ms):"
printf '    %-22s %8s %8s %8s\n' step relais raw diff
relais_sum=0
raw_sum=0
for step in $(jq -r '.steps[].action' "$WORK/drill.json"); do
    r=$(step_median "$WORK/relais-steps" "$step")
    w=$(step_median "$WORK/raw-steps" "$step")
    [ -n "$w" ] || w=0
    printf '    %-22s %8.0f %8.0f %+8.0f\n' "$step" "$r" "$w" "$(awk -v a="$r" -v b="$w" 'BEGIN { print a - b }')"
    relais_sum=$(awk -v a="$relais_sum" -v b="$r" 'BEGIN { print a + b }')
    raw_sum=$(awk -v a="$raw_sum" -v b="$w" 'BEGIN { print a + b }')
done
printf '    %-22s %8.0f %8.0f %+8.0f\n' "steps in all" "$relais_sum" "$raw_sum" \
    "$(awk -v a="$relais_sum" -v b="$raw_sum" 'BEGIN { print a - b }')"
printf '    %-22s %8.0f %8s\n' "outside the steps" \
    "$(awk -v a="$relais_ms" -v b="$relais_sum" 'BEGIN { print a - b }')" "-"
