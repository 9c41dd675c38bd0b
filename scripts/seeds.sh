#!/usr/bin/env bash
# Run the property tests (every test file with an fc.assert) under many random fast-check
# seeds in a row, printing each seed, and stop at the first failure with the command that
# replays it. Not run by CI; for hunting flaky properties by hand.
#
#   scripts/seeds.sh            # 100 seeds
#   scripts/seeds.sh 20         # 20 seeds
#   FC_RUNS=4 scripts/seeds.sh  # fewer runs per property, so each seed is quicker
set -euo pipefail

count="${1:-100}"
cd "$(dirname "$0")/.."

mapfile -t files < <(git grep -l -E 'fc\.(assert|check)\(' -- '*.test.ts' | sort)
if [ "${#files[@]}" -eq 0 ]; then
  echo "no property tests found" >&2
  exit 2
fi
echo "property tests: ${files[*]}"
echo "FC_RUNS=${FC_RUNS:-default (each property sets its own)}, ${count} seeds"

log="$(mktemp "${TMPDIR:-/tmp}/seeds.XXXXXX")"
trap 'rm -f "$log"' EXIT

for ((i = 1; i <= count; i++)); do
  # Two 15-bit $RANDOMs make a 30-bit seed, inside fast-check's 32-bit range.
  seed=$(((RANDOM << 15) | RANDOM))
  start=$SECONDS
  printf '%3d/%d  FC_SEED=%-10d ' "$i" "$count" "$seed"
  if FC_SEED="$seed" npx vitest run --reporter=dot "${files[@]}" >"$log" 2>&1; then
    echo "ok ($((SECONDS - start)) s)"
  else
    echo "FAILED ($((SECONDS - start)) s)"
    tail -n 80 "$log"
    echo
    echo "$((i - 1)) seed(s) passed before this one. Replay with:"
    echo "  FC_SEED=$seed${FC_RUNS:+ FC_RUNS=$FC_RUNS} npx vitest run ${files[*]}"
    exit 1
  fi
done
echo "all ${count} seeds passed"
