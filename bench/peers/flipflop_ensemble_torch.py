"""W8 peer: B independent tanh RNNs h <- tanh(W h + U x + b), y = C h + d, trained on the 3-bit flip-flop task by
BPTT + Adam in PyTorch, all B networks held in stacked tensors and stepped with batched matrix products (torch.bmm),
which is how plain PyTorch trains many small networks at once. Adam acts element-wise, so one Adam over the stacked
tensors is B independent Adams. Networks whose loss fell below the threshold get zero gradients from then on (Adam's momentum
still drifts them a little) but, being rows of the stack, still cost compute.

usage: /usr/bin/python3 flipflop_ensemble_torch.py B n iterations T batch threshold
prints one line: key=value pairs (seconds = the training loop's wall clock; data generation included, as in the
engine, which draws its trials inside the loop too).
"""
import os
import sys
import time

import torch

B, n, iterations, T, batch = (int(a) for a in sys.argv[1:6])
threshold = float(sys.argv[6])
BITS, PULSE = 3, 0.05
torch.manual_seed(1)
torch.set_num_threads(os.cpu_count() or 1)


def trials():
    """Pulses of +-1 with probability PULSE per step and channel (always at step 0); the target holds the last sign."""
    fire = torch.rand(B, batch, T, BITS) < PULSE
    fire[:, :, 0, :] = True
    sign = torch.where(torch.rand(B, batch, T, BITS) < 0.5, -1.0, 1.0)
    x = torch.where(fire, sign, torch.zeros(()))
    # The target at t is the sign of the latest pulse at or before t: index of the latest firing step, gathered.
    steps = torch.arange(T).view(1, 1, T, 1).expand_as(fire)
    latest = torch.cummax(torch.where(fire, steps, torch.zeros((), dtype=torch.long)), dim=2).values
    return x, torch.gather(x, 2, latest)


bound = n ** -0.5
def uniform(*shape):
    return ((torch.rand(*shape) * 2 - 1) * bound).requires_grad_()


W, U, b, C, d = uniform(B, n, n), uniform(B, BITS, n), uniform(B, 1, n), uniform(B, n, BITS), uniform(B, 1, BITS)
parameters = [W, U, b, C, d]
adam = torch.optim.Adam(parameters, lr=1e-3)
finished = torch.zeros(B, dtype=torch.bool)

start = time.perf_counter()
for _ in range(iterations):
    x, target = trials()
    h = torch.zeros(B, batch, n)
    outputs = []
    for t in range(T):
        h = torch.tanh(torch.bmm(h, W) + torch.bmm(x[:, :, t, :], U) + b)
        outputs.append(torch.bmm(h, C) + d)
    y = torch.stack(outputs, dim=2)
    loss = 0.5 * ((y - target) ** 2).sum(dim=3).mean(dim=(1, 2))  # per network: mean over entries of 1/2 sum_k
    adam.zero_grad()
    loss.sum().backward()
    with torch.no_grad():
        finished |= loss < threshold
        for p in parameters:
            p.grad[finished] = 0
    adam.step()
seconds = time.perf_counter() - start
print(f"networks={B} width={n} iterations={iterations} T={T} batch={batch} seconds={seconds:.4f} "
      f"converged={int(finished.sum())} median_loss={loss.median().item():.5g} threads={torch.get_num_threads()} torch={torch.__version__}")
