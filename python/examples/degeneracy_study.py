"""A small degeneracy study: flip-flop RNNs of two widths, with and without an L1 penalty, trained and compared."""
import fastattractors as fa

with fa.Context("simd") as ctx:
    study = fa.degeneracy(ctx, task="flipflop", widths=(8, 16), regularisers=("none", "l1:1e-3"), networks=4,
                          epochs=4, threshold=1e-3)
print(study.conditions)                                  # [(8, 'none'), (8, 'l1:1e-3'), (16, 'none'), (16, 'l1:1e-3')]
net, pairs = study.networks, study.pairs                 # dicts of numpy arrays
print(net["status"], net["ood_loss"], net["fixed_points"], net["stable_fixed_points"])
print(pairs["first"], pairs["second"], pairs["dsa"], pairs["weight_distance"], pairs["one_minus_cka"])
try:
    networks_df, pairs_df = study.to_pandas()            # only if pandas is installed
    print(networks_df.shape, pairs_df.shape)
except ImportError:
    pass
