#!/usr/bin/env bash
# Benchmark: relaisctl health --watch with many probes against the lab,
# compared in the same run with a shell loop running curl for the same
# checks. Prints CPU seconds, peak RSS, worst timer lag and the CPU ratio.
#
#   tests/bench/health_watch.sh [BUILD_DIR] [PROBES] [SECONDS]
#
# Defaults: build, 200 probes (half HTTP, half TCP) at 1 s for 60 s.
# Needs root, python3 for rusage, and the lab up. The lab may be shared:
# when it is not up, the script waits for it (up to LAB_WAIT seconds,
# default 120) and never starts it itself unless RELAIS_BENCH_LAB_UP=1.
# Only the lab's own addresses are contacted.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
TOP=$(cd "$HERE/../.." && pwd)
BUILD=${1:-build}
PROBES=${2:-200}
SECONDS_RUN=${3:-60}
RELAISCTL="$TOP/$BUILD/app/relaisctl"
LABCTL="$TOP/tests/lab/labctl"

[ -x "$RELAISCTL" ] || { echo "build relaisctl first ($RELAISCTL)" >&2; exit 2; }
lab_state() { "$LABCTL" status --json | jq -r .state; }
if [ "$(lab_state)" != up ]; then
    if [ "${RELAIS_BENCH_LAB_UP:-0}" = 1 ]; then
        "$LABCTL" up >/dev/null
    else
        waited=0
        while [ "$(lab_state)" != up ]; do
            if [ "$waited" -ge "${LAB_WAIT:-120}" ]; then
                echo "the lab is not up ($(lab_state)); start it or set RELAIS_BENCH_LAB_UP=1" >&2
                exit 2
            fi
            sleep 5
            waited=$((waited + 5))
        done
    fi
fi
LAB_SITE=$("$LABCTL" status --json | jq -r .site)
WEB=$(jq -r '.hosts.main.address' "$LAB_SITE")

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# A site with PROBES probes every second: one SSH check of backup (so that
# both hosts have a state), the rest HTTP and TCP on the web container.
# The checks need no secret: the lab's vault is left out.
jq --argjson n "$PROBES" --arg web "$WEB" '
  del(.vault) | .services = [{
    name: "bench",
    probes: ([{kind: "ssh", host: "backup", interval_seconds: 1, timeout_seconds: 1}] +
      [range(1; $n) | if . % 2 == 0
      then {kind: "http", url: ("http://" + $web + "/"), keyword: "Relais lab web",
            interval_seconds: 1, timeout_seconds: 1}
      else {kind: "tcp", host: "main", port: 80, interval_seconds: 1, timeout_seconds: 1}
      end])
  }]' "$LAB_SITE" >"$WORK/site.json"

# rusage of one command and its waited-for children: cpu seconds, peak RSS (kB).
measure() {
    python3 - "$@" <<'PY'
import resource, subprocess, sys, time
start = time.monotonic()
p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
wall = time.monotonic() - start
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
print(f"{ru.ru_utime + ru.ru_stime:.3f} {ru.ru_maxrss} {wall:.3f} {p.returncode} {ru.ru_utime:.3f} {ru.ru_stime:.3f}")
sys.stderr.write(p.stderr)
PY
}

echo "relaisctl health --watch: $PROBES probes at 1 s for $SECONDS_RUN s"
read -r r_cpu r_rss r_wall r_code r_user r_sys < <(measure "$RELAISCTL" health --site "$WORK/site.json" \
    --watch --duration "$SECONDS_RUN" 2>"$WORK/relais.err")
summary=$(grep -o 'watched.*' "$WORK/relais.err" || true)
lag=$(sed -n 's/.*worst timer lag \([0-9]*\) ms.*/\1/p' "$WORK/relais.err")

# The same checks from a shell loop: each second, one curl per HTTP probe and
# one bash /dev/tcp connect per TCP probe, all in parallel.
BASE_SECONDS=$(( SECONDS_RUN < 15 ? SECONDS_RUN : 15 ))
cat >"$WORK/loop.sh" <<LOOP
#!/usr/bin/env bash
end=\$((SECONDS + $BASE_SECONDS))
while [ \$SECONDS -lt \$end ]; do
    for i in \$(seq 1 $((PROBES / 2))); do
        curl -s -o /dev/null -m 1 "http://$WEB/" &
        timeout 1 bash -c 'exec 3<>/dev/tcp/$WEB/80' &
    done
    wait
    sleep 1
done
LOOP
chmod +x "$WORK/loop.sh"
echo "shell loop with curl: the same checks for $BASE_SECONDS s"
read -r b_cpu _ b_wall _ _ _ < <(measure "$WORK/loop.sh")

python3 - "$r_cpu" "$r_rss" "$r_wall" "$b_cpu" "$b_wall" "${lag:-0}" "$summary" "$r_code" \
    "$r_user" "$r_sys" <<'PY'
import sys
r_cpu, r_rss, r_wall, b_cpu, b_wall, lag = map(float, sys.argv[1:7])
summary, code = sys.argv[7], sys.argv[8]
r_user, r_sys = map(float, sys.argv[9:11])
r_rate = r_cpu / r_wall
b_rate = b_cpu / b_wall
print(f"  relais: {r_cpu:.2f} CPU s in {r_wall:.1f} s = {100 * r_rate:.2f} % of one core "
      f"(goal < 5 %), peak RSS {r_rss / 1024:.1f} MB (goal < 100 MB), "
      f"worst timer lag {lag:.0f} ms (goal < 50 ms), exit {code}")
print(f"          {summary}")
# In the lab the servers sit behind veth pairs: the kernel delivers each
# packet to the server side (bridge, nftables, the server's TCP) in the
# sender's context, so part of the system time is the server's work.
print(f"          user {r_user:.2f} s ({100 * r_user / r_wall:.2f} %), "
      f"system {r_sys:.2f} s ({100 * r_sys / r_wall:.2f} %, includes the lab servers' "
      f"side of each connection, delivered over veth in Relais' context)")
print(f"  curl loop: {b_cpu:.2f} CPU s in {b_wall:.1f} s = {100 * b_rate:.1f} % of one core")
print(f"  ratio curl loop / relais CPU per second: {b_rate / r_rate:.1f}x" if r_rate > 0 else "  ratio: n/a")
PY
