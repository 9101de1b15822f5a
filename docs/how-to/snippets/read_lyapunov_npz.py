# A lyapunov run's arrays with numpy (run from the folder that holds results/lyapunov, after
# `fastattractors lyapunov --out results/lyapunov`). The docs test runs this file on a real run.
import json

import numpy as np

z = np.load("results/lyapunov/lyapunov.npz")
exponents, errors, status = z["exponents"], z["standard_errors"], z["status"]   # (members, k), (members, k), (members,)
meta = json.loads(str(z["meta_json"]))                                            # engine, backend, units, parameters
print(exponents.shape, errors.shape, status.shape, meta["backend"])
