#!/usr/bin/env python3
"""Calls a deployed Fashion-MNIST model through the Open Inference Protocol with real test images.

usage: infer-demo.py API_URL KEY MODEL VERSION [ROWS] [REPLICATION]
Reads the t10k images, scales them as training did ((pixel/255 - mean) / std), sends one
v2 infer request and prints each image's predicted and true class.
"""
import gzip
import json
import os
import ssl
import struct
import sys
import time
import urllib.request

# The Api is HTTPS: with OAI_CA_FILE (oai.sh sets it to the development CA) only that CA is trusted.
TLS = ssl.create_default_context(cafile=os.environ.get("OAI_CA_FILE") or None)

DATA = "/usr/share/datasets/fashion-mnist"
MEAN, STD = 0.2860406, 0.3530242
CLASSES = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]


def read_images(count):
    with gzip.open(f"{DATA}/t10k-images-idx3-ubyte.gz") as f:
        _, n, rows, cols = struct.unpack(">IIII", f.read(16))
        size = rows * cols
        raw = f.read(size * count)
    return [[(b / 255.0 - MEAN) / STD for b in raw[i * size:(i + 1) * size]] for i in range(count)]


def read_labels(count):
    with gzip.open(f"{DATA}/t10k-labels-idx1-ubyte.gz") as f:
        f.read(8)
        return list(f.read(count))


def main():
    api, key, model, version = sys.argv[1:5]
    rows = int(sys.argv[5]) if len(sys.argv) > 5 else 8
    replication = int(sys.argv[6]) if len(sys.argv) > 6 else 1
    images, labels = read_images(rows), read_labels(rows)
    body = {
        "id": "demo-request",
        "parameters": {"replication": replication},
        "inputs": [{"name": "input", "shape": [rows, 1, 28, 28], "datatype": "FP32",
                    "data": [round(v, 6) for image in images for v in image]}],
        "outputs": [{"name": "label"}, {"name": "logits", "parameters": {"classification": 2}}],
    }
    url = f"{api}/v2/models/{model}/versions/{version}/infer"
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                     headers={"Authorization": f"Bearer {key}", "Content-Type": "application/json"})
    start = time.perf_counter()
    with urllib.request.urlopen(request, timeout=30, context=TLS) as response:
        answer = json.load(response)
    elapsed = (time.perf_counter() - start) * 1000
    outputs = {o["name"]: o for o in answer["outputs"]}
    predicted = outputs["label"]["data"]
    top2 = outputs["logits"]["data"]
    print(f"POST {url}: {rows} images in {elapsed:.1f} ms, each run on {replication} node(s)"
          + (f", {answer['parameters']['replicas_agreed']} of {answer['parameters']['replicas_answered']} agreed"
             if "parameters" in answer else ""))
    right = 0
    for i, (p, t) in enumerate(zip(predicted, labels)):
        right += p == t
        runner_up = top2[i * 2 + 1].split(":")[1]
        print(f"  image {i}: predicted {CLASSES[p]:<12} true {CLASSES[t]:<12} {'ok' if p == t else 'WRONG'}"
              f"  (runner-up {CLASSES[int(runner_up)]})")
    print(f"  {right} of {rows} right")


if __name__ == "__main__":
    main()
