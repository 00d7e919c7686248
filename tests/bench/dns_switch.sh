#!/usr/bin/env bash
# Benchmark: COUNT switches of www.example.test between main and backup on
# one of the lab's DNS servers,
#   1. through Relais (relais_bench_dns: DnsUpdater, signed, prerequisite,
#      answer's TSIG verified; then reads until the server answers the new
#      address),
#   2. as COUNT `nsupdate -k` runs doing the same update (same prerequisite,
#      same TSIG key) on the same server,
# in the same run, and prints the time of each and the ratio relais/nsupdate
# (goal: <= 1.0). Then, on each of the lab's DNS servers, one switch to the
# backup and back through DnsSwitchJob (relais_bench_dns_switch: read,
# update, then direct questions until the server answers the new address)
# with its time to verified convergence. Also times one
# `relaisctl dns switch --emergency` (vault unlock and verification
# included) there and back on the lab site's server.
#
#   tests/bench/dns_switch.sh [BUILD_DIR] [COUNT] [bind|powerdns|knot]
#
# The lab must be up (this script never starts it). Only 127.0.0.1 is
# contacted. www ends on main (10.231.0.10), TTL 60.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
TOP=$(cd "$HERE/../.." && pwd)
BUILD=${1:-build}
COUNT=${2:-20}
SERVER=${3:-bind}
BENCH="$TOP/$BUILD/tests/bench/relais_bench_dns"
SWITCH_BENCH="$TOP/$BUILD/tests/bench/relais_bench_dns_switch"
RELAISCTL="$TOP/$BUILD/app/relaisctl"
LABCTL=${RELAIS_LABCTL:-"$TOP/tests/lab/labctl"}

[ -x "$BENCH" ] || { echo "build relais_bench_dns first ($BENCH)" >&2; exit 2; }
[ $((COUNT % 2)) -eq 0 ] || { echo "COUNT must be even (www ends where it began)" >&2; exit 2; }
STATUS=$("$LABCTL" status --json)
[ "$(jq -r .state <<<"$STATUS")" = up ] || { echo "the lab is not up" >&2; exit 2; }
ADDRESS=$(jq -r ".dns.$SERVER.address" <<<"$STATUS")
PORT=$(jq -r ".dns.$SERVER.port" <<<"$STATUS")
ZONE=$(jq -r .dns.zone <<<"$STATUS")
KEY_FILE="$(jq -r .secrets_dir <<<"$STATUS")/$(jq -r .dns.tsig_secret <<<"$STATUS")"
MAIN=$(jq -r .hosts.main.address <<<"$STATUS")
BACKUP=$(jq -r .hosts.backup.address <<<"$STATUS")
NAME="www.$ZONE"
[ "$ADDRESS" = 127.0.0.1 ] || { echo "$SERVER is not on 127.0.0.1; refusing" >&2; exit 2; }

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
# nsupdate's key file (named.conf syntax), readable by us only.
IFS=: read -r key_name key_algorithm key_secret <"$KEY_FILE" || true # no final newline
[ -n "${key_secret:-}" ] || { echo "$KEY_FILE is not name:algorithm:secret" >&2; exit 2; }
umask 077
printf 'key "%s" {\n    algorithm %s;\n    secret "%s";\n};\n' \
    "$key_name" "$key_algorithm" "$key_secret" >"$WORK/key.conf"
unset key_secret

now_ms() { date +%s%3N; }
dig_a() { dig +short +norecurse @"$ADDRESS" -p "$PORT" "$NAME" A; }
[ "$(dig_a)" = "$MAIN" ] || { echo "$NAME must point to $MAIN before the run" >&2; exit 2; }

echo "$COUNT switches of $NAME on $SERVER ($ADDRESS:$PORT)"

# 1. Relais.
out=$("$BENCH" "$ADDRESS" "$PORT" "$KEY_FILE" "$COUNT" "$ZONE" "$NAME" "$MAIN" "$BACKUP")
updates_ms=$(awk '/^updates_ms/ {print $2}' <<<"$out")
converged_ms=$(awk '/^converged_ms/ {print $2}' <<<"$out")
printf '  relais DnsUpdater:          %7.1f ms  (%.1f ms per update; %.1f ms per switch with the read-back)\n' \
    "$updates_ms" "$(awk -v b="$updates_ms" -v n="$COUNT" 'BEGIN {print b / n}')" \
    "$(awk -v b="$converged_ms" -v n="$COUNT" 'BEGIN {print b / n}')"

# 2. nsupdate, one run per switch, the same message.
from=$MAIN to=$BACKUP
start=$(now_ms)
for _ in $(seq "$COUNT"); do
    nsupdate -k "$WORK/key.conf" <<EOS
server $ADDRESS $PORT
zone $ZONE
prereq yxrrset $NAME A $from
update delete $NAME A
update add $NAME 60 A $to
send
EOS
    tmp=$from from=$to to=$tmp
done
nsupdate_ms=$(( $(now_ms) - start ))
printf '  nsupdate, one per switch:   %7d ms  (%.1f ms per update)\n' "$nsupdate_ms" \
    "$(awk -v b="$nsupdate_ms" -v n="$COUNT" 'BEGIN {print b / n}')"
[ "$(dig_a)" = "$MAIN" ] || { echo "$NAME does not point to $MAIN after nsupdate" >&2; exit 1; }

awk -v r="$updates_ms" -v n="$nsupdate_ms" 'BEGIN {
    printf "ratio relais / nsupdate:       %.2f (goal <= 1.0)\n", r / n
}'

# 3. The switch job with verified convergence, on each of the lab's servers
#    (each is a primary of the zone: the switch is verified where it is made).
if [ -x "$SWITCH_BENCH" ]; then
    for server in bind powerdns knot; do
        address=$(jq -r ".dns.$server.address // empty" <<<"$STATUS")
        port=$(jq -r ".dns.$server.port // empty" <<<"$STATUS")
        [ -n "$port" ] && [ "$address" = 127.0.0.1 ] || continue
        [ "$(dig +short +norecurse @"$address" -p "$port" "$NAME" A)" = "$MAIN" ] || {
            echo "  $server: $NAME does not point to $MAIN; skipped" >&2; continue; }
        out=$("$SWITCH_BENCH" "$address" "$port" "$KEY_FILE" "$ZONE" "$NAME" "$MAIN" "$BACKUP" \
            "$address:$port")
        while read -r way _ switch_ms _ change_ms _ convergence_ms _; do
            printf '  switch job on %-9s %-9s %7.1f ms  (change %d ms, verified convergence %d ms)\n' \
                "$server," "$way:" "$switch_ms" "$change_ms" "$convergence_ms"
        done <<<"$out"
    done
else
    echo "  (build relais_bench_dns_switch for the switch job's convergence times)"
fi

# 4. One relaisctl dns switch there and back (the lab site's server only),
#    verified at that server.
SITE=$(jq -r .site <<<"$STATUS")
SITE_PORT=$(jq -r '.services[0].dns.port' "$SITE")
if [ -x "$RELAISCTL" ] && [ "$SITE_PORT" = "$PORT" ]; then
    PASS=$(jq -r .vault_passphrase_file <<<"$STATUS")
    jq --arg verify "$ADDRESS:$PORT" '.services[0].dns.verify = [$verify]' "$SITE" \
        >"$WORK/site.json"
    export RELAIS_DATA_DIR="$WORK/data"
    start=$(now_ms)
    "$RELAISCTL" dns switch --site "$WORK/site.json" www --to backup --emergency \
        --passphrase-file "$PASS" >/dev/null
    there_ms=$(( $(now_ms) - start ))
    start=$(now_ms)
    "$RELAISCTL" dns switch --site "$WORK/site.json" www --to main --emergency \
        --passphrase-file "$PASS" >/dev/null
    back_ms=$(( $(now_ms) - start ))
    printf '  relaisctl dns switch:       %7d ms to backup, %d ms back (vault unlock and verification included)\n' \
        "$there_ms" "$back_ms"
fi
