"""A small degeneracy study: flip-flop RNNs of two widths, with and without an L1 penalty, trained and compared."""
import fastattractors as fa

with fa.Context("simd") as ctx:
    study = fa.degeneracy(ctx, task="flipflop", widths=(8, 16), regularisers=("none", "l1:1e-3"), networks=4,
                          epochs=4, threshold=1e-3, pairs="all", exponents=2, driven_exponents=2)
print(study.conditions)                                  # [(8, 'none'), (8, 'l1:1e-3'), (16, 'none'), (16, 'l1:1e-3')]
net, pairs = study.networks, study.pairs                 # dicts of numpy arrays
print(net["status"], net["ood_loss"], net["fixed_points"], net["stable_fixed_points"])
print(net["dsa_self"])                                   # each network's DSA noise floor
print(study.exponents, study.driven_exponents)           # (16, 2) each: autonomous and input-driven, largest first
print(pairs["first"], pairs["second"], pairs["dsa"], pairs["weight_distance"], pairs["one_minus_cka"])
print(study.within_pairs, pairs["cross"].sum())          # 24 within-condition slots, then 96 across conditions
try:
    networks_df, pairs_df = study.to_pandas()            # only if pandas is installed
    print(networks_df.shape, pairs_df.shape)
except ImportError:
    pass
