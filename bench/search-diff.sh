#!/usr/bin/env bash
# search-diff.sh — differential test of `quiver search` against ripgrep (rg).
#
#   bench/search-diff.sh [-k REGEX] [-c CASEFILE] [-v] TREE...
#
# For every tree and every case, runs `rg --no-config --no-heading -n --color never FLAGS TREE`
# and `quiver search --no-heading -n --color never FLAGS TREE`, compares the exit codes and the
# output (sorted by line, or byte for byte with --sort path for the cases marked "exact", where
# order and `--` separators matter), and prints PASS or FAIL per case with the first differences.
# Exits 1 if any case failed, 2 on a usage error.
#
#   -k REGEX     only the cases whose name matches REGEX
#   -c CASEFILE  read the cases from CASEFILE instead of the built-in list (same format)
#   -v           on failure, also show both commands' stderr
#   QUIVER=...   the quiver launcher (default: bin/quiver of this checkout)
#   RG=...       the ripgrep binary (default: rg)
#   KEEP=1       keep the outputs (the directory is printed)
#
# Case format, one a line: NAME MODE ARGS...   (MODE: sort | exact; ARGS are shell words, parsed
# with eval, so quote patterns; a literal @TREE is replaced by the tree, otherwise the tree is
# appended as the last argument). Lines starting with # are comments.
#
# Only patterns that are valid with the same meaning in java.util.regex and Rust's regex belong
# here: see docs/SEARCH.md ("Differences from ripgrep") for the known, intended differences.
set -uo pipefail

here=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
QUIVER=${QUIVER:-$here/bin/quiver}
RG=${RG:-rg}
filter=
casefile=
verbose=0
while getopts "k:c:vh" opt; do
  case $opt in
    k) filter=$OPTARG ;;
    c) casefile=$OPTARG ;;
    v) verbose=1 ;;
    h) sed -n '2,22p' "$0"; exit 0 ;;
    *) exit 2 ;;
  esac
done
shift $((OPTIND - 1))
if [ $# -eq 0 ]; then
  echo "usage: $0 [-k REGEX] [-c CASEFILE] [-v] TREE..." >&2
  exit 2
fi
command -v "$RG" >/dev/null || { echo "search-diff: $RG not found" >&2; exit 2; }
export LC_ALL=C.UTF-8
unset RIPGREP_CONFIG_PATH

builtin_cases() {
  cat <<'EOF'
# --- literals and regexes
literal            sort  -e include
literal-rare       sort  -e Exception
anchor-start       sort  -e '^#'
anchor-end         sort  -e ';$'
anchor-both        sort  -e '^\}$'
word-boundary      sort  -e '\bint\b'
alternation        sort  -e 'return null|throw new'
char-class         sort  -e '[A-Z]{4,}_[A-Z0-9]+'
quantifier         sort  -e 'x{2,}'
dot-non-ascii      sort  -e 'é.'
dot-any            sort  -e 'a.c'
non-ascii-lit      sort  -e 'ü'
digits             sort  -e '[0-9]{4}-[0-9]{2}'
empty-line         sort  -c -e '^$'
space-end          sort  -c -e ' $'
class-neg          sort  -e '^[^ #/*]{60,}$'
tab                sort  -c -e '\t'
# --- fixed strings
fixed-meta         sort  -F -e 'a.b('
fixed-brackets     sort  -F -e '[]'
fixed-dollar       sort  -F -e '$'
fixed-star         sort  -F -e '*/'
fixed-backslash    sort  -F -e '\'
# --- case
ignore-case        sort  -i -e 'copyright'
ignore-case-re     sort  -i -e 'lic(ense|ence)d?'
ignore-case-nonasc sort  -i -e 'é'
ignore-case-fixed  sort  -i -F -e 'GNU'
smart-lower        sort  -S -e 'version'
smart-upper        sort  -S -e 'Version'
smart-escape       sort  -S -e '\Wfoo'
# --- word, line, invert
word               sort  -w -e 'int'
word-nonword-edge  sort  -w -e '@param'
word-ignore-case   sort  -w -i -e 'the'
word-alt           sort  -w -e 'if|for'
line               sort  -x -e '\s*\}'
line-alt           sort  -x -e '#endif|#else'
invert-count       sort  -v -c -e 'e'
invert             sort  -v -e '[a-z]'
invert-word        sort  -v -c -w -e 'the'
# --- several patterns, limits
multi-e            sort  -e 'TODO' -e 'FIXME'
multi-e-fixed      sort  -F -e '(' -e '['
max-count          sort  -m 2 -e 'the'
max-count-invert   sort  -m 1 -v -e 'e'
max-count-zero     sort  -m 0 -e 'the'
# --- output modes
count              sort  -c -e 'static'
count-matches      sort  --count-matches -e 'e'
count-matches-ci   sort  --count-matches -i -e 'the'
only-matching      sort  -o -e '[A-Za-z_]+\('
# not compared (documented rg 13 quirks, docs/SEARCH.md): -o -w (rg drops a first character), -c -o -v (rg prints 0)
files-with         sort  -l -e 'main'
files-without      sort  --files-without-match -e 'main'
files              sort  --files
files-hidden       sort  --files --hidden
files-noignore     sort  --files --no-ignore --hidden
files-depth        sort  --files --max-depth 1
files-depth2       sort  --files --max-depth 2
files-text         sort  -c -a -e 'a'
binary-count       sort  -c -e 'a'
binary-files       sort  -l -e 'the'
# --- context (byte for byte, file order by path)
context            exact -C 2 -e 'TODO'
context-after      exact -A 1 -e 'return null'
context-before     exact -B 3 -e '^\}$'
context-overlap    exact -C 5 -e 'e'  -m 3
context-invert     exact -C 1 -v -e '[a-z]' -m 5
context-count-ctx  exact -A 2 -e 'if' -m 2
only-context       exact -o -C 1 -e 'TODO'
context-binary     exact -B 2 -A 4 -e 'the'
# --- multiline
multiline          sort  -U -e '\{\n\s*\}'
multiline-count    sort  -U -c -e ';\n\n'
multiline-count-ln sort  -U -c -e 'e'
multiline-count-2  sort  -U -c -e '[a-z]+\n[a-z]'
multiline-dot      sort  -U -e 'int\n'
# -U on binary files found while walking: rg 13 looks for a NUL in the first 64 KiB only
multiline-binary   sort  -U -e 'the\n'
multiline-bin-count sort -U -c -e 'o\n'
# --- file selection
glob               sort  --files -g '*.h'
glob-neg           sort  --files -g '!*.h'
glob-path          sort  --files -g '**/sys/*.h'
glob-dir-neg       sort  --files -g '!**/test/**'
glob-both          sort  --files -g '*.java' -g '!*Test*.java'
glob-class         sort  --files -g '*.[ch]'
glob-question      sort  --files -g '?????.h'
glob-braces        sort  --files -g '*.{h,c}'
type-c             sort  --files -t c
type-java          sort  --files -t java
type-py            sort  --files -t py
type-perl          sort  --files -t perl
type-txt           sort  --files -t txt
type-md            sort  --files -t md
type-xml           sort  --files -t xml
type-sh            sort  --files -t sh
type-json          sort  --files -t json
type-not           sort  --files -T c -T java
type-search        sort  -c -t java -e 'class'
EOF
}

if [ -n "$casefile" ]; then
  cases=$(cat "$casefile")
else
  cases=$(builtin_cases)
fi

out=$(mktemp -d "${TMPDIR:-/tmp}/search-diff.XXXXXX")
if [ "${KEEP:-0}" != 1 ]; then
  trap 'rm -rf "$out"' EXIT
fi
pass=0
fail=0
n=0
for tree in "$@"; do
  if [ ! -e "$tree" ]; then
    echo "search-diff: $tree: no such file or directory" >&2
    exit 2
  fi
  while read -r name mode rest; do
    case $name in ''|'#'*) continue ;; esac
    if [ -n "$filter" ] && ! [[ $name =~ $filter ]]; then
      continue
    fi
    eval "args=($rest)" || { echo "search-diff: $name: cannot parse its arguments" >&2; exit 2; }
    withtree=()
    hastree=0
    for a in "${args[@]}"; do
      if [ "$a" = @TREE ]; then withtree+=("$tree"); hastree=1; else withtree+=("$a"); fi
    done
    [ $hastree = 1 ] || withtree+=("$tree")
    extra=()
    [ "$mode" = exact ] && extra=(--sort path)
    n=$((n + 1))
    r="$out/$n.rg" q="$out/$n.q"
    "$RG" --no-config --no-heading -n --color never "${extra[@]}" "${withtree[@]}" >"$r.out" 2>"$r.err" </dev/null
    rrc=$?
    "$QUIVER" search --no-heading -n --color never "${extra[@]}" "${withtree[@]}" >"$q.out" 2>"$q.err" </dev/null
    qrc=$?
    if [ "$mode" = sort ]; then
      LC_ALL=C sort -o "$r.out" "$r.out"
      LC_ALL=C sort -o "$q.out" "$q.out"
    fi
    label="$name [$tree] ($rest)"
    if [ $rrc = $qrc ] && cmp -s "$r.out" "$q.out"; then
      pass=$((pass + 1))
      echo "PASS $label"
    else
      fail=$((fail + 1))
      echo "FAIL $label"
      [ $rrc = $qrc ] || echo "  exit code: rg $rrc, quiver $qrc"
      if ! cmp -s "$r.out" "$q.out"; then
        echo "  output: rg $(wc -l <"$r.out") lines, quiver $(wc -l <"$q.out") lines; first differences (< rg, > quiver):"
        diff "$r.out" "$q.out" | grep -a '^[<>]' | head -n 8 | cut -c 1-200 | sed 's/^/    /'
      fi
      if [ $verbose = 1 ] || [ $rrc != $qrc ]; then
        head -n 3 "$r.err" | cut -c 1-200 | sed 's/^/  rg stderr: /'
        head -n 3 "$q.err" | cut -c 1-200 | sed 's/^/  quiver stderr: /'
      fi
    fi
  done <<<"$cases"
done
[ "${KEEP:-0}" = 1 ] && echo "outputs kept in $out"
echo "search-diff: $pass passed, $fail failed"
[ $fail = 0 ]
