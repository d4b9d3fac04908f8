#!/usr/bin/env bash
# parse-bench.sh [CORPUS_DIR] — `quiver parse` speed against baselines measured in the same run.
#
#   baseline  rg -c on a string that never occurs (the read floor: every byte read once), warm cache
#   quiver    parse + SQLite, -j 2 and -j 1, on large-smali (84k files, 840 MB) and medium-smali
#   memory    the large tree again with -Xmx1g (must complete: the writer streams)
#
# Prints a Markdown table of medians and ratios (paste into docs/BENCHMARKS.md).
# Needs: hyperfine, rg, python3. Runs bin/quiver (which builds the jar first if needed).
# Knobs: RUNS (default 3), TREES (default "large-smali medium-smali"), OUT (scratch dir).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
corpus=${1:-${QUIVER_CORPUS:-$HOME/.cache/quiver/corpus}}
runs=${RUNS:-3}
trees=${TREES:-"large-smali medium-smali"}
out=${OUT:-$(mktemp -d)}; mkdir -p "$out"
q="$here/bin/quiver"   # what users run: same JVM flags (ParallelGC, CDS archive)
for t in hyperfine rg python3; do command -v $t >/dev/null || { echo "missing $t (apt-get install $t)" >&2; exit 2; }; done
"$here/bin/quiver" --version >/dev/null   # builds the jar if needed
never="QUIVER_BENCH_NEVER_OCCURS_$$"

echo "# parse-bench on $(hostname), $(nproc) cores, $(date -u +%FT%TZ)"
echo "# java: $(java -version 2>&1 | head -1); $("$q" --version)"
for tree in $trees; do
  dir="$corpus/$tree"
  [ -d "$dir" ] || { echo "# $tree: not in $corpus, skipped"; continue; }
  rg -c "$never" "$dir" >/dev/null || true     # warm the page cache
  json="$out/$tree.json"
  hyperfine --style none --runs "$runs" --warmup 1 --export-json "$json" \
    -n "rg -c (read floor)" "rg -c $never $dir || true" \
    -n "quiver parse -j 2" "$q parse $dir -j 2 -q -o $out/j2.db" \
    -n "quiver parse -j 1" "$q parse $dir -j 1 -q -o $out/j1.db" \
    -n "quiver parse -j 2 -Xmx1g" "QUIVER_JAVA_OPTS=-Xmx1g $q parse $dir -j 2 -q -o $out/x1g.db" \
    >/dev/null
  python3 - "$json" "$tree" <<'PY'
import json, sys
res = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
floor = res["rg -c (read floor)"]["median"]
j1 = res["quiver parse -j 1"]["median"]
print(f"\n### {sys.argv[2]}\n")
print("| command | median s | min s | max s | ratio to rg -c | speed-up vs -j 1 |")
print("|---|---:|---:|---:|---:|---:|")
for name, r in res.items():
    m = r["median"]
    print(f"| {name} | {m:.2f} | {r['min']:.2f} | {r['max']:.2f} | {m/floor:.1f}x | {j1/m:.2f}x |")
PY
done
rm -f "$out"/*.db
