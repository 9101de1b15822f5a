"""The built-in models, one class each, as the library's generic functions take them (an fa_model).

Layout: the member axis is LAST and arrays are C-ordered, which is the engine's member-fastest layout, so nothing is
transposed: x0 (n, members); a matrix W or A (n, n) shared or (n, n, members) per member; b (n,) or (n, members);
tau a scalar / (1,) or (members,); each coefficient of Lorenz and Henon a scalar (shared) or (members,).

    TanhRnn(W, b=None, tau=None)         flow  tau dx/dt = -x + W tanh(x) + b
    ReluRnn(W, b=None)                   flow  dx/dt = -x + relu(W x + b)
    TanhOfLinear(W, map=False)           flow  dx/dt = -x + tanh(W x)      (map=True: x <- tanh(W x))
    Linear(A, b=None, map=False)         flow  dx/dt = A x + b             (map=True: x <- A x + b)
    Lorenz(sigma=10, rho=28, beta=8/3)   flow, n = 3
    Henon(a=1.4, b=0.3)                  map,  n = 2
    Rossler(a=0.2, b=0.2, c=5.7)         flow, n = 3, coefficients shared by all members

The arrays are checked and converted when a computation runs (their shapes depend on x0's n and members, and their
dtype on the computation's), and every message names the argument and shows the bad value.
"""
import numpy as np

from . import arrays
from ._structs import FaModel


class Model:
    """A built-in model of the engine (base class; use one of the subclasses).

    Attributes
    ----------
    kind : int
        Its fa_model_kind value.
    is_map : bool
        True for maps (iterated: one step is one iteration, dt = 1), False for flows (Runge-Kutta with step dt).
    dimension : int or None
        The fixed state dimension (3 for Lorenz and Rossler, 2 for Henon), or None when n is x0's first axis.
    """
    kind = 0
    is_map = False
    dimension = None

    def parameters(self, n, members, dtype):
        """The checked parameter arrays, by fa_model slot ("w", "b", "tau", "coefficients"; None: default)."""
        raise NotImplementedError

    def gradient_slots(self, n, members):
        """{slot: shape} of the parameter gradients the engine computes for this model (per member, member last)."""
        raise NotImplementedError

    def gradient_results(self, slots):
        """{result key: array} from {slot: gradient array}: e.g. "grad_w", or one "grad_<name>" per coefficient."""
        return {"grad_" + slot: value for slot, value in slots.items()}

    def native(self, n, members, dtype):
        """(fa_model, arrays to keep alive) for a call with x0 of shape (n, members) in dtype."""
        if self.dimension is not None and n != self.dimension:
            raise ValueError(f"x0: {type(self).__name__} has dimension {self.dimension}: expected shape "
                             f"({self.dimension}, members), got ({n}, {members})")
        blocks = self.parameters(n, members, dtype)
        model = FaModel(kind=self.kind, n=n, members=members)
        for slot, value in blocks.items():
            pointer, length = arrays.pointer(value)
            setattr(model, slot, pointer)
            setattr(model, slot + "_len", length)
        return model, blocks

    def __repr__(self):
        shown = ", ".join(f"{k}={_brief(v)}" for k, v in vars(self).items())
        return f"{type(self).__name__}({shown})"


def _brief(value):
    if value is None or isinstance(value, bool):
        return repr(value)
    if np.ndim(value) == 0:
        return repr(float(np.asarray(value)))
    return f"<array {np.shape(value)}>"


def _matrix(value, name, n, members, dtype):
    return arrays.real_array(value, name, dtype, [(n, n), (n, n, members)])


def _bias(value, name, n, members, dtype):
    return None if value is None else arrays.real_array(value, name, dtype, [(n,), (n, members)])


class TanhRnn(Model):
    """tau dx/dt = -x + W tanh(x) + b: the chaos and limit-cycle networks (a flow).

    Parameters
    ----------
    W : array_like, shape (n, n) or (n, n, members)
        Shared or per-member weights, W[i, j] from neuron j to neuron i.
    b : array_like, shape (n,) or (n, members), optional
        Bias (default 0).
    tau : float or array_like, shape (members,), optional
        Time constant, > 0 (default 1).

    Gradients: ``grad_w`` (n, n, members), ``grad_b`` (n, members), ``grad_tau`` (members,).
    """
    kind = 1

    def __init__(self, W, b=None, tau=None):
        self.W, self.b, self.tau = W, b, tau

    def parameters(self, n, members, dtype):
        tau = None if self.tau is None else arrays.real_array(np.atleast_1d(self.tau), "tau", dtype, [(1,), (members,)])
        return {"w": _matrix(self.W, "W", n, members, dtype), "b": _bias(self.b, "b", n, members, dtype), "tau": tau}

    def gradient_slots(self, n, members):
        return {"w": (n, n, members), "b": (n, members), "tau": (members,)}


class ReluRnn(Model):
    """dx/dt = -x + relu(W x + b): the fixed-point and line-attractor networks (a flow).

    Parameters
    ----------
    W : array_like, shape (n, n) or (n, n, members)
    b : array_like, shape (n,) or (n, members), optional
        Bias (default 0).

    Gradients: ``grad_w`` (n, n, members), ``grad_b`` (n, members).
    """
    kind = 2

    def __init__(self, W, b=None):
        self.W, self.b = W, b

    def parameters(self, n, members, dtype):
        return {"w": _matrix(self.W, "W", n, members, dtype), "b": _bias(self.b, "b", n, members, dtype)}

    def gradient_slots(self, n, members):
        return {"w": (n, n, members), "b": (n, members)}


class TanhOfLinear(Model):
    """dx/dt = -x + tanh(W x) (a flow), or x <- tanh(W x) with map=True: the rotation-block systems.

    Parameters
    ----------
    W : array_like, shape (n, n) or (n, n, members)
    map : bool, default False
        The map (iterated) instead of the flow.

    Gradients: ``grad_w`` (n, n, members).
    """

    def __init__(self, W, map=False):
        if not isinstance(map, (bool, np.bool_)):
            raise TypeError(f"map: expected True or False, got {type(map).__name__} {map!r}")
        self.W, self.map = W, bool(map)

    @property
    def kind(self):
        return 4 if self.map else 3

    @property
    def is_map(self):
        return self.map

    def parameters(self, n, members, dtype):
        return {"w": _matrix(self.W, "W", n, members, dtype)}

    def gradient_slots(self, n, members):
        return {"w": (n, n, members)}


class Linear(Model):
    """dx/dt = A x + b (a flow), or x <- A x + b with map=True: the exact oracles (exponents = Re eig A for the
    flow, log |eig A| for the map).

    Parameters
    ----------
    A : array_like, shape (n, n) or (n, n, members)
    b : array_like, shape (n,) or (n, members), optional
        Offset (default 0).
    map : bool, default False

    Gradients: ``grad_a`` (n, n, members), ``grad_b`` (n, members).
    """

    def __init__(self, A, b=None, map=False):
        if not isinstance(map, (bool, np.bool_)):
            raise TypeError(f"map: expected True or False, got {type(map).__name__} {map!r}")
        self.A, self.b, self.map = A, b, bool(map)

    @property
    def kind(self):
        return 6 if self.map else 5

    @property
    def is_map(self):
        return self.map

    def parameters(self, n, members, dtype):
        return {"w": _matrix(self.A, "A", n, members, dtype), "b": _bias(self.b, "b", n, members, dtype)}

    def gradient_slots(self, n, members):
        return {"w": (n, n, members), "b": (n, members)}

    def gradient_results(self, slots):
        return {"grad_a": slots["w"], "grad_b": slots["b"]} if slots else {}


class _Coefficients(Model):
    """A model with named scalar coefficients, each shared (a scalar) or per member (shape (members,))."""
    names = ()
    per_member = True

    def __init__(self, **values):
        for name, value in values.items():
            if np.ndim(value) == 0:
                arrays.real(value.item() if isinstance(value, np.ndarray) else value, name)
            elif not self.per_member:
                raise ValueError(f"{name}: {type(self).__name__}'s coefficients are shared by all members (the "
                                 f"engine's {type(self).__name__} has no per-member parameters): expected a real "
                                 f"number, got shape {np.shape(value)}")
            setattr(self, name, value)

    def parameters(self, n, members, dtype):
        values = [getattr(self, name) for name in self.names]
        for name, value in zip(self.names, values):
            # The library would name its packed block ("sigma_rho_beta"); the caller knows the coefficient's name.
            if np.ndim(value) == 0 and not np.isfinite(float(np.asarray(value))):
                raise ValueError(f"{name}: must be finite, got {float(np.asarray(value))}")
        if all(np.ndim(v) == 0 for v in values):
            block = arrays.real_array([float(np.asarray(v)) for v in values], "coefficients", dtype, [(len(values),)])
        else:
            rows = [np.full(members, float(np.asarray(v))) if np.ndim(v) == 0
                    else arrays.real_array(v, name, dtype, [(members,)], "(members,)")
                    for name, v in zip(self.names, values)]
            for name, row in zip(self.names, rows):
                if not np.all(np.isfinite(row)):
                    raise ValueError(f"{name}: must be finite, got {row[~np.isfinite(row)][0]} at member "
                                     f"{int(np.argmin(np.isfinite(row)))}")
            block = np.ascontiguousarray(np.stack(rows), dtype=dtype)     # (c, members): member fastest
        return {"coefficients": block}

    def gradient_slots(self, n, members):
        return {"coefficients": (len(self.names), members)} if self.per_member else {}

    def gradient_results(self, slots):
        if not slots:
            return {}
        return {"grad_" + name: slots["coefficients"][i] for i, name in enumerate(self.names)}


class Lorenz(_Coefficients):
    """The Lorenz system (a flow, n = 3); each coefficient a scalar or one value per member, shape (members,).

    Gradients: ``grad_sigma``, ``grad_rho``, ``grad_beta``, each (members,).
    """
    kind, dimension, names = 7, 3, ("sigma", "rho", "beta")

    def __init__(self, sigma=10.0, rho=28.0, beta=8.0 / 3.0):
        super().__init__(sigma=sigma, rho=rho, beta=beta)


class Henon(_Coefficients):
    """The Henon map (x, y) <- (1 - a x^2 + y, b x) (n = 2); a, b scalars or shape (members,).

    Gradients: ``grad_a``, ``grad_b``, each (members,).
    """
    kind, dimension, names, is_map = 8, 2, ("a", "b"), True

    def __init__(self, a=1.4, b=0.3):
        super().__init__(a=a, b=b)


class Rossler(_Coefficients):
    """The Rossler system x' = -y - z, y' = x + a y, z' = b + z (x - c) (a flow, n = 3).

    a, b, c are shared by all members (the engine's Rossler has them as constants of its field), so they are not
    differentiated: its gradient has ``grad_x0`` only.
    """
    kind, dimension, names, per_member = 9, 3, ("a", "b", "c"), False

    def __init__(self, a=0.2, b=0.2, c=5.7):
        super().__init__(a=a, b=b, c=c)


BUILT_IN = (TanhRnn, ReluRnn, TanhOfLinear, Linear, Lorenz, Henon, Rossler)
