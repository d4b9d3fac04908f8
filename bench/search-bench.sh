#!/usr/bin/env bash
# Benchmarks `quiver search` against ripgrep and GNU grep in the same run (hyperfine, warm cache,
# --output=pipe so that grep cannot short-circuit on /dev/null), and prints a Markdown table of
# medians and ratios for docs/BENCHMARKS.md.
#
#   bench/search-bench.sh [RUNS]        (default 5 runs after 1 warm-up)
# Env: QUIVER_CORPUS (default /work/corpus), JDK_SRC (default /work/bench-data/jdk-src),
#      BENCH_OUT (default /work/bench-data/search-bench), QUIVER_SEARCH_OPTS (JVM flags).
#
# A/B mode: with AB_JAR set to another quiver.jar (say, one built from an older commit), the
# large-smali cases run with that jar and with this checkout's, interleaved: in each round every
# case runs once with each jar, the two in alternating order, so that the machine's drift hits
# both alike. Prints the median wall and CPU (user + system) time of each, and new/old ratios.
#
#   AB_JAR=/path/to/old/quiver-cli/target/quiver.jar bench/search-bench.sh [ROUNDS]   (default 10)
# Each jar runs with the flags above and its own class-data archive (quiver.jsa beside the jar,
# made by that checkout's bin/quiver when missing).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=${1:-5}
corpus=${QUIVER_CORPUS:-/work/corpus}
jdk=${JDK_SRC:-/work/bench-data/jdk-src}
out=${BENCH_OUT:-/work/bench-data/search-bench}
jar="$here/quiver-cli/target/quiver.jar"
# The class-data sharing archive bin/quiver makes (and remakes when the jar changes).
"$here/bin/quiver" --version >/dev/null
jsa="$here/quiver-cli/target/quiver.jsa"
opts=${QUIVER_SEARCH_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:SharedArchiveFile=$jsa -Xshare:auto}
q="java $opts -jar $jar search"
ten="$out/ten-files"

# name | tree | quiver/rg args | grep args
cases=(
  "rare literal|$corpus/large-smali|-F 'Landroid/content/Intent;->getStringExtra'|-F 'Landroid/content/Intent;->getStringExtra'"
  "common literal|$corpus/large-smali|-F invoke-virtual|-F invoke-virtual"
  "regex, inner literal|$corpus/large-smali|'const-string v[0-9]+, \"https?://'|-E 'const-string v[0-9]+, \"https?://'"
  "case-insensitive word|$corpus/large-smali|-i -w oncreate|-i -w oncreate"
  "pure class|$corpus/large-smali|'[0-9a-f]{32}'|-E '[0-9a-f]{32}'"
  "rare literal|$jdk|-F ConcurrentHashMap|-F ConcurrentHashMap"
  "common literal|$jdk|-F public|-F public"
  "regex, inner literal|$jdk|'new [A-Z][A-Za-z]*Exception\\('|-E 'new [A-Z][A-Za-z]*Exception\\('"
  "case-insensitive word|$jdk|-i -w hashmap|-i -w hashmap"
  "pure class|$jdk|'[0-9a-fA-F]{16,}'|-E '[0-9a-fA-F]{16,}'"
  "10-file folder|$ten|-F invoke-virtual|-F invoke-virtual"
)
if [ -n "${AB_JAR:-}" ]; then
  [ -f "$AB_JAR" ] || { echo "AB_JAR: no such jar: $AB_JAR" >&2; exit 2; }
  rounds=${1:-10}
  old_root=$(cd "$(dirname "$AB_JAR")/../.." && pwd)
  old_jsa="$(dirname "$AB_JAR")/quiver.jsa"
  [ -f "$old_jsa" ] || { [ -x "$old_root/bin/quiver" ] && "$old_root/bin/quiver" --version >/dev/null; } || true
  [ -f "$old_jsa" ] || echo "search-bench: no class-data archive for $AB_JAR; it runs without one" >&2
  for t in java python3; do command -v $t >/dev/null || { echo "missing $t" >&2; exit 2; }; done
  flags="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto"
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
  abcases=$(mktemp)
  trap 'rm -f "$abcases"' EXIT
  for c in "${cases[@]}"; do
    IFS='|' read -r name tree qa ga <<<"$c"
    if [ "$(basename "$tree")" = large-smali ]; then printf '%s\t%s\n' "$name" "$qa" >>"$abcases"; fi
  done
  python3 - "$rounds" "$corpus/large-smali" "$AB_JAR" "$old_jsa" "$jar" "$jsa" "$flags" "$abcases" <<'PY'
import os, resource, shlex, statistics, subprocess, sys, time
rounds, tree, old_jar, old_jsa, new_jar, new_jsa, flags, casefile = sys.argv[1:9]
rounds = int(rounds)
cases = [line.rstrip("\n").split("\t") for line in open(casefile) if line.strip()]
def cmd(jar, jsa, args):
    share = ["-XX:SharedArchiveFile=" + jsa] if os.path.exists(jsa) else []
    return ["java"] + flags.split() + share + ["-jar", jar, "search", "-n"] + shlex.split(args) + [tree]
def run(argv):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    p = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)  # read the output, as --output=pipe
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, p.returncode, len(p.stdout)
times = {(n, j): ([], []) for n, _ in cases for j in ("old", "new")}
jars = {"old": (old_jar, old_jsa), "new": (new_jar, new_jsa)}
for r in range(rounds + 1):  # round 0 warms the page cache and is not counted
    for k, (name, args) in enumerate(cases):
        order = ("old", "new") if (r + k) % 2 == 0 else ("new", "old")
        seen = {}
        for j in order:
            wall, cpu, rc, size = run(cmd(*jars[j], args))
            seen[j] = (rc, size)
            if r > 0:
                times[(name, j)][0].append(wall)
                times[(name, j)][1].append(cpu)
        if seen["old"] != seen["new"]:
            print(f"warning: {name}: exit code and output size differ: old {seen['old']}, new {seen['new']}", file=sys.stderr)
print(f"| search (large-smali, {rounds} rounds) | args | old wall s | new wall s | new/old wall | old CPU s | new CPU s | new/old CPU |")
print("|---|---|---|---|---|---|---|---|")
for name, args in cases:
    ow, oc = (statistics.median(x) for x in times[(name, "old")])
    nw, nc = (statistics.median(x) for x in times[(name, "new")])
    print(f"| {name} | `{args}` | {ow:.3f} | {nw:.3f} | {nw/ow:.2f} | {oc:.3f} | {nc:.3f} | {nc/oc:.2f} |")
PY
  echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
  exit 0
fi
for t in hyperfine rg grep java; do command -v $t >/dev/null || { echo "missing $t" >&2; exit 2; }; done
mkdir -p "$out"
if [ ! -d "$jdk" ]; then
  src=$(ls /usr/lib/jvm/*temurin*25*/lib/src.zip 2>/dev/null | head -1)
  [ -n "$src" ] || { echo "no Temurin 25 src.zip; set JDK_SRC" >&2; exit 2; }
  mkdir -p "$jdk" && (cd "$jdk" && unzip -q "$src")
fi
if [ ! -d "$ten" ]; then
  mkdir -p "$ten"
  find "$corpus/small-smali" -name '*.smali' | sort | head -10 | xargs -I{} cp {} "$ten/"
fi
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
i=0
for c in "${cases[@]}"; do
  IFS='|' read -r name tree qa ga <<<"$c"
  i=$((i+1))
  hyperfine -w 1 -r "$runs" --output=pipe --export-json "$out/case$i.json" \
    -n quiver "$q -n $qa $tree" \
    -n rg "rg -n $qa $tree" \
    -n grep "grep -rn $ga $tree" >&2
  echo "$name|$(basename "$tree")|$qa" > "$out/case$i.name"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
python3 - "$out" "$i" <<'PY'
import json, sys, statistics
out, n = sys.argv[1], int(sys.argv[2])
print("| tree | search | args | quiver s | rg s | grep -rn s | quiver/rg | quiver/grep |")
print("|---|---|---|---|---|---|---|---|")
for k in range(1, n + 1):
    name, tree, args = open(f"{out}/case{k}.name").read().strip().split("|", 2)
    res = {r["command"]: statistics.median(r["times"]) for r in json.load(open(f"{out}/case{k}.json"))["results"]}
    q, r, g = res["quiver"], res["rg"], res["grep"]
    print(f"| {tree} | {name} | `{args}` | {q:.3f} | {r:.3f} | {g:.3f} | {q/r:.2f} | {q/g:.2f} |")
PY
