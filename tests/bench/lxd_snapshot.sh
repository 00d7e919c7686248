#!/usr/bin/env bash
# Benchmark, in one run on the lab's main LXD (over its Unix socket):
#   1. ROUNDS rounds of snapshot + restore of one running test container
#      through Relais (relais_bench_lxd: LxdClient, one process for all
#      rounds, each operation waited on to its end) against ROUNDS rounds
#      of `lxc snapshot` + `lxc restore`; prints both medians and the ratio
#      relais/lxc (goal: <= 1.0);
#   2. listing COUNT stopped containers with their state, through Relais
#      (GET /1.0/instances?recursion=2, read into LxdInstance) against
#      `lxc list --format json`, LISTINGS times each; prints both medians,
#      the ratio, and the time taken to create the COUNT containers.
#
#   tests/bench/lxd_snapshot.sh [BUILD_DIR] [ROUNDS] [COUNT] [LISTINGS]
#
# The lab must be up (this script never starts it). Every container it
# makes is named relais-bench-PID[-N] and deleted on exit, failure included.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
TOP=$(cd "$HERE/../.." && pwd)
BUILD=${1:-build}
ROUNDS=${2:-10}
COUNT=${3:-50}
LISTINGS=${4:-10}
BENCH="$TOP/$BUILD/tests/bench/relais_bench_lxd"
LABCTL=${RELAIS_LABCTL:-"$TOP/tests/lab/labctl"}

[ -x "$BENCH" ] || { echo "build relais_bench_lxd first ($BENCH)" >&2; exit 2; }
STATUS=$("$LABCTL" status --json)
[ "$(jq -r .state <<<"$STATUS")" = up ] || { echo "the lab is not up" >&2; exit 2; }
SOCKET=$(jq -r .hosts.main.lxd_socket <<<"$STATUS")
export LXD_DIR
LXD_DIR=$(jq -r .hosts.main.lxd_dir <<<"$STATUS")
WORK=$(mktemp -d)
export LXD_CONF="$WORK/lxc"
NAME="relais-bench-$$"

cleanup() {
    local c
    for c in $(lxc list --format csv -c n 2>/dev/null | grep -E "^$NAME(-[0-9]+)?\$" || true); do
        lxc delete --force "$c" >/dev/null 2>&1 || echo "could not delete $c" >&2
    done
    rm -rf "$WORK"
}
trap cleanup EXIT

now_ns() { date +%s%N; }
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

lxc launch relais-busybox "$NAME" >/dev/null

# 1. Snapshot + restore.
echo "$ROUNDS rounds of snapshot + restore of a running busybox container on main"
relais_out=$("$BENCH" snapshot-restore "$SOCKET" "$NAME" "$ROUNDS")
relais_ms=$(awk '/^median_ms/ { print $2 }' <<<"$relais_out")
: >"$WORK/lxc-rounds"
for i in $(seq 1 "$ROUNDS"); do
    t0=$(now_ns)
    lxc snapshot "$NAME" "lxc-$i"
    lxc restore "$NAME" "lxc-$i"
    t1=$(now_ns)
    echo "$(((t1 - t0) / 1000000))" >>"$WORK/lxc-rounds"
done
lxc_ms=$(median <"$WORK/lxc-rounds")
for i in $(seq 1 "$ROUNDS"); do lxc delete "$NAME/lxc-$i"; done
printf '  relais LxdClient:     median %7.1f ms per snapshot + restore\n' "$relais_ms"
printf '  lxc snapshot+restore: median %7.1f ms\n' "$lxc_ms"
printf '  ratio relais/lxc:     %.2f (goal <= 1.0)\n' "$(awk -v a="$relais_ms" -v b="$lxc_ms" 'BEGIN { print a / b }')"
lxc delete --force "$NAME" >/dev/null

# 2. Listing COUNT stopped containers with their state.
echo "listing $COUNT stopped containers (plus the lab's own) with their state, $LISTINGS times"
t0=$(now_ns)
seq 1 "$COUNT" | xargs -P 2 -I N lxc init relais-busybox "$NAME-N" >/dev/null
t1=$(now_ns)
printf '  created %d containers in %.1f s (lxc init, 2 at a time)\n' "$COUNT" "$(awk -v n=$((t1 - t0)) 'BEGIN { print n / 1e9 }')"
list_out=$("$BENCH" list "$SOCKET" "$LISTINGS")
relais_list_ms=$(awk '/^median_ms/ { print $2 }' <<<"$list_out")
listed=$(awk '/^instances/ { print $2 }' <<<"$list_out")
: >"$WORK/lxc-lists"
for _ in $(seq 1 "$LISTINGS"); do
    t0=$(now_ns)
    lxc list --format json >/dev/null
    t1=$(now_ns)
    echo "$(((t1 - t0) / 1000000))" >>"$WORK/lxc-lists"
done
lxc_list_ms=$(median <"$WORK/lxc-lists")
printf '  relais listInstances: median %7.1f ms (%d instances)\n' "$relais_list_ms" "$listed"
printf '  lxc list --format json: median %5.1f ms\n' "$lxc_list_ms"
printf '  ratio relais/lxc:     %.2f (goal <= 1.0)\n' "$(awk -v a="$relais_list_ms" -v b="$lxc_list_ms" 'BEGIN { print a / b }')"
t0=$(now_ns)
cleanup
trap - EXIT
t1=$(now_ns)
printf '  deleted them in %.1f s\n' "$(awk -v n=$((t1 - t0)) 'BEGIN { print n / 1e9 }')"
