#!/usr/bin/env bash
# Benchmarks `quiver search` against ripgrep and GNU grep in the same run (hyperfine, warm cache,
# --output=pipe so that grep cannot short-circuit on /dev/null), and prints a Markdown table of
# medians and ratios for docs/BENCHMARKS.md.
#
#   bench/search-bench.sh [RUNS]        (default 5 runs after 1 warm-up)
# Env: QUIVER_CORPUS (default /work/corpus), JDK_SRC (default /work/bench-data/jdk-src),
#      BENCH_OUT (default /work/bench-data/search-bench), QUIVER_SEARCH_OPTS (JVM flags).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=${1:-5}
corpus=${QUIVER_CORPUS:-/work/corpus}
jdk=${JDK_SRC:-/work/bench-data/jdk-src}
out=${BENCH_OUT:-/work/bench-data/search-bench}
mkdir -p "$out"
for t in hyperfine rg grep java; do command -v $t >/dev/null || { echo "missing $t" >&2; exit 2; }; done
jar="$here/quiver-cli/target/quiver.jar"
if [ ! -d "$jdk" ]; then
  src=$(ls /usr/lib/jvm/*temurin*25*/lib/src.zip 2>/dev/null | head -1)
  [ -n "$src" ] || { echo "no Temurin 25 src.zip; set JDK_SRC" >&2; exit 2; }
  mkdir -p "$jdk" && (cd "$jdk" && unzip -q "$src")
fi
# The class-data sharing archive bin/quiver makes (and remakes when the jar changes).
"$here/bin/quiver" --version >/dev/null
jsa="$here/quiver-cli/target/quiver.jsa"
opts=${QUIVER_SEARCH_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:SharedArchiveFile=$jsa -Xshare:auto}
q="java $opts -jar $jar search"
ten="$out/ten-files"
if [ ! -d "$ten" ]; then
  mkdir -p "$ten"
  find "$corpus/small-smali" -name '*.smali' | sort | head -10 | xargs -I{} cp {} "$ten/"
fi

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
