#!/usr/bin/env python3
"""configs/cat-adam-minibatch.yaml in numpy: the reference for its trajectory, and a benchmark peer.

The same random stream as Strata (np.random.seed(1); he_normal weights randn(out, in) *
sqrt(2 / in) layer by layer; then np.random.permutation(m) at the start of every epoch), the same
data (pixels / 255, each image flattened row-major into one column), the same arithmetic as the
deep-learning course: relu hidden layers, a sigmoid output, cross-entropy, dZ = A - Y at the
output, Adam with bias correction (v / (1 - beta1^t), s / (1 - beta2^t)), and the epoch's cost as
the example-weighted mean of its batches' costs, each recorded before that batch's update.

    python3 cat_adam_numpy.py --h5 examples/data/catvnoncat [--epochs 600] [--json out.json]

Prints the cost of every epoch (or writes them with --json) and the training loop's seconds.
"""
import argparse
import json
import os
import time

import numpy as np


def load(folder):
    import h5py
    with h5py.File(os.path.join(folder, "train_catvnoncat.h5"), "r") as f:
        x, y = f["train_set_x"][:], f["train_set_y"][:]
    return (x.reshape(x.shape[0], -1).T / 255.0), y.reshape(1, -1).astype(np.float64)


def train(x, y, dims, epochs, batch, lr, beta1=0.9, beta2=0.999, eps=1e-8, seed=1):
    np.random.seed(seed)
    params = []
    for l in range(1, len(dims)):
        params.append([np.random.randn(dims[l], dims[l - 1]) * np.sqrt(2.0 / dims[l - 1]),
                       np.zeros((dims[l], 1))])
    v = [[np.zeros_like(w), np.zeros_like(b)] for w, b in params]
    s = [[np.zeros_like(w), np.zeros_like(b)] for w, b in params]
    m = x.shape[1]
    t = 0
    costs = []
    start = time.perf_counter()
    for epoch in range(epochs):
        order = np.random.permutation(m)
        total = 0.0
        for begin in range(0, m, batch):
            idx = order[begin:begin + batch]
            xb, yb = x[:, idx], y[:, idx]
            n = xb.shape[1]
            zs, acts = [], [xb]
            for l, (w, b) in enumerate(params):
                z = np.dot(w, acts[-1]) + b
                zs.append(z)
                acts.append(np.maximum(z, 0) if l < len(params) - 1 else 1 / (1 + np.exp(-z)))
            a = acts[-1]
            cost = (-1.0 / n) * np.sum(yb * np.log(a) + (1 - yb) * np.log(1 - a))
            total += cost * n
            d = a - yb
            t += 1
            for l in range(len(params) - 1, -1, -1):
                w, b = params[l]
                dw = np.dot(d, acts[l].T) / n
                db = np.sum(d, axis=1, keepdims=True) / n
                if l > 0:
                    d = np.dot(w.T, d)
                    d[zs[l - 1] <= 0] = 0
                for k, g in ((0, dw), (1, db)):
                    v[l][k] = beta1 * v[l][k] + (1 - beta1) * g
                    s[l][k] = beta2 * s[l][k] + (1 - beta2) * g ** 2
                    v_hat = v[l][k] / (1 - beta1 ** t)
                    s_hat = s[l][k] / (1 - beta2 ** t)
                    params[l][k] = params[l][k] - lr * v_hat / (np.sqrt(s_hat) + eps)
        costs.append(total / m)
    return costs, time.perf_counter() - start


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--h5", required=True, help="folder with train_catvnoncat.h5")
    p.add_argument("--epochs", type=int, default=600)
    p.add_argument("--json", help="write {costs, train_seconds} here")
    args = p.parse_args()
    x, y = load(args.h5)
    costs, seconds = train(x, y, [12288, 20, 7, 5, 1], args.epochs, 64, 0.00002)
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"costs": costs, "train_seconds": seconds}, f)
    else:
        for e, c in enumerate(costs):
            print(e, repr(c))
    print(f"train_seconds {seconds:.3f}")


if __name__ == "__main__":
    main()
