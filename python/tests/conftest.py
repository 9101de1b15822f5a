"""Shared fixtures. The suite imports `fastattractors` from wherever Python finds it: the installed wheel in CI (the
C# test PythonPackageTests runs it with the venv's python and FASTATTRACTORS_EXPECT_WHEEL=1), or a source checkout
with PYTHONPATH=python."""
import pathlib

import numpy as np
import pytest

import fastattractors as fa

REPOSITORY = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def repository():
    return REPOSITORY


@pytest.fixture(scope="module")
def ctx():
    """A Simd context: the backend the C example and the managed tests compare against (bit for bit)."""
    with fa.Context("simd") as context:
        yield context


def rk4_factor(h):
    """One RK4 step of dx/dt = -x / tau with h = dt / tau multiplies x by this (the Taylor series to h^4)."""
    return 1 - h + h**2 / 2 - h**3 / 6 + h**4 / 24


def small_model(n=4, members=3, seed=5):
    """A small random ensemble with per-member W, bias and tau (float64)."""
    rng = np.random.default_rng(seed)
    W = rng.standard_normal((n, n, members)) * 1.5 / np.sqrt(n)
    x0 = rng.standard_normal((n, members))
    b = rng.standard_normal(n) * 0.1
    tau = rng.uniform(0.5, 2.0, members)
    return W, x0, b, tau
