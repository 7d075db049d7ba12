"""Writes lenet_torch.json next to this script: PyTorch's float64 forward and backward of LeNet-5
(WORKLOADS.md) on the first 64 training images of the bundled MNIST subset, from weights both
sides compute bit for bit (see weight() below), and the losses of three Adam 1e-3 steps over the
next batches. LeNetTorchTest replays it through convkit's production paths.

Run: /usr/bin/python3 lenet_torch.py   (torch 1.13, CPU)
"""
import gzip
import json
import os

import numpy as np
import torch
import torch.nn as nn

HERE = os.path.dirname(os.path.abspath(__file__))
SUBSET = os.path.join(HERE, "..", "..", "..", "..", "mnist-subset")
# every STRIDE-th element of the fully connected weights' gradients is kept (all of the others)
STRIDE = 16
FULL = 2400
# per parameter, in model order: the power of two that bounds its values (near He uniform's sqrt(6 / fan_in))
SCALE_LOG2 = [-1, -4, -2, -4, -3, -4, -2, -4, -2, -4]


def weight(index, size):
    """U[-1, 1) * 2^SCALE_LOG2[index] from a 32-bit hash of (index, element): exact in float32."""
    i = np.arange(size, dtype=np.uint64)
    h = (i * np.uint64(2654435761) + np.uint64(index * 40503 + 12345)) & np.uint64(0xFFFFFFFF)
    h ^= h >> np.uint64(15)
    h = (h * np.uint64(2246822519)) & np.uint64(0xFFFFFFFF)
    h ^= h >> np.uint64(13)
    u = ((h >> np.uint64(8)).astype(np.int64) - (1 << 23)) / float(1 << 23)
    return u * 2.0 ** SCALE_LOG2[index]


def images(name):
    """Pixels as float32 k / 255f, as convkit's IdxFolder reads them."""
    raw = np.frombuffer(gzip.open(os.path.join(SUBSET, name)).read()[16:], np.uint8).reshape(-1, 1, 28, 28)
    return raw.astype(np.float32) / np.float32(255)


def labels(name):
    return np.frombuffer(gzip.open(os.path.join(SUBSET, name)).read()[8:], np.uint8).astype(np.int64)


def short(values):
    """Nine significant digits: float32's precision, with room to spare for the test's 1e-5."""
    return [float("%.9g" % v) for v in values]


def lenet():
    return nn.Sequential(nn.Conv2d(1, 6, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(6, 16, 5), nn.ReLU(),
                         nn.MaxPool2d(2), nn.Flatten(), nn.Linear(400, 120), nn.ReLU(), nn.Linear(120, 84), nn.ReLU(),
                         nn.Linear(84, 10))


def load(net, dtype):
    with torch.no_grad():
        for k, p in enumerate(net.parameters()):
            p.copy_(torch.from_numpy(weight(k, p.numel()).astype(dtype)).reshape(p.shape))
    return net


def main():
    x = images("train-images-idx3-ubyte.gz")
    y = torch.from_numpy(labels("train-labels-idx1-ubyte.gz"))
    # the float64 pass starts from the float32 pixels
    x64 = torch.from_numpy(x[:64].astype(np.float64))
    net = load(lenet().double(), np.float64)
    logits = net(x64)
    loss = nn.CrossEntropyLoss()(logits, y[:64])
    loss.backward()
    grads = []
    for p in net.parameters():
        g = p.grad.flatten()
        stride = STRIDE if p.numel() > FULL else 1
        grads.append({"shape": list(p.shape), "stride": stride, "data": short(g[::stride].tolist())})
    # three Adam steps in float32, as the benchmark trains: batches 1, 2 and 3, then the loss on batch 4
    net32 = load(lenet(), np.float32)
    opt = torch.optim.Adam(net32.parameters(), 1e-3)
    xs = torch.from_numpy(x)
    steps = []
    for b in range(1, 5):
        opt.zero_grad()
        step_loss = nn.CrossEntropyLoss()(net32(xs[64 * b:64 * b + 64]), y[64 * b:64 * b + 64])
        steps.append(step_loss.item())
        if b < 4:
            step_loss.backward()
            opt.step()
    out = {"stride": STRIDE, "scale_log2": SCALE_LOG2, "loss": loss.item(),
           "logits": short(logits.detach().flatten().tolist()), "grads": grads, "adam_losses": steps}
    with open(os.path.join(HERE, "lenet_torch.json"), "w") as f:
        json.dump(out, f)


if __name__ == "__main__":
    main()
