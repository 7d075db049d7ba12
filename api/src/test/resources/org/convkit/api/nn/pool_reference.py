"""Writes pool_reference.json next to this script: PyTorch 1.13 max and average pooling with
padding (floor mode, avg_pool's default count_include_pad=True), forward and input gradient, for
ranks 1 to 3. Some inputs are small integers (ties: torch routes the gradient to the first
maximum) and some are all negative (padding must never win a maximum).

Run: /usr/bin/python3 pool_reference.py   (torch 1.13, CPU, float32)
"""
import json
import os

import torch
import torch.nn.functional as F

torch.manual_seed(5)

MAX = [None, F.max_pool1d, F.max_pool2d, F.max_pool3d]
AVG = [None, F.avg_pool1d, F.avg_pool2d, F.avg_pool3d]

# (kernel, stride, padding, input shape [N, C, spatial...], input kind)
CASES = [
    ([3], [2], [1], [2, 3, 10], "normal"),
    ([4], [1], [2], [1, 2, 7], "negative"),
    ([2], [2], [1], [2, 2, 9], "ties"),
    ([5], [3], [2], [1, 1, 5], "normal"),
    ([4], [4], [1], [1, 2, 13], "negative"),
    ([3, 3], [2, 2], [1, 1], [2, 3, 9, 8], "normal"),
    ([3, 3], [2, 2], [1, 1], [1, 2, 7, 7], "negative"),
    ([3, 2], [1, 2], [1, 0], [1, 2, 5, 6], "ties"),
    ([2, 2], [1, 1], [1, 1], [1, 1, 4, 4], "ties"),
    ([5, 3], [2, 3], [2, 1], [1, 2, 7, 5], "normal"),
    ([3, 3, 3], [2, 2, 2], [1, 1, 1], [1, 2, 5, 6, 4], "normal"),
    ([2, 3, 3], [1, 2, 1], [1, 0, 1], [1, 1, 4, 5, 3], "ties"),
    ([3, 3, 3], [3, 3, 3], [1, 1, 1], [1, 1, 4, 4, 5], "negative"),
]


def arr(t):
    t = t.detach().to(torch.float64)
    return {"shape": list(t.shape), "data": t.flatten().tolist()}


def make(shape, kind):
    if kind == "ties":
        return torch.randint(-2, 3, shape).to(torch.float32)
    x = torch.randn(shape)
    return x - 4 if kind == "negative" else x


cases = []
for kernel, stride, padding, shape, kind in CASES:
    r = len(kernel)
    x0 = make(shape, kind)
    for pool, fns in (("max", MAX), ("avg", AVG)):
        x = x0.clone().requires_grad_(True)
        y = fns[r](x, kernel, stride, padding)
        gy = torch.randn(y.shape)
        y.backward(gy)
        cases.append({"kind": pool, "kernel": kernel, "stride": stride, "padding": padding, "input": kind,
                      "x": arr(x), "y": arr(y), "gy": arr(gy), "gx": arr(x.grad)})

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "pool_reference.json"), "w") as f:
    json.dump({"torch": torch.__version__, "cases": cases}, f)
    f.write("\n")
