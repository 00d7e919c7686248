#!/usr/bin/env bash
# Benchmark: one vault unlock with the default scrypt parameters (N=2^17,
# r=8, p=1: 128 MiB), timed by tst_vault's defaultParameters test (open of
# a vault: read, scrypt, key check, AES-256-GCM). Prints each run and the
# median in milliseconds.
#
#   tests/bench/vault_unlock.sh [BUILD_DIR] [RUNS]
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
TOP=$(cd "$HERE/../.." && pwd)
BUILD=${1:-build}
RUNS=${2:-5}
TEST="$TOP/$BUILD/tests/unit/tst_vault"
[ -x "$TEST" ] || { echo "build tst_vault first ($TEST)" >&2; exit 2; }

times=()
for _ in $(seq "$RUNS"); do
    ms=$("$TEST" defaultParameters 2>&1 | sed -n 's/.*unlock with scrypt.*: \([0-9]*\) ms.*/\1/p')
    [ -n "$ms" ] || { echo "tst_vault defaultParameters failed" >&2; exit 1; }
    echo "unlock: $ms ms"
    times+=("$ms")
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "median unlock (scrypt N=2^17 r=8 p=1) over $RUNS runs: $median ms"
