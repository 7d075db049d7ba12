"""Writes arch_reference.json next to this script: parameter counts and output shapes of the zoo
networks and a few notation strings, computed by PyTorch 1.13 modules written independently of
convkit (torchvision's AlexNet, VGG and ResNet definitions retyped, since torchvision is not
installed; U-Net and the EEG networks as the zoo documents them).

For sequential networks "shapes" lists the output shape (no batch axis) after every module,
nn.Flatten included; for graphs "checkpoints" gives the output of named stages.

Run: /usr/bin/python3 arch_reference.py   (torch 1.13, CPU)
"""
import json
import os

import torch
from torch import nn

torch.manual_seed(0)


def conv(rank):
    return [None, nn.Conv1d, nn.Conv2d, nn.Conv3d][rank]


def maxpool(rank):
    return [None, nn.MaxPool1d, nn.MaxPool2d, nn.MaxPool3d][rank]


def avgpool(rank):
    return [None, nn.AvgPool1d, nn.AvgPool2d, nn.AvgPool3d][rank]


def bn(rank):
    return [None, nn.BatchNorm1d, nn.BatchNorm2d, nn.BatchNorm3d][rank]


def convt(rank):
    return [None, nn.ConvTranspose1d, nn.ConvTranspose2d, nn.ConvTranspose3d][rank]


def flat_features(features, input_shape):
    with torch.no_grad():
        return features(torch.zeros(1, *input_shape)).numel()


# ---- sequential networks, module by module in the zoo's order ---------------------------------

def lenet1989(r, c, s, k):
    C = conv(r)
    f = nn.Sequential(C(c, 12, 5, stride=2, padding=2), nn.ReLU(), C(12, 12, 5, stride=2, padding=2), nn.ReLU())
    n = flat_features(f, s)
    return nn.Sequential(*f, nn.Flatten(), nn.Linear(n, 30), nn.ReLU(), nn.Linear(30, k))


def lenet5(r, c, s, k):
    C, A = conv(r), avgpool(r)
    f = nn.Sequential(C(c, 6, 5), nn.ReLU(), A(2), C(6, 16, 5), nn.ReLU(), A(2))
    n = flat_features(f, s)
    return nn.Sequential(*f, nn.Flatten(), nn.Linear(n, 120), nn.ReLU(), nn.Linear(120, 84), nn.ReLU(),
                         nn.Linear(84, k))


def alexnet(r, c, s, k):
    # torchvision.models.alexnet, AdaptiveAvgPool2d((6, 6)) left out
    C, P = conv(r), maxpool(r)
    f = nn.Sequential(
        C(c, 64, kernel_size=11, stride=4, padding=2), nn.ReLU(inplace=True), P(kernel_size=3, stride=2),
        C(64, 192, kernel_size=5, padding=2), nn.ReLU(inplace=True), P(kernel_size=3, stride=2),
        C(192, 384, kernel_size=3, padding=1), nn.ReLU(inplace=True),
        C(384, 256, kernel_size=3, padding=1), nn.ReLU(inplace=True),
        C(256, 256, kernel_size=3, padding=1), nn.ReLU(inplace=True), P(kernel_size=3, stride=2))
    n = flat_features(f, s)
    return nn.Sequential(*f, nn.Flatten(), nn.Dropout(p=0.5), nn.Linear(n, 4096), nn.ReLU(inplace=True),
                         nn.Dropout(p=0.5), nn.Linear(4096, 4096), nn.ReLU(inplace=True), nn.Linear(4096, k))


VGG_CFGS = {
    "vgg11": [64, "M", 128, "M", 256, 256, "M", 512, 512, "M", 512, 512, "M"],
    "vgg13": [64, 64, "M", 128, 128, "M", 256, 256, "M", 512, 512, "M", 512, 512, "M"],
    "vgg16": [64, 64, "M", 128, 128, "M", 256, 256, 256, "M", 512, 512, 512, "M", 512, 512, 512, "M"],
    "vgg19": [64, 64, "M", 128, 128, "M", 256, 256, 256, 256, "M", 512, 512, 512, 512, "M", 512, 512, 512, 512, "M"],
}


def vgg(name):
    def make(r, c, s, k):
        # torchvision.models.vgg make_layers(batch_norm=False) and classifier; AdaptiveAvgPool2d((7, 7)) left out
        layers = []
        for v in VGG_CFGS[name]:
            if v == "M":
                layers.append(maxpool(r)(kernel_size=2, stride=2))
            else:
                layers += [conv(r)(c, v, kernel_size=3, padding=1), nn.ReLU(inplace=True)]
                c = v
        f = nn.Sequential(*layers)
        n = flat_features(f, s)
        return nn.Sequential(*f, nn.Flatten(), nn.Linear(n, 4096), nn.ReLU(True), nn.Dropout(p=0.5),
                             nn.Linear(4096, 4096), nn.ReLU(True), nn.Dropout(p=0.5), nn.Linear(4096, k))
    return make


def shallow(r, c, s, k):
    f = nn.Sequential(nn.Conv1d(c, 40, 25, bias=False), nn.BatchNorm1d(40), nn.ReLU(), nn.AvgPool1d(75, 15))
    n = flat_features(f, s)
    return nn.Sequential(*f, nn.Flatten(), nn.Dropout(0.5), nn.Linear(n, k))


def deep(r, c, s, k):
    layers = [nn.Conv1d(c, 25, 10, bias=False), nn.BatchNorm1d(25), nn.ReLU(), nn.MaxPool1d(3)]
    for a, b in [(25, 50), (50, 100), (100, 200)]:
        layers += [nn.Dropout(0.5), nn.Conv1d(a, b, 10, bias=False), nn.BatchNorm1d(b), nn.ReLU(), nn.MaxPool1d(3)]
    f = nn.Sequential(*layers)
    n = flat_features(f, s)
    return nn.Sequential(*f, nn.Flatten(), nn.Linear(n, k))


def eegnet(r, c, s, k):
    f = nn.Sequential(
        nn.Conv1d(c, 16, 1, bias=False), nn.BatchNorm1d(16),
        nn.Conv1d(16, 16, 64, padding="same", groups=16, bias=False), nn.BatchNorm1d(16), nn.ReLU(),
        nn.AvgPool1d(4), nn.Dropout(0.25),
        nn.Conv1d(16, 16, 16, padding="same", groups=16, bias=False), nn.Conv1d(16, 16, 1, bias=False),
        nn.BatchNorm1d(16), nn.ReLU(), nn.AvgPool1d(8))
    n = flat_features(f, s)
    return nn.Sequential(*f, nn.Flatten(), nn.Dropout(0.25), nn.Linear(n, k))


def seed_example(r, c, s, k):
    # (CR)2P(CR)2P(CR)2PF with the documented defaults: 32 filters doubling after each pooling, 3, same
    C, P = conv(r), maxpool(r)
    layers = []
    for w in (32, 64, 128):
        layers += [C(c, w, 3, padding="same"), nn.ReLU(), C(w, w, 3, padding="same"), nn.ReLU(), P(2)]
        c = w
    f = nn.Sequential(*layers)
    n = flat_features(f, s)
    return nn.Sequential(*f, nn.Flatten(), nn.Linear(n, k))


def padded_pools(r, c, s, k):
    # C[8,7,s2,p3]RP[3,2,p1]CA[3,2,p1]F: ResNet's stem pooling, then padded average pooling
    C, P, A = conv(r), maxpool(r), [None, nn.AvgPool1d, nn.AvgPool2d, nn.AvgPool3d][r]
    f = nn.Sequential(C(c, 8, 7, stride=2, padding=3), nn.ReLU(), P(3, 2, padding=1),
                      C(8, 16, 3, padding="same"), A(3, 2, padding=1))
    n = flat_features(f, s)
    return nn.Sequential(*f, nn.Flatten(), nn.Linear(n, k))


# ---- graphs ------------------------------------------------------------------------------------

class BasicBlock(nn.Module):
    expansion = 1

    def __init__(self, r, inplanes, planes, stride=1, downsample=None):
        super().__init__()
        self.conv1 = conv(r)(inplanes, planes, 3, stride, 1, bias=False)
        self.bn1 = bn(r)(planes)
        self.relu = nn.ReLU(inplace=True)
        self.conv2 = conv(r)(planes, planes, 3, 1, 1, bias=False)
        self.bn2 = bn(r)(planes)
        self.downsample = downsample

    def forward(self, x):
        identity = x if self.downsample is None else self.downsample(x)
        out = self.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        return self.relu(out + identity)


class Bottleneck(nn.Module):
    expansion = 4

    def __init__(self, r, inplanes, planes, stride=1, downsample=None):
        super().__init__()
        self.conv1 = conv(r)(inplanes, planes, 1, bias=False)
        self.bn1 = bn(r)(planes)
        self.conv2 = conv(r)(planes, planes, 3, stride, 1, bias=False)
        self.bn2 = bn(r)(planes)
        self.conv3 = conv(r)(planes, planes * 4, 1, bias=False)
        self.bn3 = bn(r)(planes * 4)
        self.relu = nn.ReLU(inplace=True)
        self.downsample = downsample

    def forward(self, x):
        identity = x if self.downsample is None else self.downsample(x)
        out = self.relu(self.bn1(self.conv1(x)))
        out = self.relu(self.bn2(self.conv2(out)))
        out = self.bn3(self.conv3(out))
        return self.relu(out + identity)


class ResNet(nn.Module):
    """torchvision.models.resnet.ResNet, rank-generic."""

    def __init__(self, r, block, layers, c, k):
        super().__init__()
        self.r = r
        self.inplanes = 64
        self.conv1 = conv(r)(c, 64, kernel_size=7, stride=2, padding=3, bias=False)
        self.bn1 = bn(r)(64)
        self.relu = nn.ReLU(inplace=True)
        self.maxpool = maxpool(r)(kernel_size=3, stride=2, padding=1)
        self.layer1 = self._make_layer(block, 64, layers[0])
        self.layer2 = self._make_layer(block, 128, layers[1], stride=2)
        self.layer3 = self._make_layer(block, 256, layers[2], stride=2)
        self.layer4 = self._make_layer(block, 512, layers[3], stride=2)
        self.fc = nn.Linear(512 * block.expansion, k)

    def _make_layer(self, block, planes, blocks, stride=1):
        downsample = None
        if stride != 1 or self.inplanes != planes * block.expansion:
            downsample = nn.Sequential(conv(self.r)(self.inplanes, planes * block.expansion, 1, stride, bias=False),
                                       bn(self.r)(planes * block.expansion))
        layers = [block(self.r, self.inplanes, planes, stride, downsample)]
        self.inplanes = planes * block.expansion
        for _ in range(1, blocks):
            layers.append(block(self.r, self.inplanes, planes))
        return nn.Sequential(*layers)

    def forward(self, x, marks):
        x = self.maxpool(self.relu(self.bn1(self.conv1(x))))
        marks["maxpool"] = x
        for i, layer in enumerate([self.layer1, self.layer2, self.layer3, self.layer4]):
            x = layer(x)
            marks["layer%d" % (i + 1)] = x
        x = torch.flatten(x, 2).mean(2)
        return self.fc(x)


def resnet(block, layers):
    return lambda r, c, s, k: ResNet(r, block, layers, c, k)


class UNet(nn.Module):
    def __init__(self, r, c, k):
        super().__init__()
        C = conv(r)

        def double(a, b):
            return nn.Sequential(C(a, b, 3, padding=1), nn.ReLU(), C(b, b, 3, padding=1), nn.ReLU())
        widths = [64, 128, 256, 512]
        self.down = nn.ModuleList()
        for w in widths:
            self.down.append(double(c, w))
            c = w
        self.pool = maxpool(r)(2)
        self.bottom = double(512, 1024)
        self.up = nn.ModuleList([convt(r)(2 * w, w, 2, stride=2) for w in reversed(widths)])
        self.dec = nn.ModuleList([double(2 * w, w) for w in reversed(widths)])
        self.out = C(64, k, 1)

    def forward(self, x, marks):
        skips = []
        for d in self.down:
            x = d(x)
            skips.append(x)
            x = self.pool(x)
        x = self.bottom(x)
        marks["bottom"] = x
        for up, dec, skip in zip(self.up, self.dec, reversed(skips)):
            x = dec(torch.cat([skip, up(x)], 1))
        return self.out(x)


NETS = {
    "lenet1989": lenet1989, "lenet5": lenet5, "alexnet": alexnet,
    "vgg11": vgg("vgg11"), "vgg13": vgg("vgg13"), "vgg16": vgg("vgg16"), "vgg19": vgg("vgg19"),
    "resnet18": resnet(BasicBlock, [2, 2, 2, 2]), "resnet34": resnet(BasicBlock, [3, 4, 6, 3]),
    "resnet50": resnet(Bottleneck, [3, 4, 6, 3]),
    "unet": lambda r, c, s, k: UNet(r, c, k),
    "shallow-convnet": shallow, "deep-convnet": deep, "eegnet": eegnet,
    "(CR)2P(CR)2P(CR)2PF": seed_example,
    "C[8,7,s2,p3]RP[3,2,p1]CA[3,2,p1]F": padded_pools,
}

CASES = [
    ("lenet1989", [1, 16, 16], 10), ("lenet1989", [1, 16], 10), ("lenet1989", [1, 16, 16, 16], 10),
    ("lenet5", [1, 32, 32], 10), ("lenet5", [1, 32], 10), ("lenet5", [1, 32, 32, 32], 10),
    ("alexnet", [3, 224, 224], 1000), ("alexnet", [3, 64, 64], 10), ("alexnet", [2, 224], 5),
    ("alexnet", [1, 64, 64, 64], 3),
    ("vgg11", [3, 224, 224], 1000), ("vgg13", [3, 224, 224], 1000), ("vgg16", [3, 224, 224], 1000),
    ("vgg19", [3, 224, 224], 1000), ("vgg11", [3, 32, 32], 10), ("vgg11", [2, 64], 4),
    ("vgg16", [1, 32, 32, 32], 2),
    ("resnet18", [3, 224, 224], 1000), ("resnet34", [3, 224, 224], 1000), ("resnet50", [3, 224, 224], 1000),
    ("resnet18", [2, 100], 3), ("resnet18", [1, 32, 32, 32], 2), ("resnet50", [3, 64, 64], 10),
    ("unet", [1, 32, 32], 2), ("unet", [3, 64], 4), ("unet", [1, 16, 16, 16], 3),
    ("shallow-convnet", [22, 1000], 4), ("deep-convnet", [22, 1000], 4), ("eegnet", [22, 1000], 4),
    ("shallow-convnet", [8, 500], 2), ("deep-convnet", [8, 500], 2), ("eegnet", [64, 512], 2),
    ("(CR)2P(CR)2P(CR)2PF", [1, 28, 28], 10), ("(CR)2P(CR)2P(CR)2PF", [1, 28], 10),
    ("(CR)2P(CR)2P(CR)2PF", [3, 16, 16, 16], 5),
    ("C[8,7,s2,p3]RP[3,2,p1]CA[3,2,p1]F", [3, 224, 224], 10), ("C[8,7,s2,p3]RP[3,2,p1]CA[3,2,p1]F", [2, 101], 3),
    ("C[8,7,s2,p3]RP[3,2,p1]CA[3,2,p1]F", [1, 17, 18, 19], 2),
]


def case(name, shape, classes):
    r = len(shape) - 1
    net = NETS[name](r, shape[0], shape, classes).eval()
    out = {"name": name, "input": shape, "classes": classes,
           "parameters": sum(p.numel() for p in net.parameters())}
    x = torch.zeros(1, *shape)
    with torch.no_grad():
        if isinstance(net, nn.Sequential):
            shapes = []
            for m in net:
                x = m(x)
                shapes.append(list(x.shape[1:]))
            out["shapes"] = shapes
            out["output"] = shapes[-1]
        else:
            marks = {}
            y = net(x, marks)
            out["checkpoints"] = {k: list(v.shape[1:]) for k, v in marks.items()}
            out["output"] = list(y.shape[1:])
    return out


cases = [case(*c) for c in CASES]
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "arch_reference.json"), "w") as f:
    json.dump({"torch": torch.__version__, "cases": cases}, f, indent=1)
    f.write("\n")
for c in cases:
    print(c["name"], c["input"], c["parameters"], c["output"])
