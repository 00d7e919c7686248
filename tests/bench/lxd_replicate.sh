#!/usr/bin/env bash
# Benchmark, in one run against the lab's two LXD daemons: replication of a
# running container from main to backup through Relais (`relaisctl lxd
# replicate`, a process from start to exit, the vault unlock included: the
# backup's LXD pulls from main's, the refresh goes into a staging clone that
# is then swapped in) against `lxc copy` between the same two daemons (the
# lxc client on both Unix sockets, the backup pulling from main as well):
#   1. the first copy: relaisctl against `lxc copy --stateless`;
#   2. ROUNDS rounds of: rewrite a file of SIZE_MB MB inside the container
#      on main, then the incremental refresh through relaisctl against
#      `lxc copy --refresh` (alternated); prints both medians, the ratio
#      relais/lxc, and relaisctl's own figures (the transfer alone, as the
#      job reports it, and the process start with the vault unlock).
#
#   tests/bench/lxd_replicate.sh [BUILD_DIR] [ROUNDS] [SIZE_MB]
#
# The lab must be up (this script never starts it). It makes the container
# relais-bench-PID on main (from the lab's image) and its copies
# relais-bench-PID (Relais) and relais-bench-PID-lxc (lxc) on backup; all are
# deleted on exit, failure included. The lab's web container is never
# touched.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
TOP=$(cd "$HERE/../.." && pwd)
BUILD=${1:-build}
ROUNDS=${2:-5}
SIZE_MB=${3:-4}
RELAISCTL="$TOP/$BUILD/app/relaisctl"
LABCTL=${RELAIS_LABCTL:-"$TOP/tests/lab/labctl"}

[ -x "$RELAISCTL" ] || { echo "build relaisctl first ($RELAISCTL)" >&2; exit 2; }
STATUS=$("$LABCTL" status --json)
[ "$(jq -r .state <<<"$STATUS")" = up ] || { echo "the lab is not up" >&2; exit 2; }
STATE=$(jq -r .state_dir <<<"$STATUS")
PASSFILE=$(jq -r .vault_passphrase_file <<<"$STATUS")
WORK=$(mktemp -d)
export LXD_CONF="$WORK/lxc"
NAME="relais-bench-$$"
RAW="$NAME-lxc"

cleanup() {
    local c
    lxc delete --force "m:$NAME" >/dev/null 2>&1 || true
    for c in "$NAME" "$RAW" "$NAME-relais-new" "$NAME-relais-old"; do
        lxc delete --force "b:$c" >/dev/null 2>&1 || true
    done
    for c in $(lxc list m: --format csv -c n 2>/dev/null | grep -E "^$NAME" || true) \
        $(lxc list b: --format csv -c n 2>/dev/null | grep -E "^$NAME" || true); do
        echo "could not delete $c" >&2
    done
    rm -rf "$WORK"
}
trap cleanup EXIT

# The lxc client reaches both daemons on their Unix sockets; in a copy the
# target daemon pulls from the source over the lab's network, as Relais's.
# (Its first call prints a greeting on standard error: kept out.)
lxc remote add m "unix://$(jq -r .hosts.main.lxd_socket <<<"$STATUS")" >/dev/null 2>"$WORK/remote.err" ||
    { cat "$WORK/remote.err" >&2; exit 1; }
lxc remote add b "unix://$(jq -r .hosts.backup.lxd_socket <<<"$STATUS")" >/dev/null

# The lab's site with one service whose container is the bench's.
jq --arg c "$NAME" '.services = [.services[0] | .containers = [$c] | .probes = []]' \
    "$(jq -r .site <<<"$STATUS")" >"$WORK/site.json"
mkdir -p "$WORK/data"
cp "$STATE/ssh/known_hosts" "$WORK/data/known_hosts"

now_ns() { date +%s%N; }
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ms_since() { echo $((($(now_ns) - $1) / 1000000)); }

relais() { # prints relaisctl's line ("... in X s (transfer Y s, SIZE).")
    RELAIS_DATA_DIR="$WORK/data" RELAIS_CONFIG_DIR="$WORK/config" LANG=C.UTF-8 \
        QT_LOGGING_RULES="relais.*.info=false" \
        "$RELAISCTL" --lang en lxd replicate --site "$WORK/site.json" \
        --passphrase-file "$PASSFILE" "$NAME" 2>"$WORK/relais.err" ||
        { cat "$WORK/relais.err" >&2; return 1; }
}
transfer_ms() { sed -nE 's/.*\(transfer ([0-9.]+) s.*/\1/p' <<<"$1" | awk '{ print $1 * 1000 }'; }
job_ms() { sed -nE 's/.* in ([0-9.]+) s \(transfer.*/\1/p' <<<"$1" | awk '{ print $1 * 1000 }'; }
unlock() { # relaisctl's fixed start: site, vault unlock (scrypt), database
    "$RELAISCTL" --lang en vault list --vault "$(jq -r .vault <<<"$STATUS")" \
        --passphrase-file "$PASSFILE" >/dev/null
}
change() { # a new SIZE_MB MB file in the container on main
    head -c "$((SIZE_MB * 1024 * 1024))" /dev/urandom >"$WORK/blob"
    lxc file push --quiet "$WORK/blob" "m:$NAME/root/blob"
}
# Checked once at the end only: reading a file of a stopped instance makes
# LXD keep a helper on its storage for a while, which holds up the next
# rename or delete of that instance by about 14 s.
same_blob() { # the blob on backup's copy COPY is the one pushed last
    local copy=$1 got
    got=$(lxc file pull "b:$copy/root/blob" - | sha256sum | cut -d' ' -f1)
    [ "$got" = "$(sha256sum <"$WORK/blob" | cut -d' ' -f1)" ] ||
        { echo "the copy $copy on backup does not have the new file" >&2; return 1; }
}

lxc launch m:relais-busybox "m:$NAME" >/dev/null
change

echo "first copy of a running busybox container (+ a $SIZE_MB MB file) from main to backup"
t0=$(now_ns)
line=$(relais)
first_relais=$(ms_since "$t0")
t0=$(now_ns)
lxc copy "m:$NAME" "b:$RAW" --stateless >/dev/null
first_lxc=$(ms_since "$t0")
printf '  relaisctl lxd replicate: %7.0f ms (job %s ms, transfer %s ms)\n' "$first_relais" \
    "$(job_ms "$line")" "$(transfer_ms "$line")"
printf '  lxc copy --stateless:    %7.0f ms\n' "$first_lxc"
printf '  ratio relais/lxc:        %.2f\n' "$(awk -v a="$first_relais" -v b="$first_lxc" 'BEGIN { print a / b }')"

echo "$ROUNDS rounds: rewrite a $SIZE_MB MB file on main, then refresh the copy on backup"
: >"$WORK/relais" && : >"$WORK/lxc-rounds" && : >"$WORK/job" && : >"$WORK/transfer"
for i in $(seq 1 "$ROUNDS"); do
    change
    t0=$(now_ns)
    line=$(relais)
    relais_round=$(ms_since "$t0")
    t0=$(now_ns)
    lxc copy "m:$NAME" "b:$RAW" --refresh --stateless >/dev/null
    lxc_round=$(ms_since "$t0")
    echo "$relais_round" >>"$WORK/relais"
    job_ms "$line" >>"$WORK/job"
    transfer_ms "$line" >>"$WORK/transfer"
    echo "$lxc_round" >>"$WORK/lxc-rounds"
    printf '  round %d: relaisctl %6d ms (job %s ms, transfer %s ms), lxc %6d ms\n' "$i" \
        "$relais_round" "$(job_ms "$line")" "$(transfer_ms "$line")" "$lxc_round"
done
same_blob "$NAME"
same_blob "$RAW"
relais_ms=$(median <"$WORK/relais")
lxc_ms=$(median <"$WORK/lxc-rounds")
t0=$(now_ns)
unlock
unlock_ms=$(ms_since "$t0")
printf '  relaisctl lxd replicate: median %7.0f ms (job %s ms, of which transfer %s ms)\n' \
    "$relais_ms" "$(median <"$WORK/job")" "$(median <"$WORK/transfer")"
printf '  lxc copy --refresh:      median %7.0f ms\n' "$lxc_ms"
printf '  ratio relais/lxc:        %.2f\n' "$(awk -v a="$relais_ms" -v b="$lxc_ms" 'BEGIN { print a / b }')"
printf '  ratio relais job/lxc:    %.2f (without process start and vault unlock)\n' \
    "$(awk -v a="$(median <"$WORK/job")" -v b="$lxc_ms" 'BEGIN { print a / b }')"
printf '  relaisctl start alone (vault unlock): %d ms\n' "$unlock_ms"
