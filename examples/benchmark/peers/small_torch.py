#!/usr/bin/env python3
"""PyTorch CPU peer for general.py's `small` case: a 64-64-32-10 relu/softmax net, Adam (lr 0.001),
shuffled batches of 32, cross-entropy; the data from general.py's .npy files.

    python3 small_torch.py DATA_DIR --dtype float64|float32 --epochs 3 [--threads 1]

Prints one JSON object: train_seconds (the loop), updates, last epoch's seconds, final cost."""
import argparse
import json
import time

import numpy as np
import torch

p = argparse.ArgumentParser()
p.add_argument("data")
p.add_argument("--dtype", default="float64")
p.add_argument("--epochs", type=int, default=3)
p.add_argument("--batch", type=int, default=32)
p.add_argument("--threads", type=int, default=1)
p.add_argument("--hidden", default="64,32")
args = p.parse_args()
torch.set_num_threads(args.threads)
dtype = torch.float64 if args.dtype == "float64" else torch.float32
x = torch.tensor(np.load(args.data + "/x.npy"), dtype=dtype)
y = torch.tensor(np.load(args.data + "/y.npy"), dtype=torch.long)
torch.manual_seed(0)
sizes = [x.shape[1]] + [int(h) for h in args.hidden.split(",")]
layers = []
for a, b in zip(sizes, sizes[1:]):
    layers += [torch.nn.Linear(a, b), torch.nn.ReLU()]
model = torch.nn.Sequential(*layers, torch.nn.Linear(sizes[-1], int(y.max()) + 1)).to(dtype)
opt = torch.optim.Adam(model.parameters(), lr=0.001)
loss_fn = torch.nn.CrossEntropyLoss()
n = x.shape[0]
updates, epoch_seconds = 0, []
start = time.perf_counter()
for epoch in range(args.epochs):
    began = time.perf_counter()
    order = torch.randperm(n)
    for i in range(0, n, args.batch):
        idx = order[i:i + args.batch]
        opt.zero_grad()
        loss = loss_fn(model(x[idx]), y[idx])
        loss.backward()
        opt.step()
        updates += 1
    epoch_seconds.append(time.perf_counter() - began)
seconds = time.perf_counter() - start
print(json.dumps({"train_seconds": seconds, "updates": updates, "last_epoch_seconds": epoch_seconds[-1],
                  "updates_per_epoch": updates // args.epochs, "final_cost": loss.item()}))
