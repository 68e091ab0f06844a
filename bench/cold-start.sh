#!/usr/bin/env bash
# Cold start of a whole `aiindex build` process: the JIT build (dotnet build output), ReadyToRun (default `dotnet
# publish`) and Native AOT (`dotnet publish -p:PublishAot=true`), each building the full 2025 brief and a one-line
# brief (a repository whose manifest has one brief with a one-line template), all in one run: ROUNDS rounds, each
# timing every case RUNS times with hyperfine after a warm-up, so the cases interleave and share the machine's load.
# Prints the median wall and CPU time of each case over all rounds, the ratios, and peak RSS.
#
#   bench/cold-start.sh                 ROUNDS=5 RUNS=3 by default; OUT=DIR keeps the binaries and results
#   ONLY=aot bench/cold-start.sh        only some builds (jit, r2r, aot)
#
# Installs hyperfine from Debian when it is missing; publishing Native AOT needs clang and zlib1g-dev (installed too).
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS="${ROUNDS:-5}"; RUNS="${RUNS:-3}"
OUT="${OUT:-$(mktemp -d)}"; mkdir -p "$OUT"
read -r -a BUILDS <<<"${ONLY:-jit r2r aot}"

need=()
command -v hyperfine >/dev/null 2>&1 || need+=(hyperfine)
command -v python3 >/dev/null 2>&1 || need+=(python3)
[ -x /usr/bin/time ] || need+=(time)
if [[ " ${BUILDS[*]} " == *" aot "* ]]; then
  command -v clang >/dev/null 2>&1 || need+=(clang)
  dpkg-query -W -f='${Status}' zlib1g-dev 2>/dev/null | grep -q "install ok installed" || need+=(zlib1g-dev)
fi
if [ ${#need[@]} -gt 0 ]; then
  echo "apt-get install ${need[*]}" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

# The three builds. ReadyToRun is framework-dependent for this machine; its restore records a RID graph the lock file
# does not have, so it restores unlocked into a lock file of its own (the repository's stay untouched).
for b in "${BUILDS[@]}"; do
  case "$b" in
    jit) dotnet build src/AiIndexReports.Cli -c Release -o "$OUT/jit" >"$OUT/jit.log" 2>&1 ;;
    r2r) dotnet publish src/AiIndexReports.Cli -c Release -o "$OUT/r2r" -p:RestoreLockedMode=false \
           -p:NuGetLockFilePath=obj/r2r.lock.json >"$OUT/r2r.log" 2>&1 ;;
    aot) dotnet publish src/AiIndexReports.Cli -c Release -p:PublishAot=true -o "$OUT/aot" >"$OUT/aot.log" 2>&1 ;;
    *) echo "unknown build '$b' (jit, r2r, aot)" >&2; exit 2 ;;
  esac || { tail -20 "$OUT/$b.log"; echo "building $b failed" >&2; exit 1; }
done

# A repository per build and brief: templates/ and data/ copied, outputs (and caches) apart.
repo() {
  rm -rf "$OUT/repo-$1"; mkdir -p "$OUT/repo-$1"; cp -r templates data "$OUT/repo-$1/"
  if [ "$2" = one-line ]; then
    mkdir -p "$OUT/repo-$1/templates/one-line"
    printf '안녕하세요. 한 줄짜리 문서입니다.\n' >"$OUT/repo-$1/templates/one-line/01.md.sbn"
    printf '[[brief]]\nid = "one-line"\ntemplate = "one-line"\nvariant = "summary"\ntitle = "한 줄"\n' >"$OUT/repo-$1/templates/briefs.toml"
  fi
}
names=(); cmds=()
for b in "${BUILDS[@]}"; do
  for doc in full one-line; do
    repo "$b-$doc" "$doc"
    brief=ai-index-brief; [ "$doc" = one-line ] && brief=one-line
    names+=("$b $doc"); cmds+=("$OUT/$b/aiindex build --brief $brief --edition 2025 --force --root $OUT/repo-$b-$doc")
  done
done

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores" | tee "$OUT/summary.txt"
for r in $(seq 1 "$ROUNDS"); do
  args=(); for i in "${!cmds[@]}"; do args+=(-n "${names[$i]}" "${cmds[$i]}"); done
  hyperfine -N -w 1 -r "$RUNS" --export-json "$OUT/round-$r.json" "${args[@]}" >/dev/null 2>&1 \
    || hyperfine -N -w 1 -r "$RUNS" "${args[@]}"
  echo "round $r/$ROUNDS done (load $(cut -d' ' -f1 /proc/loadavg))" >&2
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/summary.txt"
for i in "${!cmds[@]}"; do
  # shellcheck disable=SC2086
  /usr/bin/time -f '%M' -o "$OUT/rss-$i.txt" ${cmds[$i]} >/dev/null 2>&1
done

python3 - "$OUT" "$ROUNDS" "${names[@]}" <<'PY' | tee -a "$OUT/summary.txt"
import json, statistics, sys
out, rounds, names = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
wall = {n: [] for n in names}; cpu = {n: [] for n in names}
for r in range(1, rounds + 1):
    for res in json.load(open(f"{out}/round-{r}.json"))["results"]:
        wall[res["command"]] += res["times"]
        cpu[res["command"]] += [u + s for u, s in zip(res["user"], res["system"])] if "user" in res and isinstance(res["user"], list) else [res["user"] + res["system"]] * len(res["times"])
med = {n: statistics.median(wall[n]) for n in names}
print(f"{'case':<14} {'median wall':>12} {'min':>8} {'max':>8} {'CPU':>8} {'peak RSS':>9}  runs")
for i, n in enumerate(names):
    rss = int(open(f"{out}/rss-{i}.txt").read().split()[-1]) / 1024
    print(f"{n:<14} {med[n]*1000:9.0f} ms {min(wall[n])*1000:5.0f} ms {max(wall[n])*1000:5.0f} ms {statistics.median(cpu[n])*1000:5.0f} ms {rss:6.0f} MB  {len(wall[n])}")
def ratio(a, b):
    if a in med and b in med: print(f"  {a} / {b}: {med[a] / med[b]:.2f}")
print("ratios of median wall time:")
for doc in ("full", "one-line"):
    ratio(f"aot {doc}", f"jit {doc}"); ratio(f"aot {doc}", f"r2r {doc}"); ratio(f"r2r {doc}", f"jit {doc}")
for b in ("jit", "r2r", "aot"): ratio(f"{b} full", f"{b} one-line")
PY
echo "results and binaries: $OUT"
