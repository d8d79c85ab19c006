#!/usr/bin/env python3
"""PyTorch CPU peer for general.py's `cat-adam` case: configs/cat-adam-minibatch.yaml's model
([12288, 20, 7, 5, 1], relu, sigmoid output with cross-entropy), Adam lr 2e-5, shuffled batches of
64 over the 209 cat images (pixels / 255), 600 epochs, float64.

    python3 cat_adam_torch.py H5_DIR [--epochs 600] [--threads 1]

Prints one JSON object: train_seconds (the loop), updates, final cost."""
import argparse
import json
import os
import time

import h5py
import numpy as np
import torch

p = argparse.ArgumentParser()
p.add_argument("h5")
p.add_argument("--epochs", type=int, default=600)
p.add_argument("--threads", type=int, default=1)
args = p.parse_args()
torch.set_num_threads(args.threads)
with h5py.File(os.path.join(args.h5, "train_catvnoncat.h5"), "r") as f:
    x = torch.tensor(np.array(f["train_set_x"]).reshape(209, -1) / 255.0, dtype=torch.float64)
    y = torch.tensor(np.array(f["train_set_y"]), dtype=torch.float64).reshape(-1, 1)
torch.manual_seed(1)
model = torch.nn.Sequential(torch.nn.Linear(12288, 20), torch.nn.ReLU(), torch.nn.Linear(20, 7), torch.nn.ReLU(),
                            torch.nn.Linear(7, 5), torch.nn.ReLU(), torch.nn.Linear(5, 1)).double()
opt = torch.optim.Adam(model.parameters(), lr=2e-5)
loss_fn = torch.nn.BCEWithLogitsLoss()
updates = 0
start = time.perf_counter()
for epoch in range(args.epochs):
    order = torch.randperm(209)
    for i in range(0, 209, 64):
        idx = order[i:i + 64]
        opt.zero_grad()
        loss = loss_fn(model(x[idx]), y[idx])
        loss.backward()
        opt.step()
        updates += 1
seconds = time.perf_counter() - start
print(json.dumps({"train_seconds": seconds, "updates": updates, "final_cost": loss.item()}))
