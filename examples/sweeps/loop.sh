#!/usr/bin/env bash
# A learning-rate sweep with nothing but the CLI and standard tools: one `strata train` per value,
# each into its own folder, then a table collected from the report.json files.
#   examples/sweeps/loop.sh [OUT_DIR] [ITERATIONS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${1:-runs/loop-$(date +%Y%m%d-%H%M%S)}"
iterations="${2:-300}"
mkdir -p "$out"

for rate in 0.003 0.0075 0.015; do
  "$root/strata" train "$root/configs/cat-deep.yaml" --quiet --out "$out/lr-$rate" \
      --set optimizer.learning_rate="$rate" --set training.iterations="$iterations" \
    || echo "learning rate $rate failed (see above); going on" >&2
done

# Collect: python3 first, then jq, then plain grep/sed for the one number that matters most.
if command -v python3 >/dev/null; then
  python3 - "$out" <<'PY'
import json, pathlib, sys
print(f"{'run':<12} {'learning rate':<14} {'train acc':<10} {'test acc':<9} {'final cost':<11} seconds")
for report in sorted(pathlib.Path(sys.argv[1]).glob("*/report.json")):
    r = json.loads(report.read_text())
    m = r["metrics"]
    print(f"{report.parent.name:<12} {r['config']['optimizer']['learning_rate']:<14} "
          f"{m['train']['accuracy']:<10.4f} {m['test']['accuracy']:<9.4f} {r['costs'][-1]['cost']:<11.6f} "
          f"{r['timing']['train_seconds']:.1f}")
PY
elif command -v jq >/dev/null; then
  printf '%-12s %-14s %-10s %-9s %s\n' run "learning rate" "train acc" "test acc" "final cost"
  for report in "$out"/*/report.json; do
    jq -r --arg run "$(basename "$(dirname "$report")")" \
      '[$run, .config.optimizer.learning_rate, .metrics.train.accuracy, .metrics.test.accuracy, .costs[-1].cost] | @tsv' \
      "$report"
  done
else
  echo "neither python3 nor jq found: test accuracy only" >&2
  for report in "$out"/*/report.json; do
    accuracy=$(tr -d '\n' < "$report" | sed -E 's/.*"test": *\{ *"accuracy": *([0-9.eE-]+).*/\1/')
    echo "$(basename "$(dirname "$report")") test accuracy $accuracy"
  done
fi
