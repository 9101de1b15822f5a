"""What integrate, lyapunov and gradient share: the model a call runs, its step method, and the checked fa_model and x0."""
from . import arrays
from .models import Model, TanhRnn

# fa_method values of native/fastattractors.h.
METHODS = {"default": 0, "rk4": 1, "euler": 2, "heun": 3, "tsit5": 4, "iterate": 5}


def resolve(model, W, b, tau):
    """The Model a computation runs: model itself, or TanhRnn(W, b, tau) for the original signature (W passed by
    position in model's place, or by its old keyword W)."""
    if W is not None:
        if model is not None:
            raise TypeError(f"W: give a model or W (the TanhRnn weights), not both; got a {type(model).__name__} and W")
        model = W
    if model is None:
        raise TypeError("model: required: a built-in model (fastattractors.models) or W (the TanhRnn weights), got None")
    if isinstance(model, Model):
        for name, value in (("b", b), ("tau", tau)):
            if value is not None:
                raise TypeError(f"{name}: give it to the model (e.g. TanhRnn(W, b=..., tau=...)), not with a "
                                f"{type(model).__name__} to the computation")
        return model
    return TanhRnn(model, b, tau)


def step(model, method, dt):
    """(fa_method value, dt) checked for model: flows need dt; maps take dt None or 1 (one iteration per step)."""
    code = METHODS[arrays.choice("default" if method is None else method, "method", tuple(METHODS))]
    if dt is None:
        if not model.is_map:
            raise TypeError(f"dt: {type(model).__name__} is a flow and needs a step dt > 0, got None")
        return code, 1.0
    return code, arrays.real(dt, "dt")


def prepare(context, model, x0, dtype):
    """(dtype, n, members, fa_model, x0, keep): the checked call arguments every computation starts from."""
    dtype = arrays.float_dtype(dtype)
    shape = [(model.dimension, None)] if model.dimension is not None else [(None, None)]
    x0 = arrays.real_array(x0, "x0", dtype, shape, "(n, members)")
    n, members = x0.shape
    native, keep = model.native(n, members, dtype)
    return dtype, n, members, native, x0, (keep, x0)
