#!/usr/bin/env bash
# compare-jars.sh OLD_JAR NEW_JAR [ROUNDS] — `quiver parse` wall time of two builds, interleaved
# (old, new, old, new, ...) so that a busy machine slows both alike; prints the median wall time and
# the median CPU time (user + system, less sensitive to a loaded machine) of each, and their ratios. Inputs: medium-smali, the ApiDemos APK, the 12 framework DEX files (named one
# by one: an old build cannot take their folder) and, for NEW only, the same files as a folder.
# Both run as bin/quiver runs parse (ParallelGC), -j 2. Knobs: CORPUS, INPUTS ("medium apk dex large").
set -euo pipefail
old=${1:?usage: $0 OLD_JAR NEW_JAR [ROUNDS]}; new=${2:?}; rounds=${3:-5}
corpus=${CORPUS:-${QUIVER_CORPUS:-$HOME/.cache/quiver/corpus}}
inputs=${INPUTS:-"medium apk dex"}
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
run() { # jar, args...: prints "wall cpu" seconds
  local jar=$1; shift
  local TIMEFORMAT='%R %U %S'
  { time java -XX:+UseParallelGC -jar "$jar" parse "$@" -j 2 -q -o "$out/x.db" >/dev/null 2>&1 || true; } 2>&1 \
    | awk '{printf "%s %.3f\n", $1, $2 + $3}'
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
col() { awk -v c="$1" '{print $c}' "$2" | median; }
echo "# compare-jars on $(hostname), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
echo "| input | old wall s | new wall s | new/old | old CPU s | new CPU s | new/old |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for what in $inputs; do
  case $what in
    medium) args=("$corpus/medium-smali") ;;
    large)  args=("$corpus/large-smali") ;;
    apk)    args=("$corpus/apk/ApiDemos-debug.apk") ;;
    dex)    args=("$corpus"/dex/android-all-17/classes*.dex) ;;
  esac
  : > "$out/old"; : > "$out/new"
  run "$new" "${args[@]}" >/dev/null   # warm the page cache and the JIT's disk files
  for r in $(seq "$rounds"); do
    run "$old" "${args[@]}" >> "$out/old"
    run "$new" "${args[@]}" >> "$out/new"
  done
  ow=$(col 1 "$out/old"); nw=$(col 1 "$out/new"); oc=$(col 2 "$out/old"); nc=$(col 2 "$out/new")
  printf '| %s | %.2f | %.2f | %.3f | %.2f | %.2f | %.3f |\n' "$what" "$ow" "$nw" "$(echo "$nw / $ow" | bc -l)" \
    "$oc" "$nc" "$(echo "$nc / $oc" | bc -l)"
  if [ "$what" = dex ]; then
    : > "$out/folder"
    for r in $(seq "$rounds"); do run "$new" "$corpus/dex/android-all-17" >> "$out/folder"; done
    printf '| dex as a folder (new only) | | %.2f | | | %.2f | |\n' "$(col 1 "$out/folder")" "$(col 2 "$out/folder")"
  fi
done
