"""Writes torch_nets.json next to this script: PyTorch's float64 forward and backward of the three
benchmark networks (WORKLOADS.md) at their own input shapes, from weights both sides compute bit
for bit (see hashed() below), and for LeNet-5 the losses around three float32 Adam 1e-3 steps.
TorchNetsTest replays it through convkit's production paths.

- lenet: the first 64 training images of the bundled MNIST subset, then batches 1-4 for Adam;
- eeg1d: 8 windows of 22 x 1000, ct3d: 2 volumes of 64^3, inputs hashed in [-1, 1), labels i mod classes.

Run: /usr/bin/python3 torch_nets.py   (torch 1.13, CPU)
"""
import gzip
import json
import math
import os

import numpy as np
import torch
import torch.nn as nn

HERE = os.path.dirname(os.path.abspath(__file__))
SUBSET = os.path.join(HERE, "..", "..", "..", "..", "mnist-subset")
# every STRIDE-th element of a gradient with more than FULL elements is kept (all of the others)
STRIDE = 16
FULL = 2400
# the hash index of a network's input (its parameters use 0, 1, ...)
INPUT = 99


def hashed(index, size, scale_log2):
    """U[-1, 1) * 2^scale_log2 from a 32-bit hash of (index, element): exact in float32."""
    i = np.arange(size, dtype=np.uint64)
    h = (i * np.uint64(2654435761) + np.uint64(index * 40503 + 12345)) & np.uint64(0xFFFFFFFF)
    h ^= h >> np.uint64(15)
    h = (h * np.uint64(2246822519)) & np.uint64(0xFFFFFFFF)
    h ^= h >> np.uint64(13)
    u = ((h >> np.uint64(8)).astype(np.int64) - (1 << 23)) / float(1 << 23)
    return u * 2.0 ** scale_log2


def short(values):
    """Nine significant digits: float32's precision, with room to spare for the test's tolerance."""
    return [float("%.9g" % v) for v in values]


def mnist_images():
    """Pixels as float32 k / 255f, as convkit's IdxFolder reads them."""
    raw = np.frombuffer(gzip.open(os.path.join(SUBSET, "train-images-idx3-ubyte.gz")).read()[16:], np.uint8)
    return raw.reshape(-1, 1, 28, 28).astype(np.float32) / np.float32(255)


def mnist_labels():
    raw = gzip.open(os.path.join(SUBSET, "train-labels-idx1-ubyte.gz")).read()[8:]
    return torch.from_numpy(np.frombuffer(raw, np.uint8).astype(np.int64))


def lenet():
    return nn.Sequential(nn.Conv2d(1, 6, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(6, 16, 5), nn.ReLU(),
                         nn.MaxPool2d(2), nn.Flatten(), nn.Linear(400, 120), nn.ReLU(), nn.Linear(120, 84), nn.ReLU(),
                         nn.Linear(84, 10))


def eeg1d():
    return nn.Sequential(nn.Conv1d(22, 40, 25), nn.ReLU(), nn.MaxPool1d(4), nn.Conv1d(40, 40, 11), nn.ReLU(),
                         nn.MaxPool1d(4), nn.Conv1d(40, 40, 11), nn.ReLU(), nn.AdaptiveAvgPool1d(1), nn.Flatten(),
                         nn.Linear(40, 4))


def ct3d():
    return nn.Sequential(nn.Conv3d(1, 8, 3, padding=1), nn.ReLU(), nn.MaxPool3d(2), nn.Conv3d(8, 16, 3, padding=1),
                         nn.ReLU(), nn.MaxPool3d(2), nn.Conv3d(16, 32, 3, padding=1), nn.ReLU(), nn.AdaptiveAvgPool3d(1),
                         nn.Flatten(), nn.Linear(32, 2))


def scales(net):
    """Per parameter, in model order, the power of two nearest He uniform's bound sqrt(6 / fan_in) (1/sqrt for biases)."""
    out = []
    fan_in = 1
    for p in net.parameters():
        if p.dim() > 1:
            fan_in = p[0].numel()
            out.append(round(math.log2(math.sqrt(6 / fan_in))))
        else:
            out.append(round(math.log2(1 / math.sqrt(fan_in))))
    return out


def load(net, scale_log2, dtype):
    with torch.no_grad():
        for k, p in enumerate(net.parameters()):
            p.copy_(torch.from_numpy(hashed(k, p.numel(), scale_log2[k]).astype(dtype)).reshape(p.shape))
    return net


def case(name, build, x, y):
    """float64 logits, loss and (sampled) gradients; also prints torch float32's own error, for the record."""
    scale_log2 = scales(build())
    runs = {}
    for dtype, np_dtype in ((torch.float64, np.float64), (torch.float32, np.float32)):
        net = load(build().to(dtype), scale_log2, np_dtype)
        logits = net(torch.from_numpy(x).to(dtype))
        loss = nn.CrossEntropyLoss()(logits, y)
        loss.backward()
        runs[dtype] = (logits, loss, [p.grad.flatten().to(torch.float64) for p in net.parameters()])
    logits, loss, grads = runs[torch.float64]
    worst = max((g32 - g).abs().max().item() / g.abs().max().item() for g, g32 in zip(grads, runs[torch.float32][2]))
    print(f"{name}: torch float32 gradient error, relative to each tensor's largest value, up to {worst:.2e}")
    return {"name": name, "input_shape": list(x.shape), "scale_log2": scale_log2, "loss": loss.item(),
            "logits": short(logits.detach().flatten().tolist()),
            "grads": [{"stride": STRIDE if g.numel() > FULL else 1,
                       "data": short(g[::STRIDE if g.numel() > FULL else 1].tolist())} for g in grads]}


def adam_losses(scale_log2, x, y):
    """Three float32 Adam steps on batches 1, 2 and 3 of x, then the loss on batch 4: the four losses seen."""
    net = load(lenet(), scale_log2, np.float32)
    opt = torch.optim.Adam(net.parameters(), 1e-3)
    xs = torch.from_numpy(x)
    losses = []
    for b in range(1, 5):
        opt.zero_grad()
        step_loss = nn.CrossEntropyLoss()(net(xs[64 * b:64 * b + 64]), y[64 * b:64 * b + 64])
        losses.append(step_loss.item())
        if b < 4:
            step_loss.backward()
            opt.step()
    return losses


def hashed_input(shape):
    return hashed(INPUT, int(np.prod(shape)), 0).astype(np.float32).reshape(shape)


def main():
    x, y = mnist_images(), mnist_labels()
    lenet_case = case("lenet", lenet, x[:64], y[:64])
    lenet_case["adam_losses"] = adam_losses(lenet_case["scale_log2"], x, y)
    cases = [lenet_case]
    for name, build, shape, classes in (("eeg1d", eeg1d, (8, 22, 1000), 4), ("ct3d", ct3d, (2, 1, 64, 64, 64), 2)):
        labels = torch.arange(shape[0]) % classes
        cases.append(case(name, build, hashed_input(shape), labels))
    with open(os.path.join(HERE, "torch_nets.json"), "w") as f:
        json.dump({"input_hash_index": INPUT, "cases": cases}, f)


if __name__ == "__main__":
    main()
