#!/usr/bin/env bash
# search-soak.sh — a long run of the differential soundness test: random patterns and texts are
# searched by Quiver's engine (in-process) and by a plain line-by-line java.util.regex oracle,
# with no option and with each of -i -w -x -v -c -o -F -U (plus a random mix), until SECONDS have
# passed. The rules the oracle follows are in GrepOracle's Javadoc and docs/SEARCH.md ("Soundness").
#
#   bench/search-soak.sh [SECONDS] [SEED]      (default: 600 seconds, a random seed)
#
# Env: SOAK_OPTIONS  option sets to try instead, comma-separated letters (e.g. "i,w,iwx,U,")
#      SOAK_TEXTS    a file whose lines make the texts instead of random ones (e.g. smali)
#      SOAK_REPORT   how many divergences to shrink and print in full (default 10)
#      SOAK_CASE     replay one case by the seed a failure printed (SECONDS is then ignored)
# Prints a summary line; on a divergence, each failing case (its own seed, the options, the
# pattern and text as Java literals, both outputs) and a shrunk repro, and exits 1.
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
seconds=${1:-600}
seed=${2:-$(od -An -N6 -tu8 /dev/urandom | tr -d ' ')}
case $seconds in ''|*[!0-9]*) echo "usage: $0 [SECONDS] [SEED]" >&2; exit 2 ;; esac
command -v mvn >/dev/null || { echo "search-soak: Maven (mvn) is needed" >&2; exit 2; }
props=(-Dquiver.soundness.seed="$seed" -Dquiver.soundness.report="${SOAK_REPORT:-10}")
if [ -n "${SOAK_CASE:-}" ]; then
  props+=(-Dquiver.soundness.case="$SOAK_CASE")
else
  props+=(-Dquiver.soundness.seconds="$seconds")
fi
[ -n "${SOAK_OPTIONS+x}" ] && props+=(-Dquiver.soundness.options="$SOAK_OPTIONS")
[ -n "${SOAK_TEXTS:-}" ] && props+=(-Dquiver.soundness.texts="$(readlink -f "$SOAK_TEXTS")")
echo "search-soak: $seconds s from seed $seed (load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
cd "$here"
# full stack traces for an engine failure; the test prints its own summary and repros
mvn -B -q -pl quiver-search test -Dtest=DifferentialSoundnessTest -Dsurefire.failIfNoSpecifiedTests=false \
  -DargLine=-XX:-OmitStackTraceInFastThrow "${props[@]}"
