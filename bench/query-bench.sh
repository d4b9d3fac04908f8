#!/usr/bin/env bash
# query-bench.sh [DB] — the query layer's speed on a large database (issue 8's targets).
#
#   in-process  bench/query/QueryBench.java: each question warmed up, then timed (median wall and
#               CPU time of the asking thread: SQLite runs on it, so CPU time is what a busy
#               machine does not distort)
#   floor       the sqlite3 shell answering the heaviest question's SQL (the grouped callers of the
#               most-called method): what no SQLite-backed implementation can beat
#   whole CLI   hyperfine over `quiver classes/methods/xref …` invocations, JVM start included
#
# DB defaults to a database of large-smali (the Android framework, 84k classes, 2.3M calls), built
# into $OUT once if missing. Prints Markdown tables (paste into docs/BENCHMARKS.md).
# Needs: hyperfine, sqlite3. Knobs: RUNS (CLI runs, default 5), OUT (scratch dir, default
# ~/.cache/quiver/bench), QUIVER_CORPUS.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
corpus=${QUIVER_CORPUS:-$HOME/.cache/quiver/corpus}
out=${OUT:-$HOME/.cache/quiver/bench}; mkdir -p "$out"
runs=${RUNS:-5}
q="$here/bin/quiver"
for t in hyperfine sqlite3; do command -v $t >/dev/null || { echo "missing $t (apt-get install $t)" >&2; exit 2; }; done
"$q" --version >/dev/null   # builds the jar if needed
db=${1:-$out/large.db}
if [ ! -f "$db" ]; then
  echo "# building $db from $corpus/large-smali" >&2
  "$q" parse "$corpus/large-smali" -q -o "$db"
fi
busy='Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;'

echo "# query-bench on $(hostname), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
echo "# $("$q" --version); db: $db ($(du -h "$db" | cut -f1))"
echo
echo "## In-process (QueryBench)"
echo
java -cp "$here/quiver-cli/target/quiver.jar" "$here/bench/query/QueryBench.java" "$db"

echo
echo "## Floor: the sqlite3 shell on the heaviest question (callers of $busy)"
echo
id=$(sqlite3 "$db" "SELECT id FROM method_ids WHERE class = 'Ljava/lang/StringBuilder;' AND name = 'append' AND descriptor = '(Ljava/lang/String;)Ljava/lang/StringBuilder;'")
sql="SELECT count(*) FROM (SELECT m.sig_id, c.descriptor || '->' || m.name || m.descriptor, g.n, k.kind, s.path, k.line
 FROM (SELECT target_id, method_id, count(*) AS n, min(id) AS first FROM calls WHERE target_id IN ($id) GROUP BY target_id, method_id) g
 JOIN calls k ON k.id = g.first JOIN methods m ON m.id = g.method_id JOIN classes c ON c.id = m.class_id JOIN sources s ON s.id = c.source_id)"
for i in 1 2 3 4 5; do /usr/bin/time -f "%U %e" sqlite3 "$db" "$sql" 2>&1 >/dev/null; done | sort -n | sed -n 3p \
  | awk '{printf "sqlite3 shell, grouped callers of the most-called method: median cpu %.0f ms, wall %.0f ms\n", $1*1000, $2*1000}'

echo
echo "## Whole CLI invocations (JVM start included), hyperfine medians"
echo
hyperfine --style none --runs "$runs" --warmup 1 --export-markdown "$out/cli.md" \
  -n "classes, exact" "$q classes --db $db --exact 'Landroid/app/Activity;' >/dev/null" \
  -n "methods, glob of one class" "$q methods --db $db 'Landroid/app/Activity;->*' >/dev/null" \
  -n "classes --extends Activity" "$q classes --db $db --extends Landroid/app/Activity\\; >/dev/null" \
  -n "xref callers depth 1 (busiest method)" "$q xref --db $db '$busy' >/dev/null" \
  -n "xref callers --depth 5 Parcel.writeInt" "$q xref --db $db 'Landroid/os/Parcel;->writeInt(I)V' --depth 5 >/dev/null" \
  -n "xref --string exact" "$q xref --db $db --string android.intent.action.BOOT_COMPLETED >/dev/null" \
  >/dev/null
cat "$out/cli.md"
