#!/usr/bin/env bash
# The PTA initialisation experiment (paper Section 2.8, Table S1 row "Copy memory k = 100", tanh RNN columns):
# copy memory with delay 100 (T = 120), n = 128 hidden units, PTA vs default vs orthogonal W, seeds 1–5, the same
# fixed budget and hyperparameters for every run. Usage: docs/train/run-experiment.sh CLI_DLL OUT_ROOT [STEPS]
# Runs seed-major so a cut-off run still has every initialisation for the first seeds.
set -euo pipefail
cli=$1; root=$2; steps=${3:-2000}
for seed in 1 2 3 4 5; do
  for init in pta default orthogonal; do
    out=$root/$init-seed$seed
    [ -f "$out/spectrum.csv" ] && continue   # finished earlier
    dotnet "$cli" train --task copy --delay 100 --hidden 128 --init $init --seed $seed --steps $steps --batch 64 \
      --train-size 10000 --test-size 1000 --eval-every 100 --lr 1e-3 --clip 1 --threads 2 --exponents 10 --out "$out" \
      > "$root/$init-seed$seed.log" 2>&1 || echo "run $init seed $seed exited $?" >> "$root/failures.txt"
  done
done
echo done > "$root/DONE"
