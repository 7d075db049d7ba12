"""PyTorch and convkit timed in turn, one run each, on one CPU: the fairest ratio on a shared host.

On the two-vCPU hosts we measure on, another tenant's thread often shares a core's FMA units for
seconds at a time (a register-only fma loop swings between 55 and 92 GFLOPS while a scalar latency
chain keeps its speed), so two figures taken a minute apart can differ by 1.8x for the same code.
This script pins itself and `convkit bench --serve` to one CPU, alternates single runs (the order
flips every pair), and reports both medians and the median of the per-pair ratios.

Usage (Debian's python3 with python3-torch; from the repository root; OPENBLAS_NUM_THREADS defaults to 1):
    OPENBLAS_NUM_THREADS=1 /usr/bin/python3 cli/scripts/paired_peer.py sgemm-1024 [PAIRS] [CPU] [THREADS]
With THREADS above 1 (the peers of eeg1d and ct3d run at 2), both sides run that many threads and
neither is pinned (CPU is then ignored).
Workloads: sgemm-1024 (torch.mm, 1024^3), conv2d-layer (F.conv2d, batch 32, 64->64, 3x3, 56x56,
inputs requiring gradients as in peers.py), lenet-train and lenet-infer (peers.py's LeNet-5 over
10,000 images), eeg1d-train and eeg1d-infer (its 1-d net over 2,000 windows), ct3d-train and
ct3d-infer (its 3-d net over 128 volumes of 64^3). One thread on each side unless THREADS says otherwise.
"""
import os
import statistics
import subprocess
import sys
import time

# torch runs its own threads (set_num_threads below); OpenBLAS's threads on top of them oversubscribe
# the CPUs: with OPENBLAS_NUM_THREADS=2, torch's two-thread LeNet epoch took 3.9 s against 1.7 s
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import torch  # noqa: E402 (after the environment is set)


def peer(workload):
    if workload == "sgemm-1024":
        a, b = torch.rand(1024, 1024), torch.rand(1024, 1024)
        return lambda: torch.mm(a, b)
    if workload == "conv2d-layer":
        w = torch.randn(64, 64, 3, 3, requires_grad=True)
        x = torch.randn(32, 64, 56, 56, requires_grad=True)
        return lambda: torch.nn.functional.conv2d(x, w, padding=1)
    if workload in ("lenet-train", "lenet-infer"):
        return lenet(workload == "lenet-train")
    if workload in ("eeg1d-train", "eeg1d-infer"):
        return eeg1d(workload == "eeg1d-train")
    if workload in ("ct3d-train", "ct3d-infer"):
        return ct3d(workload == "ct3d-train")
    sys.exit(f"paired_peer.py: unknown workload {workload!r} (sgemm-1024, conv2d-layer, lenet-train, lenet-infer,"
             " eeg1d-train, eeg1d-infer, ct3d-train or ct3d-infer)")


def lenet(train):
    """peers.py's LeNet-5 workloads: one epoch of SGD (momentum 0.9, batch 64) or inference (batch 256)."""
    nn = torch.nn
    torch.manual_seed(0)
    net = nn.Sequential(nn.Conv2d(1, 6, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
                        nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
                        nn.Linear(400, 120), nn.ReLU(), nn.Linear(120, 84), nn.ReLU(), nn.Linear(84, 10))
    return net_workload(net, torch.randn(10000, 1, 28, 28), torch.randint(0, 10, (10000,)), 64, train)


def eeg1d(train):
    """peers.py's 1-d EEG net over 2,000 windows of 22 x 1000: one epoch (batch 32) or inference."""
    nn = torch.nn
    torch.manual_seed(0)
    net = nn.Sequential(nn.Conv1d(22, 40, 25), nn.ReLU(), nn.MaxPool1d(4), nn.Conv1d(40, 40, 11), nn.ReLU(),
                        nn.MaxPool1d(4), nn.Conv1d(40, 40, 11), nn.ReLU(), nn.AdaptiveAvgPool1d(1), nn.Flatten(),
                        nn.Linear(40, 4))
    return net_workload(net, torch.randn(2000, 22, 1000), torch.randint(0, 4, (2000,)), 32, train)


def ct3d(train):
    """peers.py's 3-d CT net over 128 volumes of 64^3: one epoch (batch 8) or inference."""
    nn = torch.nn
    torch.manual_seed(0)
    net = nn.Sequential(nn.Conv3d(1, 8, 3, padding=1), nn.ReLU(), nn.MaxPool3d(2), nn.Conv3d(8, 16, 3, padding=1),
                        nn.ReLU(), nn.MaxPool3d(2), nn.Conv3d(16, 32, 3, padding=1), nn.ReLU(), nn.AdaptiveAvgPool3d(1),
                        nn.Flatten(), nn.Linear(32, 2))
    return net_workload(net, torch.randn(128, 1, 64, 64, 64), torch.randint(0, 2, (128,)), 8, train)


def net_workload(net, x, y, batch, train):
    """peers.py's torch_train: one epoch of SGD (lr 0.01, momentum 0.9) or inference in batches of 256."""
    nn = torch.nn
    if not train:
        net.eval()

        def infer():
            with torch.no_grad():
                for i in range(0, len(x), 256):
                    net(x[i:i + 256])
        return infer
    opt = torch.optim.SGD(net.parameters(), lr=0.01, momentum=0.9)
    loss = nn.CrossEntropyLoss()

    def epoch():
        net.train()
        for i in range(0, len(x), batch):
            opt.zero_grad()
            loss(net(x[i:i + batch]), y[i:i + batch]).backward()
            opt.step()
    return epoch


def quartiles(v):
    s = sorted(v)
    return s[len(s) // 4], statistics.median(s), s[(3 * len(s)) // 4]


def main():
    workload = sys.argv[1] if len(sys.argv) > 1 else "sgemm-1024"
    pairs = int(sys.argv[2]) if len(sys.argv) > 2 else 60
    cpu = sys.argv[3] if len(sys.argv) > 3 else "1"
    threads = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    pin = []
    if threads == 1:
        os.sched_setaffinity(0, {int(cpu)})
        pin = ["taskset", "-c", cpu]
    torch.set_num_threads(threads)
    run_peer = peer(workload)
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    ours = subprocess.Popen(pin + [os.path.join(root, "convkit"), "bench", "--only", workload, "--threads",
                                   str(threads), "--warmup", "2", "--warmup-seconds", "3", "--serve"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            text=True, bufsize=1)
    if ours.stdout.readline().strip() != "ready":
        sys.exit("paired_peer.py: convkit bench --serve did not start")
    for _ in range(5):
        run_peer()
    theirs, mine = [], []
    for i in range(pairs):
        for side in ("peer", "ours") if i % 2 == 0 else ("ours", "peer"):
            if side == "peer":
                t0 = time.perf_counter()
                run_peer()
                theirs.append((time.perf_counter() - t0) * 1e3)
            else:
                ours.stdin.write("run\n")
                mine.append(float(ours.stdout.readline()))
    ours.stdin.close()
    ours.wait()
    ratios = [t / m for t, m in zip(theirs, mine)]
    print(f"{workload}, {pairs} pairs, " + (f"1 thread on CPU {cpu}" if threads == 1 else f"{threads} threads"))
    print("PyTorch  ms: p25 %.1f median %.1f p75 %.1f" % quartiles(theirs))
    print("convkit  ms: p25 %.1f median %.1f p75 %.1f" % quartiles(mine))
    print("speed ratio convkit/PyTorch per pair: p25 %.3f median %.3f p75 %.3f" % quartiles(ratios))


if __name__ == "__main__":
    main()
