#!/usr/bin/env python3
"""Shows proof of compute on training: uploads part of Fashion-MNIST as a dataset, trains the CNN
on it data-parallel (the platform shards it; some shards are also run by other providers or by the
platform's verifier node, and results the round's screen flags are replayed), prints what every
round checked, then the providers proven to have cheated and what it cost them on chain.

usage: verify-training.py API_URL KEY SPEC_PATH [SHARDS] [ROUNDS]
"""
import array
import gzip
import json
import os
import ssl
import struct
import sys
import time
import urllib.error
import urllib.request

# The Api is HTTPS: with OAI_CA_FILE (oai.sh sets it to the development CA) only that CA is trusted.
TLS = ssl.create_default_context(cafile=os.environ.get("OAI_CA_FILE") or None)

DATA = "/usr/share/datasets/fashion-mnist"
MEAN, STD = 0.2860406, 0.3530242
PER_SHARD = 300


def dataset_file(count):
    """The first `count` training images as a dataset file: safetensors with float32 `features`
    [count, 1, 28, 28], float32 `labels` [count] and the class count in the metadata."""
    with gzip.open(f"{DATA}/train-images-idx3-ubyte.gz") as f:
        f.read(16)
        pixels = f.read(784 * count)
    with gzip.open(f"{DATA}/train-labels-idx1-ubyte.gz") as f:
        f.read(8)
        labels = f.read(count)
    features = array.array("f", ((b / 255.0 - MEAN) / STD for b in pixels)).tobytes()
    classes = array.array("f", (float(y) for y in labels)).tobytes()
    header = {
        "__metadata__": {"classes": "10", "format": "orleansai-dataset-v1"},
        "features": {"dtype": "F32", "shape": [count, 1, 28, 28], "data_offsets": [0, len(features)]},
        "labels": {"dtype": "F32", "shape": [count], "data_offsets": [len(features), len(features) + len(classes)]},
    }
    text = json.dumps(header).encode()
    text += b" " * (-len(text) % 8)
    return struct.pack("<Q", len(text)) + text + features + classes


def call(api, key, path, body=None, raw=None):
    data = raw if raw is not None else None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(f"{api}{path}", data=data, method="GET" if data is None else "POST",
                                     headers={"Authorization": f"Bearer {key}",
                                              "Content-Type": "application/octet-stream" if raw is not None else "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=120, context=TLS) as response:
            return json.load(response)
    except urllib.error.HTTPError as error:
        sys.exit(f"{path}: HTTP {error.code}: {error.read().decode(errors='replace')}")


def main():
    api, key, spec_path = sys.argv[1:4]
    shards = int(sys.argv[4]) if len(sys.argv) > 4 else 8
    rounds = int(sys.argv[5]) if len(sys.argv) > 5 else 3
    # Listed before the job: a provider suspended for proven fraud goes offline and leaves the list.
    providers = [p["address"] for p in call(api, key, "/api/providers?take=100")["items"]]
    dataset = call(api, key, "/api/datasets?name=fashion-mnist-part", raw=dataset_file(shards * PER_SHARD * 10 // 9))
    print(f"uploaded dataset {dataset['sha256'][:16]}... ({dataset['examples']} examples, {dataset['length'] / 1e6:.1f} MB)")
    with open(spec_path) as f:
        spec = json.load(f)
    job = call(api, key, "/api/jobs", {
        "spec": spec, "model": "fashion-cnn-dp", "mode": "data-parallel", "dataset": dataset["sha256"],
        "shards": shards, "rounds": rounds, "minProviders": shards, "localEpochs": 1, "learningRate": 0.001,
        "batchSize": 32, "roundTimeoutSeconds": 300,
        # Generous checks for a short demo: a quarter of the shards replicated, a tenth canaried.
        "verification": {"replicationShare": 0.25, "canaryRate": 0.1}})
    print(f"data-parallel job {job['id']}: {shards} shards x {rounds} rounds; tolerance for non-bitwise runtimes: "
          f"cosine >= {job['verification']['minCosine']}, max |difference| <= {job['verification']['maxAbsDifference']}")
    shown = 0
    deadline = time.time() + 1800
    while time.time() < deadline:
        job = call(api, key, f"/api/jobs/{job['id']}")
        for r in range(shown + 1, job["roundsCompleted"] + 1):
            detail = call(api, key, f"/api/jobs/{job['id']}/rounds/{r}")
            used = sum(c["used"] for c in detail["contributions"])
            print(f"  round {r}: {len(detail['contributions'])} results, {used} in the model; {len(detail['checks'])} shard(s) checked")
            for check in detail["checks"]:
                roles = ", ".join(f"{x['role']} {x['provider'][:10]} {x['standing']}"
                                  + (f" ({x['method']})" if x["method"] else "")
                                  + (" [flagged]" if x["note"] else "") for x in check["results"])
                print(f"    shard {check['item']}: {check['outcome']} -- {roles}")
            shown = r
        if job["status"] in ("completed", "failed", "cancelled"):
            break
        time.sleep(2)
    print(f"job {job['status']}: {job['statusReason']}")
    caught = 0
    for address in providers:
        cases = [c for c in call(api, key, f"/api/providers/{address}/cases") if c.get("evidence")
                 and c["evidence"]["kind"].startswith("training") and c["evidence"]["modelKey"].startswith(job["id"] + "/")]
        for c in cases:
            caught += 1
            slashed = int(c.get("slashedWei") or 0) / 1e18
            record = call(api, key, f"/api/providers/{address}")
            print(f"  {address}: {c['evidence']['kind']} case {c['id'][:16]}... on shard {c['evidence']['modelKey'].split('/')[-1]}"
                  f" of round {c['evidence']['modelKey'].split('/')[1]}: {c['status']}, slashed {slashed:g} OAI;"
                  f" suspended until {record.get('suspendedUntil', '-')}")
    if caught == 0:
        print("  no training fraud proven in this job")
    return 0 if job["status"] == "completed" else 1


if __name__ == "__main__":
    sys.exit(main())
