"""PyTorch baseline for the train-step benchmark: builds the same network from the same ModelSpec
JSON, runs Adam steps at the same batch size and thread count, and prints the median step time."""
import json
import statistics
import sys
import time

import torch
from torch import nn


def build(spec):
    shape = list(spec["inputShape"])
    layers = []
    for layer in spec["layers"]:
        kind = layer["type"]
        if kind == "conv2d":
            k, s, p = layer["kernelSize"], layer.get("stride", 1), layer.get("padding", 0)
            layers.append(nn.Conv2d(shape[0], layer["outChannels"], k, s, p, bias=layer.get("bias", True)))
            shape = [layer["outChannels"], (shape[1] + 2 * p - k) // s + 1, (shape[2] + 2 * p - k) // s + 1]
        elif kind in ("maxpool2d", "avgpool2d"):
            k, p = layer["kernelSize"], layer.get("padding", 0)
            s = layer.get("stride") or k
            layers.append((nn.MaxPool2d if kind == "maxpool2d" else nn.AvgPool2d)(k, s, p))
            shape = [shape[0], (shape[1] + 2 * p - k) // s + 1, (shape[2] + 2 * p - k) // s + 1]
        elif kind == "batchnorm2d":
            layers.append(nn.BatchNorm2d(shape[0], layer.get("eps", 1e-5), layer.get("momentum", 0.1)))
        elif kind == "batchnorm1d":
            layers.append(nn.BatchNorm1d(shape[0], layer.get("eps", 1e-5), layer.get("momentum", 0.1)))
        elif kind == "flatten":
            layers.append(nn.Flatten())
            size = 1
            for d in shape:
                size *= d
            shape = [size]
        elif kind == "linear":
            layers.append(nn.Linear(shape[0], layer["outFeatures"], bias=layer.get("bias", True)))
            shape = [layer["outFeatures"]]
        elif kind == "relu":
            layers.append(nn.ReLU())
        elif kind == "gelu":
            layers.append(nn.GELU())
        elif kind == "dropout":
            layers.append(nn.Dropout(layer.get("p", 0.5)))
        elif kind == "softmax":
            pass  # trained on the scores, as our trainer does
        else:
            raise ValueError(kind)
    return nn.Sequential(*layers)


def main():
    spec_path, batch, steps, threads = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    with open(spec_path) as f:
        spec = json.load(f)
    model = build(spec)
    model.train()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    inputs = torch.rand([batch] + list(spec["inputShape"]))
    labels = torch.randint(0, spec["classes"], (batch,))
    times = []
    for _ in range(steps):
        started = time.perf_counter()
        optimizer.zero_grad()
        loss = nn.functional.cross_entropy(model(inputs), labels)
        loss.backward()
        optimizer.step()
        loss.item()
        times.append((time.perf_counter() - started) * 1000)
    warm = times[5:] if len(times) > 10 else times
    print(json.dumps({"median_ms": statistics.median(warm), "steps": len(warm), "threads": torch.get_num_threads(), "torch": torch.__version__}))


if __name__ == "__main__":
    main()
