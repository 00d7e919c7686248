#!/usr/bin/env bash
# Benchmark: a sync job of a 10,000-file tree (mixed sizes, about 280 MB) from
# the lab's main to its backup, in one run:
#   a. Relais: `relaisctl sync run` (SyncRunJob: canary, rsync on main over
#      the job's rrsync-restricted replication key, output parsed, history),
#      first full copy, then an incremental run after changing 1 % of the files;
#   b. plain `rsync -a --delete` on main with the same ssh options and the
#      same kind of restricted key, into its own destination, same two steps;
#   c. by hand, the very rsync command Relais runs (its options: -8,
#      --delay-updates, --info=progress2, --itemize-changes, --stats), into a
#      third destination: Relais' own overhead is a / c, the options' b → c.
# Prints the times and the ratios (goal a / b <= 1.05).
#
#   tests/bench/sync_rsync.sh [BUILD_DIR] [FILES]
#
# Needs root and the lab up (it does not start it). Take the lab tests' lock
# around it on a shared lab:
#   RELAIS_LAB_SHARED=1 flock /run/relais-lab-tests.lock tests/bench/sync_rsync.sh
# Only the lab's hosts (10.231.0.x, inside the lab's namespaces) are contacted;
# the authorized_keys of backup is put back as it was.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
TOP=$(cd "$HERE/../.." && pwd)
BUILD=${1:-build}
FILES=${2:-10000}
RELAISCTL="$TOP/$BUILD/app/relaisctl"
LABCTL="$TOP/tests/lab/labctl"

[ -x "$RELAISCTL" ] || { echo "build relaisctl first ($RELAISCTL)" >&2; exit 2; }
STATUS=$("$LABCTL" status --json)
[ "$(jq -r .state <<<"$STATUS")" = up ] || { echo "the lab is not up" >&2; exit 2; }
STATE_DIR=$(jq -r .state_dir <<<"$STATUS")
SITE=$(jq -r .site <<<"$STATUS")
MAIN_NS=$(jq -r .hosts.main.namespace <<<"$STATUS")
BACKUP=$(jq -r .hosts.backup.address <<<"$STATUS")
PASSFILE=$(jq -r .vault_passphrase_file <<<"$STATUS")
AUTH="$STATE_DIR/backup/ssh/authorized_keys"
[ "$(ip -o route get "$BACKUP" | grep -o 'dev [^ ]*')" = "dev relaislab0" ] ||
    { echo "$BACKUP is not routed to the lab bridge; refusing" >&2; exit 2; }

# Under /var/tmp: both lab hosts see the same file system.
WORK=/var/tmp/relais-bench-sync-$$
AUTH_SAVED="$WORK/authorized_keys.saved"
mkdir -p "$WORK/src" "$WORK/dst-relais" "$WORK/dst-plain" "$WORK/dst-same" "$WORK/keys" "$WORK/data"
cp "$AUTH" "$AUTH_SAVED"
cleanup() {
    cp "$AUTH_SAVED" "$AUTH"
    rm -rf "$WORK"
}
trap cleanup EXIT

echo "tree: $FILES files" >&2
python3 - "$WORK/src" "$FILES" <<'PY'
import os, random, sys
root, count = sys.argv[1], int(sys.argv[2])
rng = random.Random(6)
for i in range(count):
    d = os.path.join(root, "d%03d" % (i // 100))
    os.makedirs(d, exist_ok=True)
    r = rng.random()
    # 81 % small, 18 % medium, 1 % large: about 280 MB in all.
    size = rng.randint(100, 4096) if r < 0.81 else rng.randint(4096, 65536) if r < 0.99 else rng.randint(1 << 20, 3 << 20)
    with open(os.path.join(d, "f%05d.bin" % i), "wb") as f:
        f.write(os.urandom(size))
PY
du -sh "$WORK/src" >&2

# Two keys confined the same way (rrsync write-only), one per destination.
KNOWN="$WORK/keys/known_hosts"
grep "^$BACKUP " "$STATE_DIR/ssh/known_hosts" >"$KNOWN"
for which in relais plain same; do
    ssh-keygen -q -t ed25519 -N '' -C "relais-bench-$which" -f "$WORK/keys/bench-$which"
    printf 'restrict,command="rrsync -wo %s" %s\n' "$WORK/dst-$which" \
        "$(cat "$WORK/keys/bench-$which.pub")" >>"$AUTH"
done
cp "$KNOWN" "$WORK/keys/bench-relais.known_hosts"

# The site with the job; Relais' own data (known_hosts, relais.db) apart.
jq --arg src "$WORK/src/" --arg dst "$WORK/dst-relais" \
    '.sync = [{name: "bench-relais", source: [$src], destination: $dst, low_priority: false}]' \
    "$SITE" >"$WORK/site.json"
cp "$STATE_DIR/ssh/known_hosts" "$WORK/data/known_hosts"
export RELAIS_DATA_DIR="$WORK/data"

relais() {
    "$RELAISCTL" --lang en sync run --site "$WORK/site.json" --passphrase-file "$PASSFILE" \
        --key-dir "$WORK/keys" bench-relais >/dev/null
}
ssh_for() { # ssh_for KEY: the ssh command Relais gives rsync
    echo "ssh -i $WORK/keys/bench-$1 -p 22 -o BatchMode=yes -o StrictHostKeyChecking=yes \
-o UserKnownHostsFile=$KNOWN -o GlobalKnownHostsFile=/dev/null -o IdentitiesOnly=yes \
-o ServerAliveInterval=15 -o ServerAliveCountMax=4"
}
plain() {
    ip netns exec "$MAIN_NS" rsync -a --delete -e "$(ssh_for plain)" -- "$WORK/src/" "root@$BACKUP:"
}
same() {
    ip netns exec "$MAIN_NS" rsync -a -8 --delay-updates --info=progress2 --itemize-changes \
        --stats --delete -e "$(ssh_for same)" -- "$WORK/src/" "root@$BACKUP:" >/dev/null
}
unlock() { # relaisctl's fixed start: site, vault unlock (scrypt), database
    "$RELAISCTL" --lang en vault list --vault "$(jq -r .vault <<<"$STATUS")" \
        --passphrase-file "$PASSFILE" >/dev/null
}
seconds() { # seconds COMMAND...: wall time of COMMAND, in seconds
    local t0 t1
    t0=$(date +%s.%N)
    "$@"
    t1=$(date +%s.%N)
    echo "$t1 - $t0" | bc -l
}
change() { # rewrites 1 % of the files (every 100th)
    find "$WORK/src" -name 'f*00.bin' -print0 | xargs -0 -n 200 sh -c \
        'for f; do head -c 1024 /dev/urandom >>"$f"; done' sh
}

sync
first_relais=$(seconds relais)
first_plain=$(seconds plain)
first_same=$(seconds same)
change
sync
incr_relais=$(seconds relais)
incr_plain=$(seconds plain)
incr_same=$(seconds same)
unlock_time=$(seconds unlock)

# Both copies must be the same as the source (the canary aside).
diff -r --exclude=.relais-canary "$WORK/src" "$WORK/dst-relais" >/dev/null
diff -r --exclude=.relais-canary "$WORK/src" "$WORK/dst-plain" >/dev/null
diff -r --exclude=.relais-canary "$WORK/src" "$WORK/dst-same" >/dev/null

row() { # row STEP RELAIS PLAIN SAME
    printf '%-26s %8.2f %8.2f %8.2f %8.3f %8.3f\n' "$1" "$2" "$3" "$4" \
        "$(echo "$2 / $3" | bc -l)" "$(echo "$2 / $4" | bc -l)"
}
printf '%-26s %8s %8s %8s %8s %8s\n' "step (s)" relais plain same a/b a/c
row "first full copy" "$first_relais" "$first_plain" "$first_same"
row "incremental (1 % changed)" "$incr_relais" "$incr_plain" "$incr_same"
printf 'relaisctl start alone (vault unlock): %.2f s\n' "$unlock_time"
