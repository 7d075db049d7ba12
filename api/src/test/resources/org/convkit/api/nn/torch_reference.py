"""Writes torch_reference.json next to this script: PyTorch 1.13 results for the nn losses and
optimisers in settings the shared golden files do not cover (weight decay with momentum/Nesterov,
Adam's L2 decay, spatial cross-entropy, Dice through autograd, MSE).

Run: /usr/bin/python3 torch_reference.py   (torch 1.13, CPU, float32)
"""
import json
import os

import torch

torch.manual_seed(3)


def arr(t):
    t = t.detach().to(torch.float64)
    return {"shape": list(t.shape), "data": t.flatten().tolist()}


cases = []


CTORS = {"sgd": torch.optim.SGD, "adam": torch.optim.Adam, "adamw": torch.optim.AdamW}


def optim_case(name, params, steps=5, n=7):
    p0 = torch.randn(n)
    grads = torch.randn(steps, n)
    p = p0.clone().requires_grad_(True)
    opt = CTORS[name]([p], **params)
    for s in range(steps):
        opt.zero_grad()
        p.grad = grads[s].clone()
        opt.step()
    cases.append({"kind": "optim", "name": name, "params": params, "p0": arr(p0), "grads": arr(grads), "p": arr(p)})


optim_case("sgd", {"lr": 0.05, "momentum": 0.9, "nesterov": True, "weight_decay": 0.1})
optim_case("sgd", {"lr": 0.05, "momentum": 0.8, "nesterov": False, "weight_decay": 0.01})
optim_case("adam", {"lr": 0.01, "betas": [0.8, 0.99], "eps": 1e-6, "weight_decay": 0.1})
optim_case("adamw", {"lr": 0.01, "betas": [0.9, 0.99], "eps": 1e-8, "weight_decay": 0.2})

# cross-entropy over [N, K, H, W] logits and [N, H, W] labels
x = (3 * torch.randn(2, 4, 3, 2)).requires_grad_(True)
y = torch.randint(0, 4, (2, 3, 2))
loss = torch.nn.functional.cross_entropy(x, y)
loss.backward()
cases.append({"kind": "cross_entropy", "logits": arr(x), "labels": arr(y), "loss": loss.item(), "grad": arr(x.grad)})

# Dice: 1 - mean_k (2 sum p t + eps) / (sum p + sum t + eps), p = softmax over channels
eps = 1e-5
x = (2 * torch.randn(2, 3, 4, 3)).requires_grad_(True)
y = torch.randint(0, 3, (2, 4, 3))
p = torch.softmax(x, 1)
t = torch.nn.functional.one_hot(y, 3).permute(0, 3, 1, 2).to(p.dtype)
dims = (0, 2, 3)
loss = 1 - ((2 * (p * t).sum(dims) + eps) / (p.sum(dims) + t.sum(dims) + eps)).mean()
loss.backward()
cases.append({"kind": "dice", "eps": eps, "logits": arr(x), "labels": arr(y), "loss": loss.item(), "grad": arr(x.grad)})

# MSE
o = torch.randn(3, 5).requires_grad_(True)
t = torch.randn(3, 5)
loss = torch.nn.functional.mse_loss(o, t)
loss.backward()
cases.append({"kind": "mse", "output": arr(o), "target": arr(t), "loss": loss.item(), "grad": arr(o.grad)})

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "torch_reference.json")
with open(out, "w") as f:
    json.dump({"generator": {"torch": torch.__version__}, "script": "torch_reference.py", "cases": cases}, f)
