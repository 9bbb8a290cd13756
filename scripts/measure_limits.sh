#!/usr/bin/env bash
# Measures the hostile-input rows of docs/limits.md: time and peak memory of `split`, `facts`
# and `align` on single-line texts of SIZE bytes (random French words, one in ten a number):
# `align` on two unrelated lines (left unpaired), then on a line and a variant of it with a
# third of its figures changed (paired, and compared in full).
#
#     scripts/measure_limits.sh [SIZE_BYTES] [TOOL] [DIR]
#
# SIZE defaults to 200 MB, TOOL to the release build, DIR (where the two inputs are written and
# then deleted) to a fresh temporary folder. Prints one table row per command.
set -euo pipefail
size=${1:-200000000}
tool=${2:-target/release/newsalign}
dir=$(mktemp -d "${3:-${TMPDIR:-/tmp}}/limits.XXXXXX")
trap 'rm -rf "$dir"' EXIT
here=$(dirname "$0")
python3 "$here/hostile_inputs.py" line "$size" "$dir/a.txt" 1
python3 "$here/hostile_inputs.py" line "$size" "$dir/b.txt" 2
python3 "$here/hostile_inputs.py" variant "$dir/a.txt" "$dir/c.txt" 5
mb=$((size / 1000000))
measure() {
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$dir/time" "$@" > "$dir/out" 2> "$dir/err" || true
  read -r secs kb < "$dir/time"
  printf '| %s MB one line%s | `%s` | %s | %s MB |\n' "$mb" "$label" "$2" "$secs" "$((kb / 1024))"
}
measure "" "$tool" split "$dir/a.txt"
measure "" "$tool" facts "$dir/a.txt"
measure " × 2" "$tool" align "$dir/a.txt" "$dir/b.txt"
measure " and a variant" "$tool" align "$dir/a.txt" "$dir/c.txt"
