#!/usr/bin/env bash
# floors.sh [CORPUS_DIR] — how fast could any implementation be here? Times the floors under
# Quiver's speed targets beside the baselines the targets are stated against, in one run:
#
#   search  rg -c on a string that never occurs (the baseline), bench/floors/ReadFloor.java (a Java 17
#           program that only walks the tree and reads every file, no matching: the floor of any
#           Java search), and `quiver search -c` for the same string. On large-smali and the JDK
#           sources.
#   parse   rg -c (the baseline), the sqlite3 CLI rebuilding the database `quiver parse` wrote from
#           its own rows (same schema; no parsing, no JVM, no JDBC: the floor of any SQLite writer
#           of these rows), once without and once with the 21 indexes, and `quiver parse -j 2`.
#   -j 1    the CPU that `quiver parse -j 1` already uses (JIT compiler and GC threads run beside
#           the one worker): on C cores, no -j can be more than C / (that use) times faster.
#
# Prints Markdown tables for docs/BENCHMARKS.md. Needs: hyperfine, rg, sqlite3, python3, javac.
# Knobs: RUNS (default 5), JDK_SRC (default /work/bench-data/jdk-src), OUT (scratch dir).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
corpus=${1:-${QUIVER_CORPUS:-$HOME/.cache/quiver/corpus}}
runs=${RUNS:-5}
jdk=${JDK_SRC:-/work/bench-data/jdk-src}
out=${OUT:-$(mktemp -d)}; mkdir -p "$out"
large="$corpus/large-smali"
for t in hyperfine rg sqlite3 python3 javac; do
  command -v $t >/dev/null || { echo "missing $t (apt-get install $t)" >&2; exit 2; }
done
[ -d "$large" ] || { echo "no $large (run bin/fetch-corpus.sh)" >&2; exit 2; }
q="$here/bin/quiver"
"$q" --version >/dev/null   # builds the jar if needed
javac -d "$out/rf" "$here/bench/floors/ReadFloor.java"
never="QUIVER_FLOOR_NEVER_OCCURS_$$"
cores=$(nproc)
# ReadFloor runs with the JVM flags bin/quiver gives search (SerialGC, C1 only).
floor="java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto -cp $out/rf ReadFloor"

echo "# floors on $(hostname), $cores cores, $(date -u +%FT%TZ), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# java: $(java -version 2>&1 | head -1); sqlite3 $(sqlite3 --version | cut -d' ' -f1); $(rg --version | head -1)"

table() { # table JSON BASELINE-NAME TITLE
  python3 - "$@" <<'PY'
import json, statistics, sys
res = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
base = statistics.median(res[sys.argv[2]]["times"])
print(f"\n### {sys.argv[3]}\n")
print("| command | median s | user+sys s | ratio to the baseline |")
print("|---|---:|---:|---:|")
for name, r in res.items():
    m = statistics.median(r["times"])
    print(f"| {name} | {m:.2f} | {r['user'] + r['system']:.2f} | {m / base:.2f}x |")
PY
}

# --- search: the read floor of a Java process --------------------------------------------------
for tree in "$large" "$jdk"; do
  [ -d "$tree" ] || { echo "# $tree missing, skipped"; continue; }
  hyperfine -N -i --style none -w 1 -r "$runs" --export-json "$out/read.json" \
    -n "rg -c (baseline)" "rg -c $never $tree" \
    -n "ReadFloor (Java: walk + read, no matching)" "$floor $tree $cores" \
    -n "quiver search -c" "$q search -c $never $tree" >/dev/null
  table "$out/read.json" "rg -c (baseline)" "search floor: $(basename "$tree")"
done

# --- parse: the SQLite floor ------------------------------------------------------------------
"$q" parse "$large" -q -o "$out/quiver.db" || [ $? -eq 3 ]
res="$here/quiver-core/src/main/resources/dev/quiver/core/store"
. "$here/bench/floor-sql.sh"
floor_sql "$out/quiver.db" "$out/rows.sql" rows
floor_sql "$out/quiver.db" "$out/rows+indexes.sql"
hyperfine -i --style none -w 1 -r "$runs" --export-json "$out/sqlite.json" --prepare "rm -f $out/floor.db" \
  -n "rg -c (baseline)" "rg -c $never $large" \
  -n "sqlite3: insert the rows" "sqlite3 $out/floor.db < $out/rows.sql" \
  -n "sqlite3: insert the rows, build the indexes" "sqlite3 $out/floor.db < $out/rows+indexes.sql" \
  -n "quiver parse -j 2" "$q parse $large -j 2 -q -o $out/j2.db" >/dev/null
table "$out/sqlite.json" "rg -c (baseline)" "parse floor: large-smali"

# --- -j 1: how many cores one worker already keeps busy -----------------------------------------
hyperfine -i --style none -w 1 -r "$runs" --export-json "$out/j1.json" \
  -n "quiver parse -j 1" "$q parse $large -j 1 -q -o $out/j1.db" \
  -n "quiver parse -j 2" "$q parse $large -j 2 -q -o $out/j2.db" >/dev/null
python3 - "$out/j1.json" "$cores" <<'PY'
import json, statistics, sys
res = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
cores = int(sys.argv[2])
print("\n### CPU use: large-smali\n")
print("| command | median s | user+sys s | cores busy | speed-up vs -j 1 |")
print("|---|---:|---:|---:|---:|")
j1 = statistics.median(res["quiver parse -j 1"]["times"])
for name, r in res.items():
    m = statistics.median(r["times"])
    print(f"| {name} | {m:.2f} | {r['user'] + r['system']:.2f} | {(r['user'] + r['system']) / r['mean']:.2f} | {j1 / m:.2f}x |")
r = res["quiver parse -j 1"]
busy = (r["user"] + r["system"]) / r["mean"]
print(f"\nCeiling of any -j on {cores} cores: {cores} / {busy:.2f} = {cores / busy:.2f}x over -j 1.")
PY
rm -f "$out"/*.db
