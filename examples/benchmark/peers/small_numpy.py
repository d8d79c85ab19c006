#!/usr/bin/env python3
"""numpy peer for general.py's `small` case, written as the notebooks write a network: one column
per example, W·A products, a softmax output with dZ = A - Y, Adam with bias correction.

    python3 small_numpy.py DATA_DIR --dtype float64|float32 --epochs 3

Prints one JSON object like small_torch.py."""
import argparse
import json
import time

import numpy as np

p = argparse.ArgumentParser()
p.add_argument("data")
p.add_argument("--dtype", default="float64")
p.add_argument("--epochs", type=int, default=3)
p.add_argument("--batch", type=int, default=32)
args = p.parse_args()
dt = np.float64 if args.dtype == "float64" else np.float32
x = np.asfortranarray(np.load(args.data + "/x.npy").T.astype(dt))
labels = np.load(args.data + "/y.npy")
classes = int(labels.max()) + 1
y = np.asfortranarray(np.eye(classes, dtype=dt)[labels].T)
rng = np.random.RandomState(1)
dims = [x.shape[0], 64, 32, classes]
params = {}
for l in range(1, len(dims)):
    params["W%d" % l] = (rng.randn(dims[l], dims[l - 1]) * np.sqrt(2 / dims[l - 1])).astype(dt)
    params["b%d" % l] = np.zeros((dims[l], 1), dt)
v = {k: np.zeros_like(a) for k, a in params.items()}
s = {k: np.zeros_like(a) for k, a in params.items()}
lr, b1, b2, eps = 0.001, 0.9, 0.999, 1e-8
n, t, epoch_seconds = x.shape[1], 0, []
L = len(dims) - 1
start = time.perf_counter()
for epoch in range(args.epochs):
    began = time.perf_counter()
    order = rng.permutation(n)
    for i in range(0, n, args.batch):
        idx = order[i:i + args.batch]
        xb, yb = x[:, idx], y[:, idx]
        m = xb.shape[1]
        acts, zs = [xb], []
        for l in range(1, L + 1):
            z = params["W%d" % l] @ acts[-1] + params["b%d" % l]
            zs.append(z)
            if l < L:
                acts.append(np.maximum(z, 0))
            else:
                e = np.exp(z - z.max(0, keepdims=True))
                acts.append(e / e.sum(0, keepdims=True))
        cost = -np.sum(yb * np.log(acts[-1])) / m
        dz = acts[-1] - yb
        grads = {}
        for l in range(L, 0, -1):
            grads["W%d" % l] = dz @ acts[l - 1].T / m
            grads["b%d" % l] = dz.sum(1, keepdims=True) / m
            if l > 1:
                dz = (params["W%d" % l].T @ dz) * (zs[l - 2] > 0)
        t += 1
        for k in params:
            v[k] = b1 * v[k] + (1 - b1) * grads[k]
            s[k] = b2 * s[k] + (1 - b2) * grads[k] ** 2
            params[k] -= lr * (v[k] / (1 - b1 ** t)) / (np.sqrt(s[k] / (1 - b2 ** t)) + eps)
    epoch_seconds.append(time.perf_counter() - began)
seconds = time.perf_counter() - start
print(json.dumps({"train_seconds": seconds, "updates": t, "last_epoch_seconds": epoch_seconds[-1],
                  "updates_per_epoch": t // args.epochs, "final_cost": float(cost)}))
