"""Reference saliency for ExplainTorchReferenceTest, made with torch autograd (float64).

Net: conv2d(2->3, k3, no padding) -> relu -> max_pool2d(2) -> flatten -> linear(27 -> 4), input [2, 8, 8].
Run with /usr/bin/python3 in this folder; writes the weights, the input and d logit[2] / d x.
"""
import numpy as np
import torch

rng = np.random.default_rng(20261127)
conv_w = rng.normal(0, 0.4, (3, 2, 3, 3)).astype(np.float32)
conv_b = rng.normal(0, 0.1, (3,)).astype(np.float32)
fc_w = rng.normal(0, 0.4, (4, 27)).astype(np.float32)
fc_b = rng.normal(0, 0.1, (4,)).astype(np.float32)
x = rng.normal(0, 1, (2, 8, 8)).astype(np.float32)

xt = torch.tensor(x, dtype=torch.float64).unsqueeze(0).requires_grad_(True)
h = torch.nn.functional.conv2d(xt, torch.tensor(conv_w, dtype=torch.float64), torch.tensor(conv_b, dtype=torch.float64))
h = torch.nn.functional.max_pool2d(torch.relu(h), 2)
logits = torch.nn.functional.linear(h.flatten(1), torch.tensor(fc_w, dtype=torch.float64),
                                    torch.tensor(fc_b, dtype=torch.float64))
logits[0, 2].backward()

for name, a in [("conv_w", conv_w), ("conv_b", conv_b), ("fc_w", fc_w), ("fc_b", fc_b), ("x", x)]:
    np.save(name + ".npy", a)
np.save("grad_class2.npy", xt.grad[0].numpy())
np.save("logits.npy", logits.detach()[0].numpy())
