#!/usr/bin/env python3
"""PyTorch + h5py peer for data.py's image cases: the uint8 images stay uint8 in memory (or, with
--stream, are read from the file a batch at a time) and are scaled to float64 / 255 per batch;
a [12288, 20, 1] net (relu, sigmoid output with cross-entropy), Adam lr 1e-4, shuffled batches of
256, one epoch, then the training accuracy, as `strata train` reports it.

    python3 images_torch.py FILE.h5 [--threads 1] [--stream]

Prints one JSON object: load_seconds, train_seconds, evaluate_seconds, examples."""
import argparse
import json
import time

import h5py
import numpy as np
import torch

p = argparse.ArgumentParser()
p.add_argument("file")
p.add_argument("--threads", type=int, default=1)
p.add_argument("--batch", type=int, default=256)
p.add_argument("--stream", action="store_true", help="read each batch from the file (h5py fancy indexing)")
args = p.parse_args()
torch.set_num_threads(args.threads)
started = time.perf_counter()
f = h5py.File(args.file, "r")
x = f["x"] if args.stream else f["x"][:]
y = torch.tensor(f["y"][:], dtype=torch.float64).reshape(-1, 1)
n = y.shape[0]
width = int(np.prod(x.shape[1:]))
loaded = time.perf_counter()
torch.manual_seed(1)
model = torch.nn.Sequential(torch.nn.Linear(width, 20), torch.nn.ReLU(), torch.nn.Linear(20, 1)).double()
opt = torch.optim.Adam(model.parameters(), lr=1e-4)
loss_fn = torch.nn.BCEWithLogitsLoss()


def batch(idx):
    if args.stream:
        idx = np.sort(idx)  # h5py reads increasing indices only
    return torch.from_numpy(np.asarray(x[idx]).reshape(len(idx), -1)).double().div_(255.0), idx


order = torch.randperm(n).numpy()
for i in range(0, n, args.batch):
    xb, idx = batch(order[i:i + args.batch])
    opt.zero_grad()
    loss = loss_fn(model(xb), y[idx])
    loss.backward()
    opt.step()
trained = time.perf_counter()
correct = 0
with torch.no_grad():
    for i in range(0, n, 4096):
        xb, idx = batch(np.arange(i, min(n, i + 4096)))
        correct += int(((model(xb) > 0).double() == y[idx]).sum())
done = time.perf_counter()
print(json.dumps({"load_seconds": loaded - started, "train_seconds": trained - loaded,
                  "evaluate_seconds": done - trained, "examples": n, "train_accuracy": correct / n}))
