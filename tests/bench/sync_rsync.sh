#!/usr/bin/env bash
# Benchmark: a sync job of a 10,000-file tree (mixed sizes, about 500 MB)
# from the lab's main to its backup, the paths interleaved round by round:
#   relais  `relaisctl sync run` as a user types it: relaisctl starts, unlocks
#           the vault (scrypt) from a passphrase file, connects to main, writes
#           the canary and runs rsync there over the job's rrsync-restricted
#           key, parses its output, keeps the run in the history;
#   console the same job as the console runs it (relais_bench_sync): its SSH
#           session to main already up and its vault already open, as in the
#           running GUI; one SyncRunJob per run, kept in the history;
#   same    by hand on main, the very rsync command Relais ran (taken from
#           its own log line, only the key swapped for one confined the same
#           way to another destination);
#   ssh     the same command typed on the console's machine as
#           `ssh root@main 'COMMAND'` (OpenSSH, the vault's key for main, into
#           its own destination): by hand the way Relais starts it;
#   host    the job installed on main (`relaisctl sync install --cron`), its
#           runner started on main as cron starts it (`/bin/sh RUNNER`):
#           lock, canary, the same rsync command, the run's JSON line;
#   plain   `rsync -a --delete` on main with the same ssh options, for
#           the cost of Relais' options (-8, --delay-updates, --info=progress2,
#           --itemize-changes, --stats).
# First full copies (every destination emptied each round), then incremental
# runs with CHANGED files rewritten before each round. Prints the medians and
# relais/same (goal <= 1.05), console/same, relais/ssh and host/same for both, then the
# fixed costs inside every relais run, each measured on its own.
#
#   tests/bench/sync_rsync.sh [BUILD_DIR] [FILES]
#   environment: FIRST_ROUNDS (3), INCR_ROUNDS (5), CHANGED (10),
#                RELAISCTL (default BUILD_DIR/app/relaisctl),
#                BENCH_SYNC (default BUILD_DIR/tests/bench/relais_bench_sync)
#
# Needs root and the lab up (it does not start it). Take the lab tests' lock
# around it on a shared lab:
#   RELAIS_LAB_SHARED=1 flock /run/relais-lab-tests.lock tests/bench/sync_rsync.sh
# Only the lab's hosts (10.231.0.x, inside the lab's namespaces) are contacted;
# the authorized_keys of backup is put back as it was, the installed job removed.
set -euo pipefail
shopt -s inherit_errexit
HERE=$(cd "$(dirname "$0")" && pwd)
TOP=$(cd "$HERE/../.." && pwd)
BUILD=${1:-build}
FILES=${2:-10000}
FIRST_ROUNDS=${FIRST_ROUNDS:-3}
INCR_ROUNDS=${INCR_ROUNDS:-5}
CHANGED=${CHANGED:-10}
RELAISCTL=${RELAISCTL:-"$TOP/$BUILD/app/relaisctl"}
BENCH_SYNC=${BENCH_SYNC:-"$TOP/$BUILD/tests/bench/relais_bench_sync"}
LABCTL="$TOP/tests/lab/labctl"

[ -x "$RELAISCTL" ] || { echo "build relaisctl first ($RELAISCTL)" >&2; exit 2; }
[ -x "$BENCH_SYNC" ] || { echo "build relais_bench_sync first ($BENCH_SYNC)" >&2; exit 2; }
STATUS=$("$LABCTL" status --json)
[ "$(jq -r .state <<<"$STATUS")" = up ] || { echo "the lab is not up" >&2; exit 2; }
STATE_DIR=$(jq -r .state_dir <<<"$STATUS")
SITE=$(jq -r .site <<<"$STATUS")
VAULT=$(jq -r .vault <<<"$STATUS")
MAIN_NS=$(jq -r .hosts.main.namespace <<<"$STATUS")
BACKUP=$(jq -r .hosts.backup.address <<<"$STATUS")
PASSFILE=$(jq -r .vault_passphrase_file <<<"$STATUS")
MAIN_KEY="$(jq -r .secrets_dir <<<"$STATUS")/lab-ssh" # the vault's key for main
AUTH="$STATE_DIR/backup/ssh/authorized_keys"
[ "$(ip -o route get "$BACKUP" | grep -o 'dev [^ ]*')" = "dev relaislab0" ] ||
    { echo "$BACKUP is not routed to the lab bridge; refusing" >&2; exit 2; }

# Under /var/tmp: both lab hosts see the same file system.
WORK=/var/tmp/relais-bench-sync-$$
AUTH_SAVED="$WORK/authorized_keys.saved"
mkdir -p "$WORK/src" "$WORK/dst-relais" "$WORK/dst-console" "$WORK/dst-plain" "$WORK/dst-same" \
    "$WORK/dst-ssh" "$WORK/dst-host" "$WORK/keys" "$WORK/data" "$WORK/times"
cp "$AUTH" "$AUTH_SAVED"
CONSOLE_PID=
INSTALLED=
cleanup() {
    if [ -n "$CONSOLE_PID" ]; then
        kill "$CONSOLE_PID" 2>/dev/null || true
        wait "$CONSOLE_PID" 2>/dev/null || true
    fi
    if [ -n "$INSTALLED" ]; then
        "$RELAISCTL" --lang en sync install --remove --site "$WORK/site.json" \
            --passphrase-file "$PASSFILE" --key-dir "$WORK/keys" bench-host >/dev/null || true
        rm -f /var/lib/relais-sync/bench-host.jsonl /var/lib/relais-sync/bench-host.jsonl.1
    fi
    # The lock files the runs made (the runner's, the console's, relaisctl's).
    rm -f /var/lib/relais-sync/bench-relais.jsonl.lock /var/lib/relais-sync/bench-console.jsonl.lock \
        /var/lib/relais-sync/bench-host.jsonl.lock
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
    # 81 % small, 18 % medium, 1 % large: about 500 MB in all.
    size = rng.randint(100, 4096) if r < 0.81 else rng.randint(4096, 65536) if r < 0.99 else rng.randint(2 << 20, 6 << 20)
    with open(os.path.join(d, "f%05d.bin" % i), "wb") as f:
        f.write(os.urandom(size))
PY
TREE_SIZE=$(du -sh "$WORK/src" | cut -f1)

# One key per destination, each confined the same way (rrsync write-only),
# as Relais' ReplicationKeySetup authorizes a push job's key.
KNOWN="$WORK/keys/known_hosts"
grep "^$BACKUP " "$STATE_DIR/ssh/known_hosts" >"$KNOWN"
for which in relais console plain same ssh host; do
    ssh-keygen -q -t ed25519 -N '' -C "relais-bench-$which" -f "$WORK/keys/bench-$which"
    cp "$KNOWN" "$WORK/keys/bench-$which.known_hosts"
    printf 'restrict,command="rrsync -wo %s" %s\n' "$WORK/dst-$which" \
        "$(cat "$WORK/keys/bench-$which.pub")" >>"$AUTH"
done

# The site with the jobs; Relais' own data (known_hosts, relais.db) apart.
jq --arg src "$WORK/src/" --arg dst "$WORK/dst-" \
    '.sync = [{name: "bench-relais", source: [$src], destination: ($dst + "relais"),
               low_priority: false},
              {name: "bench-console", source: [$src], destination: ($dst + "console"),
               low_priority: false},
              {name: "bench-host", source: [$src], destination: ($dst + "host"),
               low_priority: false, schedule: {every_minutes: 5}}]' \
    "$SITE" >"$WORK/site.json"
cp "$STATE_DIR/ssh/known_hosts" "$WORK/data/known_hosts"
export RELAIS_DATA_DIR="$WORK/data"

relaisctl() {
    "$RELAISCTL" --lang en "$@"
}
# The rsync command Relais runs, from its log line (a dry run: it copies
# nothing and writes no canary), with the dry-run option taken out and the
# job's key swapped for the "same" key.
SAME_CMD=$(QT_LOGGING_RULES='relais.core.sync.debug=true' QT_MESSAGE_PATTERN='%{message}' \
    "$RELAISCTL" --lang en sync dry-run --site "$WORK/site.json" --passphrase-file "$PASSFILE" \
    --key-dir "$WORK/keys" bench-relais 2>&1 >/dev/null | sed -n 's/^sync bench-relais runs: //p')
[ -n "$SAME_CMD" ] || { echo "relaisctl did not log its rsync command" >&2; exit 2; }
SAME_CMD=${SAME_CMD/ --dry-run/}
SSH_CMD=${SAME_CMD//"$WORK/keys/bench-relais"/"$WORK/keys/bench-ssh"}
SAME_CMD=${SAME_CMD//"$WORK/keys/bench-relais"/"$WORK/keys/bench-same"}
echo "same: $SAME_CMD" >&2

run_relais() {
    relaisctl sync run --site "$WORK/site.json" --passphrase-file "$PASSFILE" \
        --key-dir "$WORK/keys" bench-relais >/dev/null
}
# The job installed on main: its runner, as cron would start it.
INSTALLED=yes
relaisctl sync install --cron --site "$WORK/site.json" --passphrase-file "$PASSFILE" \
    --key-dir "$WORK/keys" bench-host >/dev/null
RUNNER=/usr/local/lib/relais-sync/bench-host.sh
[ -x "$RUNNER" ] || { echo "sync install wrote no runner at $RUNNER" >&2; exit 2; }
coproc CONSOLE { exec "$BENCH_SYNC" "$WORK/site.json" bench-console "$MAIN_KEY" "$WORK/keys" \
    2>"$WORK/console.err"; }
read -r ready <&"${CONSOLE[0]}" || { cat "$WORK/console.err" >&2; exit 2; }
[ "$ready" = ready ]
run_console() { # one run; the program's own time of it is not used
    echo run >&"${CONSOLE[1]}"
    local took
    read -r took <&"${CONSOLE[0]}" || { cat "$WORK/console.err" >&2; return 1; }
}
run_same() {
    ip netns exec "$MAIN_NS" sh -c "$SAME_CMD" >/dev/null
}
run_ssh() {
    ssh -i "$MAIN_KEY" -o IdentitiesOnly=yes -o BatchMode=yes -o StrictHostKeyChecking=yes \
        -o UserKnownHostsFile="$STATE_DIR/ssh/known_hosts" -o GlobalKnownHostsFile=/dev/null \
        "root@$(jq -r .hosts.main.address <<<"$STATUS")" "$SSH_CMD" >/dev/null
}
run_host() {
    ip netns exec "$MAIN_NS" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME="$HOME" \
        /bin/sh "$RUNNER" >/dev/null
}
run_plain() {
    ip netns exec "$MAIN_NS" rsync -a --delete -e "ssh -i $WORK/keys/bench-plain -p 22 \
-o BatchMode=yes -o StrictHostKeyChecking=yes -o UserKnownHostsFile=$KNOWN \
-o GlobalKnownHostsFile=/dev/null -o IdentitiesOnly=yes -o ServerAliveInterval=15 \
-o ServerAliveCountMax=4" -- "$WORK/src/" "root@$BACKUP:"
}
# The fixed costs, each alone.
run_unlock() { # relaisctl's start and the vault unlock (scrypt)
    relaisctl vault list --vault "$VAULT" --passphrase-file "$PASSFILE" >/dev/null
}
run_reach() { # the same plus SSH to main and one command there
    relaisctl ssh exec --site "$WORK/site.json" --passphrase-file "$PASSFILE" main -- true
}
run_shell() { # main's login shell as sshd starts it (it reads ~/.bashrc)
    ip netns exec "$MAIN_NS" env -i HOME="$HOME" USER=root PATH=/usr/bin:/bin \
        SSH_CLIENT="10.231.0.1 40000 22" "$(getent passwd root | cut -d: -f7)" -c true
}
seconds() { # seconds COMMAND...: wall time of COMMAND, in seconds
    local t0 t1
    t0=$(date +%s.%N)
    "$@"
    t1=$(date +%s.%N)
    echo "$t1 - $t0" | bc -l
}
timed() { # timed STEP PATH: one run, its time appended to WORK/times/STEP-PATH
    sync
    local s
    s=$(seconds "run_$2")
    echo "$s" >>"$WORK/times/$1-$2"
    printf '  %-6s %-6s %6.2f s\n' "$1" "$2" "$s" >&2
}
rotated() { # rotated ROUND: the six paths, in an order that turns each round
    local paths=(relais console same ssh host plain)
    local i
    for i in 0 1 2 3 4 5; do
        echo "${paths[$(((i + $1) % 6))]}"
    done
}
median() { # median FILE
    sort -n "$1" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
change() { # change ROUND: rewrites CHANGED files spread over the tree
    python3 - "$WORK/src" "$FILES" "$CHANGED" "$1" <<'PY'
import os, sys
root, count, changed, round_ = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
for k in range(changed):
    i = (k * (count // changed) + round_ * 7) % count
    with open(os.path.join(root, "d%03d" % (i // 100), "f%05d.bin" % i), "ab") as f:
        f.write(os.urandom(1024))
PY
}

for round in $(seq 1 "$FIRST_ROUNDS"); do
    echo "first copy, round $round" >&2
    find "$WORK/dst-relais" "$WORK/dst-console" "$WORK/dst-same" "$WORK/dst-ssh" \
        "$WORK/dst-plain" "$WORK/dst-host" -mindepth 1 -delete
    for path in $(rotated "$round"); do
        timed first "$path"
    done
done
for round in $(seq 1 "$INCR_ROUNDS"); do
    echo "incremental, round $round" >&2
    change "$round"
    for path in $(rotated "$round"); do
        timed incr "$path"
    done
done
for round in $(seq 1 "$INCR_ROUNDS"); do
    for path in unlock reach shell; do
        timed fixed "$path"
    done
done

# Every copy must be the same as the source (the canary aside).
for which in relais console plain same ssh host; do
    diff -r --exclude=.relais-canary "$WORK/src" "$WORK/dst-$which" >/dev/null
done

m() { median "$WORK/times/$1"; }
row() { # row LABEL STEP
    local relais console same ssh host plain
    relais=$(m "$2-relais")
    console=$(m "$2-console")
    same=$(m "$2-same")
    ssh=$(m "$2-ssh")
    host=$(m "$2-host")
    plain=$(m "$2-plain")
    printf '%-30s %7.2f %7.2f %7.2f %7.2f %7.2f %7.2f %12.3f %13.3f %11.3f %10.3f\n' "$1" "$relais" \
        "$console" "$same" "$ssh" "$host" "$plain" "$(echo "$relais / $same" | bc -l)" \
        "$(echo "$console / $same" | bc -l)" "$(echo "$relais / $ssh" | bc -l)" \
        "$(echo "$host / $same" | bc -l)"
}
echo "tree: $FILES files, $TREE_SIZE; medians of $FIRST_ROUNDS first copies and" \
    "$INCR_ROUNDS incremental runs ($CHANGED files changed each), the paths interleaved"
printf '%-30s %7s %7s %7s %7s %7s %7s %12s %13s %11s %10s\n' "step (s)" relais console same ssh \
    host plain relais/same console/same relais/ssh host/same
row "first full copy" first
row "incremental ($CHANGED files changed)" incr
unlock=$(m fixed-unlock)
reach=$(m fixed-reach)
shell=$(m fixed-shell)
printf 'fixed costs, each measured alone (medians):\n'
printf '  relaisctl start and vault unlock (scrypt)                  %6.3f s  (relais only)\n' \
    "$unlock"
printf '  the same, SSH to main and one command there (ssh exec)     %6.3f s  (relais only)\n' \
    "$reach"
printf '  main'"'"'s login shell as sshd starts it (reads ~/.bashrc)     %6.3f s  (relais, console)\n' \
    "$shell"
echo "relais: relaisctl sync run as typed; console: vault open and session up, as in the GUI;"
echo "same: the same rsync command typed on main, where no login shell starts;"
echo "ssh: the same command typed on the console's machine as ssh root@main 'COMMAND';"
echo "host: the job installed on main, its runner started there as cron starts it."
