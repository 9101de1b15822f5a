"""The GIL is released during library calls; a context serves one thread at a time; contexts run in parallel."""
import threading
import time

import numpy as np

import fastattractors as fa
from conftest import small_model

# n = 48 over 2000 time units: a call of about a second here, long enough to observe from another thread.
RNG = np.random.default_rng(2)
W_LONG = RNG.standard_normal((48, 48)) * 2 / np.sqrt(48)
X0_LONG = RNG.standard_normal((48, 4))


def long_call(context, result):
    result["spectrum"] = context.lyapunov(W_LONG, X0_LONG, dt=0.05, transient=0, duration=2000, k=4)


def test_python_threads_run_and_the_busy_context_refuses_during_a_long_call():
    with fa.Context("simd") as context:
        result = {}
        worker = threading.Thread(target=long_call, args=(context, result))
        worker.start()
        time.sleep(0.05)                      # lets the worker enter the library (sleep releases the GIL)
        iterations, busy = 0, 0
        while worker.is_alive():
            iterations += 1                   # only runs if the worker's foreign call released the GIL
            try:
                context.backend
            except fa.FastAttractorsError as e:
                assert e.status == "FA_ERR_BUSY", e
                busy += 1
            time.sleep(0.001)
        worker.join()
    assert "spectrum" in result and result["spectrum"].status.tolist() == [0] * 4
    assert iterations > 10 and busy > 0, (iterations, busy)


def test_one_context_per_thread_gives_the_sequential_results():
    W, x0, b, tau = small_model()
    with fa.Context("simd") as one:
        expected = one.lyapunov(W, x0, dt=0.05, transient=5, duration=200, b=b, tau=tau).exponents
    results = [None, None]

    def run(i):
        with fa.Context("simd") as own:
            results[i] = own.lyapunov(W, x0, dt=0.05, transient=5, duration=200, b=b, tau=tau).exponents

    threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(np.array_equal(r, expected) for r in results)


def test_the_generic_functions_release_the_gil_too():
    # A Lorenz ensemble through fa_lyapunov_f64: the main thread counts while the worker is inside the library.
    result = {}

    def run():
        with fa.Context("simd") as own:
            result["spectrum"] = own.lyapunov(fa.Lorenz(rho=np.linspace(20, 30, 64)), np.ones((3, 64)), dt=0.005,
                                              transient=0, duration=1500)

    worker = threading.Thread(target=run)
    worker.start()
    time.sleep(0.05)
    iterations = 0
    while worker.is_alive():
        iterations += 1
        time.sleep(0.001)
    worker.join()
    assert result["spectrum"].exponents.shape == (64, 3)
    assert iterations > 10, iterations
