#!/usr/bin/env bash
# apk-bench.sh [CORPUS_DIR] — is the APK/DEX path the fast path? For each app, in one hyperfine run:
#
#   quiver parse APK|DEX -j 2 and -j 1       the app as shipped
#   quiver parse TREE -j 2 and -j 1          its baksmali tree (the corpus holds it)
#   baksmali, then quiver parse TREE -j 2    what a user without the APK path would run
#   sqlite3 floor                            the sqlite3 shell (C, no JVM, no JDBC, one core) writing the
#                                            same rows and indexes from the database Quiver wrote (as in
#                                            bench/floors.sh): the floor of any SQLite writer of these rows
#
# Apps: ApiDemos (APK; medium-smali), the 9-dex settings APK (multidex-smali) and the 12 DEX files of
# the Android framework as a folder (dex/android-all-17; large-smali). Prints Markdown tables with
# every median as a ratio to the APK's -j 2 and to the floor.
# Needs: hyperfine, sqlite3, python3, and the corpus with its tools (bin/fetch-corpus.sh).
# Knobs: RUNS (default 3; the framework rows run at most 2), APPS ("apidemos settings framework"),
#        OUT (scratch dir).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
corpus=${1:-${QUIVER_CORPUS:-$HOME/.cache/quiver/corpus}}
runs=${RUNS:-3}
apps=${APPS:-"apidemos settings framework"}
out=${OUT:-$(mktemp -d)}; mkdir -p "$out"
q="$here/bin/quiver"
for t in hyperfine sqlite3 python3; do command -v $t >/dev/null || { echo "missing $t (apt-get install $t)" >&2; exit 2; }; done
cp=$(ls "$corpus"/.work/tools/lib/*.jar 2>/dev/null | grep -v "/r8-" | tr '\n' ':')
[ -n "$cp" ] || { echo "no baksmali in $corpus/.work/tools/lib (run bin/fetch-corpus.sh)" >&2; exit 2; }
"$q" --version >/dev/null   # builds the jar if needed
res="$here/quiver-core/src/main/resources/dev/quiver/core/store"

echo "# apk-bench on $(hostname), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
echo "# java: $(java -version 2>&1 | head -1); sqlite3 $(sqlite3 --version | cut -d' ' -f1); $("$q" --version); commit $(git -C "$here" rev-parse --short HEAD)"

# The sqlite3 script that rebuilds DB's rows and indexes into a fresh file (bench/floors.sh's floor).
. "$here/bench/floor-sql.sh"

for app in $apps; do
  case $app in
    apidemos)  input="$corpus/apk/ApiDemos-debug.apk"; tree="$corpus/medium-smali"; r=$runs ;;
    settings)  input="$corpus/apk/settings_apk-debug.apk"; tree="$corpus/multidex-smali"; r=$runs ;;
    framework) input="$corpus/dex/android-all-17"; tree="$corpus/large-smali"; r=$(( runs < 2 ? runs : 2 )) ;;
    *) echo "unknown app $app" >&2; exit 2 ;;
  esac
  [ -e "$input" ] && [ -d "$tree" ] || { echo "# $app: $input or $tree missing, skipped"; continue; }
  "$q" parse "$input" -q -o "$out/$app.db"
  floor_sql "$out/$app.db" "$out/$app.sql"
  # baksmali reads an APK or a DEX file; the framework folder is its 12 DEX files, one after another.
  if [ -d "$input" ]; then
    bak="for f in $input/*.dex; do java -cp $cp org.jf.baksmali.Main d -o $out/bak \$f; done"
  else
    bak="java -cp $cp org.jf.baksmali.Main d -o $out/bak $input"
  fi
  hyperfine --style none --runs "$r" --warmup 1 --export-json "$out/$app.json" \
    --prepare "rm -rf $out/bak $out/floor.db" \
    -n "quiver parse APK/DEX -j 2" "$q parse $input -j 2 -q -o $out/a2.db" \
    -n "quiver parse APK/DEX -j 1" "$q parse $input -j 1 -q -o $out/a1.db" \
    -n "quiver parse tree -j 2" "$q parse $tree -j 2 -q -o $out/t2.db" \
    -n "quiver parse tree -j 1" "$q parse $tree -j 1 -q -o $out/t1.db" \
    -n "baksmali, then quiver parse tree -j 2" "$bak && $q parse $out/bak -j 2 -q -o $out/b2.db" \
    -n "sqlite3 floor (same rows and indexes)" "sqlite3 $out/floor.db < $out/$app.sql" \
    >/dev/null
  python3 - "$out/$app.json" "$app" <<'PY'
import json, statistics, sys
res = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
apk = statistics.median(res["quiver parse APK/DEX -j 2"]["times"])
floor = statistics.median(res["sqlite3 floor (same rows and indexes)"]["times"])
print(f"\n### {sys.argv[2]}\n")
print("| command | median s | user+sys s | ratio to APK/DEX -j 2 | ratio to the floor |")
print("|---|---:|---:|---:|---:|")
for name, r in res.items():
    m = statistics.median(r["times"])
    print(f"| {name} | {m:.2f} | {r['user'] + r['system']:.2f} | {m / apk:.2f}x | {m / floor:.2f}x |")
PY
done
rm -rf "$out"/*.db "$out/bak"
