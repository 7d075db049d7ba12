"""LeNet-5 on MNIST in PyTorch and in convkit from the same start: the same initial weights, the same
batch order, so the two runs differ only by float rounding and the paired difference of their test
accuracies measures the engines, free of the seed-to-seed spread (sd 0.3-0.5 points at 10 epochs).

For each seed, PyTorch draws mnist_torch.py's network and ten epochs of shuffles from
torch.manual_seed(seed), writes them as .npy, trains (Adam 1e-3, batch 64, one thread) and records
the test accuracy after each epoch; convkit's MnistSameStart.java then trains from those files.

With --shift N, both also train on images moved by up to N pixels per axis (as convkit's
RandomShift and `convkit bench --augment-shift N`): PyTorch draws each sample's move, after the
shuffles, and convkit applies the same moves.

Usage (Debian's python3 with python3-torch; from anywhere; builds convkit first if needed):
    /usr/bin/python3 cli/scripts/mnist_same_start.py [--shift N] [FIRST_SEED] [LAST_SEED] [DATA]
DATA defaults to ../shared/data/mnist-10k beside the repository.
"""
import gzip
import os
import statistics
import subprocess
import sys
import tempfile

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import numpy as np  # noqa: E402
import torch  # noqa: E402
import torch.nn as nn  # noqa: E402

EPOCHS = 10


def load(d):
    def images(f):
        return np.frombuffer(gzip.open(os.path.join(d, f)).read()[16:], np.uint8).reshape(-1, 1, 28, 28) \
            .astype(np.float32) / 255

    def labels(f):
        return np.frombuffer(gzip.open(os.path.join(d, f)).read()[8:], np.uint8).astype(np.int64)
    return (torch.from_numpy(images("train-images-idx3-ubyte.gz")), torch.from_numpy(labels("train-labels-idx1-ubyte.gz")),
            torch.from_numpy(images("t10k-images-idx3-ubyte.gz")), torch.from_numpy(labels("t10k-labels-idx1-ubyte.gz")))


def shifted(x, moves, most):
    """Images x [n, 1, 28, 28] moved by moves [n, 2] (rows, columns); pixels moved in are zero."""
    size = x.shape[2]
    padded = nn.functional.pad(x, (most, most, most, most))
    out = torch.empty_like(x)
    for dy in range(-most, most + 1):
        for dx in range(-most, most + 1):
            sel = (moves[:, 0] == dy) & (moves[:, 1] == dx)
            out[sel] = padded[sel, :, most - dy:most - dy + size, most - dx:most - dx + size]
    return out


def torch_run(seed, x, y, xt, yt, start, most):
    """Draws the start into `start`, trains from it and returns the test accuracy after each epoch."""
    torch.manual_seed(seed)
    net = nn.Sequential(nn.Conv2d(1, 6, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(6, 16, 5), nn.ReLU(),
                        nn.MaxPool2d(2), nn.Flatten(), nn.Linear(400, 120), nn.ReLU(), nn.Linear(120, 84), nn.ReLU(),
                        nn.Linear(84, 10))
    for i, p in enumerate(net.parameters()):
        np.save(os.path.join(start, f"p{i}.npy"), p.detach().numpy())
    orders = np.stack([torch.randperm(len(x)).numpy() for _ in range(EPOCHS)]).astype(np.int32)
    np.save(os.path.join(start, "order.npy"), orders)
    moves = torch.randint(-most, most + 1, (EPOCHS, len(x), 2)) if most > 0 else None
    if moves is not None:
        np.save(os.path.join(start, "shifts.npy"), moves.numpy().astype(np.int32))
    opt = torch.optim.Adam(net.parameters(), 1e-3)
    loss = nn.CrossEntropyLoss()
    accuracies = []
    for epoch in range(EPOCHS):
        perm = torch.from_numpy(orders[epoch].astype(np.int64))
        for lo in range(0, len(x), 64):
            idx = perm[lo:lo + 64]
            xb = x[idx] if moves is None else shifted(x[idx], moves[epoch, lo:lo + 64], most)
            opt.zero_grad()
            loss(net(xb), y[idx]).backward()
            opt.step()
        with torch.no_grad():
            accuracies.append((net(xt).argmax(1) == yt).float().mean().item())
    return accuracies


def main():
    args = sys.argv[1:]
    most = 0
    if args[:1] == ["--shift"]:
        most = int(args[1])
        args = args[2:]
    first = int(args[0]) if len(args) > 0 else 0
    last = int(args[1]) if len(args) > 1 else 9
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    data = args[2] if len(args) > 2 else os.path.join(root, "..", "shared", "data", "mnist-10k")
    torch.set_num_threads(1)
    subprocess.run([os.path.join(root, "convkit"), "--version"], check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    x, y, xt, yt = load(data)
    theirs, ours = [], []
    for seed in range(first, last + 1):
        with tempfile.TemporaryDirectory() as start:
            theirs.append(torch_run(seed, x, y, xt, yt, start, most))
            out = subprocess.run(["java", "--add-modules=jdk.incubator.vector", "-XX:+UseG1GC", "-cp",
                                  os.path.join(root, "cli", "target", "convkit.jar"),
                                  os.path.join(root, "cli", "scripts", "MnistSameStart.java"), data, start, "1"],
                                 check=True, capture_output=True, text=True).stdout
            ours.append([float(v) for v in out.split()])
        print(f"seed {seed}: PyTorch {100 * theirs[-1][-1]:.2f}%  convkit {100 * ours[-1][-1]:.2f}%", flush=True)
    print("test accuracy, %, mean over the seeds; the difference is convkit's minus PyTorch's, seed by seed")
    print("epoch  PyTorch  convkit  difference  sd")
    for e in range(EPOCHS):
        d = [100 * (o[e] - t[e]) for o, t in zip(ours, theirs)]
        sd = statistics.stdev(d) if len(d) > 1 else float("nan")
        print(f"{e + 1:5d}  {statistics.mean(100 * t[e] for t in theirs):7.2f}  "
              f"{statistics.mean(100 * o[e] for o in ours):7.2f}  {statistics.mean(d):+10.3f}  {sd:.3f}")


if __name__ == "__main__":
    main()
