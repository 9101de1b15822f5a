# Reads a scan's results into a pandas DataFrame. Run from the folder that holds results/scan, after
# `fastattractors scan --npz --out results/scan`. The docs test runs this file on a real scan.
import glob
import json

import numpy as np
import pandas as pd

STATUS = {0: "ok", 1: "diverged", 2: "not converged"}   # the npz stores status as an int32 code

frames = []
for path in sorted(glob.glob("results/scan/scan-*.npz")):
    z = np.load(path)
    rows = z["row"].size
    # every per-row column is a 1-D array of the same length; grid_shape and meta_json are not columns
    columns = {name: z[name] for name in z.files if z[name].ndim == 1 and z[name].size == rows}
    frames.append(pd.DataFrame(columns))
df = pd.concat(frames).sort_values("row").reset_index(drop=True)
df["status"] = df["status"].map(STATUS)

ok = df[df.status == "ok"]
print(ok.pivot_table(index="theta", columns="alpha", values="lambda_1").iloc[:5, :5])

meta = json.loads(str(np.load(path)["meta_json"]))   # how the file was made: engine, backend, precision, units, ...
print(meta["backend"], meta["units"]["lambda_1"])
