"""ctypes mirrors of the structs of native/fastattractors.h (fa_model, fa_parameter_gradients,
fa_lyapunov_diagnostics), field for field: the library reads and writes them as they are."""
import ctypes

_i32, _i64, _f64, _ptr = ctypes.c_int32, ctypes.c_int64, ctypes.c_double, ctypes.c_void_p


class FaModel(ctypes.Structure):
    """fa_model: kind (an fa_model_kind), n, members and the parameter arrays w, b, tau, coefficients with lengths."""
    _fields_ = [("kind", _i32), ("n", _i32), ("members", _i32),
                ("w", _ptr), ("w_len", _i64), ("b", _ptr), ("b_len", _i64),
                ("tau", _ptr), ("tau_len", _i64), ("coefficients", _ptr), ("coefficients_len", _i64)]


class FaParameterGradients(ctypes.Structure):
    """fa_parameter_gradients: output arrays for dL/dw, dL/db, dL/dtau, dL/dcoefficients (NULL: not wanted)."""
    _fields_ = [("w", _ptr), ("w_len", _i64), ("b", _ptr), ("b_len", _i64),
                ("tau", _ptr), ("tau_len", _i64), ("coefficients", _ptr), ("coefficients_len", _i64)]


class FaLyapunovDiagnostics(ctypes.Structure):
    """fa_lyapunov_diagnostics: per-member diagnostic arrays and the transient, accumulation time and blocks used."""
    _fields_ = [("sum_rule_residual", _ptr), ("sum_rule_residual_len", _i64),
                ("contraction", _ptr), ("contraction_len", _i64),
                ("kaplan_yorke", _ptr), ("kaplan_yorke_len", _i64),
                ("positive_sum", _ptr), ("positive_sum_len", _i64),
                ("failed_step", _ptr), ("failed_step_len", _i64),
                ("transient_time", _f64), ("accumulation_time", _f64), ("blocks", _i32)]


# The library's layout (native/shim/api.c asserts the same sizes): a mismatch here would misread every field.
assert ctypes.sizeof(FaModel) == 80 and ctypes.sizeof(FaParameterGradients) == 64
assert ctypes.sizeof(FaLyapunovDiagnostics) == 104
