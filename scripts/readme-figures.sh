#!/usr/bin/env bash
# Reruns the README's DelGrad Yin-Yang table (four networks x seeds 2000, 1, 2, 300 epochs, one thread)
# and prints its rows in the README's format, so the figures can be refreshed from today's code.
#
#   scripts/readme-figures.sh [RUNS_DIR]        (default RUNS_DIR: runs/readme-figures)
#
# Each run goes to RUNS_DIR/<example>-seed<S>; a run whose summary.json exists is not trained again, so an
# interrupted call continues where it stopped (delete the folder to retrain one). Set DELAYNET to another
# launcher (e.g. "java --add-modules jdk.incubator.vector -jar /tmp/delaynet.jar") to run a frozen jar;
# NICE (default 10) is the niceness of the runs. The last two columns (the authors' figures) are not
# measured here; they are copied from the README as they stand.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-runs/readme-figures}"
launcher="${DELAYNET:-./delaynet}"
seeds=(2000 1 2)
command -v jq >/dev/null || { echo "readme-figures: needs jq (apt-get install jq)" >&2; exit 2; }
mkdir -p "$runs"

# example | label in the README | authors' code, our machine | authors' pretrained run
rows=(
  "yinyang-weights-only|weights only|97.0|96.7"
  "yinyang-axonal|+ axonal delays|—|97.5"
  "yinyang-dendritic|+ dendritic delays|—|—"
  "yinyang-synaptic|+ synaptic delays|98.9|98.2"
)

for row in "${rows[@]}"; do
  IFS='|' read -r example _ _ _ <<<"$row"
  for seed in "${seeds[@]}"; do
    out="$runs/$example-seed$seed"
    [[ -f "$out/summary.json" ]] && continue
    if [[ -e "$out" ]]; then
      args=(--resume "$out")
    else
      args=(--config "examples/$example.yaml" --seed "$seed" --epochs 300 --threads 1 --out "$out")
    fi
    echo "readme-figures: $example seed $seed -> $out" >&2
    # shellcheck disable=SC2086
    nice -n "${NICE:-10}" $launcher train "${args[@]}" --progress none --no-report -q >&2
  done
done

pct() { awk -v x="$1" 'BEGIN { printf "%.1f", 100 * x }'; }
echo "| network (config) | parameters | kept: test accuracy | mean | last epoch: test accuracy | authors' code, our machine | authors' pretrained run |"
echo "|---|---|---|---|---|---|---|"
for row in "${rows[@]}"; do
  IFS='|' read -r example label authors pretrained <<<"$row"
  kept=(); last=(); sum=0; params=""
  for seed in "${seeds[@]}"; do
    s="$runs/$example-seed$seed/summary.json"
    kept+=("$(pct "$(jq -r .test_accuracy "$s")")")
    last+=("$(pct "$(jq -r .final_epoch_test_accuracy "$s")")")
    sum="$(awk -v a="$sum" -v b="$(jq -r .test_accuracy "$s")" 'BEGIN { print a + b }')"
    params="$(jq -r .parameters "$s")"
  done
  mean="$(awk -v s="$sum" -v n="${#seeds[@]}" 'BEGIN { printf "%.1f", 100 * s / n }')"
  extra=""; [[ "$example" == yinyang-synaptic ]] && extra=", the default"
  echo "| $label (\`examples/$example.yaml\`$extra) | $params | ${kept[0]} / ${kept[1]} / ${kept[2]} | **$mean** | ${last[0]} / ${last[1]} / ${last[2]} | $authors | $pretrained |"
done
