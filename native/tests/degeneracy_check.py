#!/usr/bin/python3
"""Runs a tiny degeneracy study through the Python package (fa.degeneracy, i.e. fa_degeneracy_layout and
fa_degeneracy_study_full) and trains one width of it (fa.train_ensemble), and prints the spec, both tables and the trained
parameters as JSON (non-finite values as strings), for
tests/FastAttractors.Native.Tests/DegeneracyExportTests.cs to compare with DegeneracyStudy.Run bit for bit."""
import json
import math
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "python"))
import fastattractors as fa  # noqa: E402

# The spec DegeneracyExportTests.Spec also runs (keep the two equal).
SPEC = {"task": "flipflop", "length": 10, "widths": [4, 6], "regularisers": ["none", "l2:0.001"], "networks": 3,
        "seed": 7, "batch": 8, "trainSize": 32, "testSize": 8, "epochs": 3, "analysisTrials": 2, "oodTrials": 4,
        "fixedPointStarts": 4, "threads": 2}


def plain(values):
    return [v if not isinstance(v, float) or math.isfinite(v) else repr(v).replace("nan", "NaN").replace("inf", "Infinity")
            for v in values.tolist()]


with fa.Context("simd") as ctx:
    result = fa.degeneracy(ctx, spec=dict(SPEC))
    # The condition (6, "l2:0.001") alone, flattened back to [W | U | b | C | d] per network.
    trained = fa.train_ensemble(ctx, spec=dict(SPEC), width=6, regulariser="l2:0.001")
flat = [float(v) for k in range(len(trained.status))
        for block in (trained.W, trained.U, trained.b, trained.C, trained.d) for v in block[k].ravel()]
print(json.dumps({"spec": SPEC, "networks": {k: plain(v) for k, v in result.networks.items()},
                  "pairs": {k: plain(v) for k, v in result.pairs.items()},
                  "ensemble": {"parameters": flat, "status": trained.status.tolist(), "steps": trained.steps.tolist(),
                               "final_test_loss": plain(trained.final_test_loss)}}))
